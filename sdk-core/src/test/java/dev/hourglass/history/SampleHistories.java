package dev.hourglass.history;

import dev.hourglass.common.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small, hand-written histories for examples. */
final class SampleHistories {

    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private SampleHistories() {}

    /** A completed money transfer: withdraw, a three-day hold, deposit. */
    static History moneyTransfer() {
        List<HistoryEvent> events = new ArrayList<>();
        Payload transfer = Payload.fromJson("[{\"from\":\"acct-1\",\"to\":\"acct-2\",\"amountCents\":10000}]");
        events.add(new HistoryEvent(1, START, new WorkflowExecutionStartedAttributes("MoneyTransfer", "transfers",
                transfer, null, null, null, null)));
        events.add(scheduled(2, START.plusMillis(12), "1", "withdraw", "acct-1"));
        events.add(new HistoryEvent(3, START.plusMillis(15), new ActivityTaskStartedAttributes("1", 1)));
        events.add(new HistoryEvent(4, START.plusMillis(48),
                new ActivityTaskCompletedAttributes("1", Payload.of("wd-7731"))));
        events.add(new HistoryEvent(5, START.plusMillis(51), new TimerStartedAttributes("2", Duration.ofDays(3))));
        Instant fired = START.plusMillis(51).plus(Duration.ofDays(3));
        events.add(new HistoryEvent(6, fired, new TimerFiredAttributes("2")));
        events.add(scheduled(7, fired.plusMillis(9), "3", "deposit", "acct-2"));
        events.add(new HistoryEvent(8, fired.plusMillis(11), new ActivityTaskStartedAttributes("3", 1)));
        events.add(new HistoryEvent(9, fired.plusMillis(40),
                new ActivityTaskCompletedAttributes("3", Payload.of("dp-1187"))));
        events.add(new HistoryEvent(10, fired.plusMillis(44),
                new WorkflowExecutionCompletedAttributes(Payload.of("transferred"))));
        return new History("transfer-42", "9f1c7e2a-5b3d-4c8e-a1f0-2d6b8e4c7a19", "MoneyTransfer", "transfers", events);
    }

    /** A history with only its started event. */
    static History justStarted() {
        return new History(
                "transfer-1",
                "run-1",
                "MoneyTransfer",
                "transfers",
                List.of(new HistoryEvent(1, START, new WorkflowExecutionStartedAttributes("MoneyTransfer",
                        "transfers", Payload.ofArguments(), null, null, null, null))));
    }

    /** The retry policy of the sample activities. */
    static RetryPolicy retryPolicy() {
        return RetryPolicy.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(5)
                .setDoNotRetry("InsufficientFunds")
                .build();
    }

    private static HistoryEvent scheduled(long id, Instant time, String activityId, String type, String account) {
        return new HistoryEvent(id, time, new ActivityTaskScheduledAttributes(activityId, type, "transfers",
                Payload.ofArguments(account, 10000), Duration.ofSeconds(10), null, null, retryPolicy()));
    }
}
