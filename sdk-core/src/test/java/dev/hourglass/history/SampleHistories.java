package dev.hourglass.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small, hand-written histories for examples. */
final class SampleHistories {

    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleHistories() {}

    /** A completed money transfer: withdraw, a three-day hold, deposit. */
    static History moneyTransfer() {
        List<HistoryEvent> events = new ArrayList<>();
        ObjectNode transfer = NODES.objectNode().put("from", "acct-1").put("to", "acct-2").put("amountCents", 10000);
        ObjectNode started = NODES.objectNode().put("workflowType", "MoneyTransfer").put("taskQueue", "transfers");
        started.putArray("input").add(transfer);
        events.add(new HistoryEvent(1, START, EventType.WorkflowExecutionStarted, started));
        events.add(scheduled(2, START.plusMillis(12), "1", "withdraw", "acct-1"));
        events.add(
                new HistoryEvent(
                        3,
                        START.plusMillis(15),
                        EventType.ActivityTaskStarted,
                        NODES.objectNode().put("activityId", "1").put("attempt", 1)));
        events.add(
                new HistoryEvent(
                        4,
                        START.plusMillis(48),
                        EventType.ActivityTaskCompleted,
                        NODES.objectNode().put("activityId", "1").put("result", "wd-7731")));
        events.add(
                new HistoryEvent(
                        5,
                        START.plusMillis(51),
                        EventType.TimerStarted,
                        NODES.objectNode().put("timerId", "2").put("durationMillis", 259_200_000L)));
        Instant fired = START.plusMillis(51 + 259_200_000L);
        events.add(new HistoryEvent(6, fired, EventType.TimerFired, NODES.objectNode().put("timerId", "2")));
        events.add(scheduled(7, fired.plusMillis(9), "3", "deposit", "acct-2"));
        events.add(
                new HistoryEvent(
                        8,
                        fired.plusMillis(11),
                        EventType.ActivityTaskStarted,
                        NODES.objectNode().put("activityId", "3").put("attempt", 1)));
        events.add(
                new HistoryEvent(
                        9,
                        fired.plusMillis(40),
                        EventType.ActivityTaskCompleted,
                        NODES.objectNode().put("activityId", "3").put("result", "dp-1187")));
        events.add(
                new HistoryEvent(
                        10,
                        fired.plusMillis(44),
                        EventType.WorkflowExecutionCompleted,
                        NODES.objectNode().put("result", "transferred")));
        return new History("transfer-42", "9f1c7e2a-5b3d-4c8e-a1f0-2d6b8e4c7a19", "MoneyTransfer", "transfers", events);
    }

    /** A history with only its started event. */
    static History justStarted() {
        ObjectNode started = NODES.objectNode().put("workflowType", "MoneyTransfer").put("taskQueue", "transfers");
        started.putArray("input");
        return new History(
                "transfer-1",
                "run-1",
                "MoneyTransfer",
                "transfers",
                List.of(new HistoryEvent(1, START, EventType.WorkflowExecutionStarted, started)));
    }

    private static HistoryEvent scheduled(long id, Instant time, String activityId, String type, String account) {
        ObjectNode attributes =
                NODES.objectNode()
                        .put("activityId", activityId)
                        .put("activityType", type)
                        .put("taskQueue", "transfers");
        attributes.putArray("input").add(account).add(10000);
        attributes.put("startToCloseTimeoutMillis", 10_000L);
        ObjectNode retry = attributes.putObject("retryPolicy");
        retry.put("initialIntervalMillis", 1000L).put("backoffCoefficient", 2.0).put("maximumIntervalMillis", 60_000L);
        retry.put("maximumAttempts", 5);
        retry.putArray("doNotRetry").add("InsufficientFunds");
        return new HistoryEvent(id, time, EventType.ActivityTaskScheduled, attributes);
    }
}
