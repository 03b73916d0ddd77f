package dev.hourglass.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.internal.history.JsonPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds histories by hand for tests of code that reads them, such as {@link HistoryTimeline}.
 *
 * <p>Shared with test-env's tests (for the history assertions) through sdk-core's test jar.
 */
public final class Histories {

    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final String workflowId;
    private final List<HistoryEvent> events = new ArrayList<>();
    private Instant now = START;

    private Histories(String workflowId) {
        this.workflowId = workflowId;
    }

    /** Starts a history of a workflow of type Transfer on task queue "transfers". */
    public static Histories of(String workflowId) {
        return new Histories(workflowId);
    }

    /** Moves the time of the following events to {@code offset} after the start. */
    public Histories at(Duration offset) {
        now = START.plus(offset);
        return this;
    }

    /** Adds an event with these attributes. */
    public Histories event(EventAttributes attributes) {
        events.add(new HistoryEvent(events.size() + 1, now, attributes));
        return this;
    }

    /** Adds the start of a Transfer on task queue "transfers" with these arguments. */
    public Histories started(Object... input) {
        return event(new WorkflowExecutionStartedAttributes("Transfer", "transfers", Payload.ofArguments(input), null,
                null, null, null));
    }

    /** Adds the scheduling of an activity on task queue "transfers" with these arguments. */
    public Histories scheduled(String activityId, String activityType, Object... input) {
        return event(new ActivityTaskScheduledAttributes(activityId, activityType, "transfers",
                Payload.ofArguments(input), null, null, null, null));
    }

    /** Adds the first attempt and the result of an activity. */
    public Histories completed(String activityId, Object result) {
        return event(new ActivityTaskStartedAttributes(activityId, 1))
                .event(new ActivityTaskCompletedAttributes(activityId, Payload.of(result)));
    }

    public History build() {
        return new History(workflowId, "run-1", "Transfer", "transfers", events);
    }

    /** A failure object as the engine records it. */
    public static ObjectNode failure(String kind, String type, String message, ObjectNode cause) {
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
    public static ObjectNode activityFailure(String activityType, int attempt, ObjectNode cause) {
        ObjectNode node = failure("activity", "ActivityFailure", "Activity task failed", cause);
        node.put("activityType", activityType);
        node.put("activityId", "1");
        node.put("attempt", attempt);
        return node;
    }

    /** The history of a transfer that withdrew, held three days and deposited. */
    public static History completedTransfer() {
        return of("transfer-1")
                .started("alice", "bob", 100)
                .scheduled("1", "withdraw", "alice", 100)
                .completed("1", "tx-1")
                .event(new TimerStartedAttributes("1", Duration.ofDays(3)))
                .at(Duration.ofDays(3))
                .event(new TimerFiredAttributes("1"))
                .scheduled("2", "deposit", "bob", 100)
                .completed("2", "tx-2")
                .event(new WorkflowExecutionCompletedAttributes(Payload.of("moved 100 from alice to bob")))
                .build();
    }

    /** The history of a transfer whose withdrawal failed for lack of funds. */
    public static History failedTransfer() {
        ObjectNode insufficient = failure("application", "InsufficientFunds", "insufficient funds", null);
        insufficient.put("nonRetryable", true);
        return of("transfer-2")
                .started("carol", "bob", 100)
                .scheduled("1", "withdraw", "carol", 100)
                .event(new ActivityTaskStartedAttributes("1", 1))
                .event(new ActivityTaskFailedAttributes("1", JsonPayload.of(insufficient.deepCopy()), null))
                .event(new WorkflowExecutionFailedAttributes(
                        JsonPayload.of(activityFailure("withdraw", 1, insufficient))))
                .build();
    }

    /** The history of a transfer still holding the money, which received a cancel signal. */
    public static History openTransfer() {
        return of("transfer-3")
                .started("alice", "bob", 100)
                .event(new TimerStartedAttributes("1", Duration.ofDays(3)))
                .at(Duration.ofHours(2))
                .event(new WorkflowExecutionSignaledAttributes("cancel", Payload.ofArguments("fraud")))
                .build();
    }
}
