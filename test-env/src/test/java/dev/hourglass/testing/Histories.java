package dev.hourglass.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.common.DataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds histories by hand for tests of code that reads them. */
final class Histories {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final String workflowId;
    private final List<HistoryEvent> events = new ArrayList<>();
    private Instant now = START;

    private Histories(String workflowId) {
        this.workflowId = workflowId;
    }

    /** Starts a history of a workflow of type Transfer on task queue "transfers". */
    static Histories of(String workflowId) {
        return new Histories(workflowId);
    }

    /** Moves the time of the following events to {@code offset} after the start. */
    Histories at(Duration offset) {
        now = START.plus(offset);
        return this;
    }

    /** Adds an event with attributes given as name, value, name, value… (values encoded as JSON). */
    Histories event(EventType type, Object... attributes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < attributes.length; i += 2) {
            node.set((String) attributes[i], DataConverter.getDefault().toJson(attributes[i + 1]));
        }
        events.add(new HistoryEvent(events.size() + 1, now, type, node));
        return this;
    }

    History build() {
        return new History(workflowId, "run-1", "Transfer", "transfers", events);
    }

    /** A failure object as the engine records it. */
    static ObjectNode failure(String kind, String type, String message, ObjectNode cause) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("message", message);
        node.put("kind", kind);
        node.put("type", type);
        node.put("stackTrace", "\tat somewhere\n");
        if (cause != null) {
            node.set("cause", cause);
        }
        return node;
    }

    /** An activity failure wrapping {@code cause}, as the engine records it. */
    static ObjectNode activityFailure(String activityType, int attempt, ObjectNode cause) {
        ObjectNode node = failure("activity", "ActivityFailure", "Activity task failed", cause);
        node.put("activityType", activityType);
        node.put("activityId", "1");
        node.put("attempt", attempt);
        return node;
    }

    /** The history of a transfer that withdrew, held three days and deposited. */
    static History completedTransfer() {
        return of("transfer-1")
                .event(EventType.WorkflowExecutionStarted, "workflowType", "Transfer", "taskQueue", "transfers",
                        "input", List.of("alice", "bob", 100))
                .event(EventType.ActivityTaskScheduled, "activityId", "1", "activityType", "withdraw",
                        "taskQueue", "transfers", "input", List.of("alice", 100))
                .event(EventType.ActivityTaskStarted, "activityId", "1", "attempt", 1)
                .event(EventType.ActivityTaskCompleted, "activityId", "1", "result", "tx-1")
                .event(EventType.TimerStarted, "timerId", "1", "durationMillis", Duration.ofDays(3).toMillis())
                .at(Duration.ofDays(3))
                .event(EventType.TimerFired, "timerId", "1")
                .event(EventType.ActivityTaskScheduled, "activityId", "2", "activityType", "deposit",
                        "taskQueue", "transfers", "input", List.of("bob", 100))
                .event(EventType.ActivityTaskStarted, "activityId", "2", "attempt", 1)
                .event(EventType.ActivityTaskCompleted, "activityId", "2", "result", "tx-2")
                .event(EventType.WorkflowExecutionCompleted, "result", "moved 100 from alice to bob")
                .build();
    }

    /** The history of a transfer whose withdrawal failed for lack of funds. */
    static History failedTransfer() {
        ObjectNode insufficient = failure("application", "InsufficientFunds", "insufficient funds", null);
        insufficient.put("nonRetryable", true);
        return of("transfer-2")
                .event(EventType.WorkflowExecutionStarted, "workflowType", "Transfer", "taskQueue", "transfers",
                        "input", List.of("carol", "bob", 100))
                .event(EventType.ActivityTaskScheduled, "activityId", "1", "activityType", "withdraw",
                        "taskQueue", "transfers", "input", List.of("carol", 100))
                .event(EventType.ActivityTaskStarted, "activityId", "1", "attempt", 1)
                .event(EventType.ActivityTaskFailed, "activityId", "1", "failure", insufficient.deepCopy())
                .event(EventType.WorkflowExecutionFailed, "failure", activityFailure("withdraw", 1, insufficient))
                .build();
    }

    /** The history of a transfer still holding the money, which received a cancel signal. */
    static History openTransfer() {
        return of("transfer-3")
                .event(EventType.WorkflowExecutionStarted, "workflowType", "Transfer", "taskQueue", "transfers",
                        "input", List.of("alice", "bob", 100))
                .event(EventType.TimerStarted, "timerId", "1", "durationMillis", Duration.ofDays(3).toMillis())
                .at(Duration.ofHours(2))
                .event(EventType.WorkflowExecutionSignaled, "signalName", "cancel", "input", List.of("fraud"))
                .build();
    }
}
