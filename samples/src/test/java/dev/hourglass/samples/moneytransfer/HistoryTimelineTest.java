package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import org.junit.jupiter.api.Test;

class HistoryTimelineTest {

    private static final History REFUNDED = History.fromJson("""
            {
              "format": "hourglass-history", "version": 1,
              "workflowId": "t-1", "runId": "r-1", "workflowType": "MoneyTransferWorkflow", "taskQueue": "q",
              "events": [
                {"eventId": 1, "eventTime": "2024-05-01T12:00:00Z", "eventType": "WorkflowExecutionStarted",
                 "attributes": {"workflowType": "MoneyTransferWorkflow", "taskQueue": "q", "input": ["x"]}},
                {"eventId": 2, "eventTime": "2024-05-01T12:00:00.010Z", "eventType": "ActivityTaskScheduled",
                 "attributes": {"activityId": "1", "activityType": "deposit", "taskQueue": "q",
                                "input": ["carol", 5000], "startToCloseTimeoutMillis": 10000}},
                {"eventId": 3, "eventTime": "2024-05-01T12:00:00.020Z", "eventType": "TimerStarted",
                 "attributes": {"timerId": "1", "durationMillis": 3000}},
                {"eventId": 4, "eventTime": "2024-05-01T12:00:03.500Z", "eventType": "WorkflowExecutionFailed",
                 "attributes": {"failure": {"message": "Activity task failed", "type": "ActivityFailure",
                                            "kind": "activity",
                                            "cause": {"message": "account carol is closed",
                                                      "type": "AccountClosed", "kind": "application"}}}}
              ]
            }""");

    @Test
    void printsOneLinePerEventWithTheTimeSinceTheStart() {
        assertThat(HistoryTimeline.lines(REFUNDED))
                .hasSize(4)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("  1  +0.000s  WorkflowExecutionStarted"))
                .satisfies(lines -> assertThat(lines.get(3)).startsWith("  4  +3.500s  WorkflowExecutionFailed"));
    }

    @Test
    void showsKeyAttributesAndHidesTaskQueuesAndTimeouts() {
        assertThat(HistoryTimeline.lines(REFUNDED).get(1))
                .endsWith("activityId=1 activityType=deposit input=[\"carol\",5000]")
                .doesNotContain("taskQueue")
                .doesNotContain("Timeout");
    }

    @Test
    void showsTimerDurationsAsDurations() {
        assertThat(HistoryTimeline.lines(REFUNDED).get(2)).endsWith("timerId=1 duration=PT3S");
    }

    @Test
    void showsAFailureByItsRootCause() {
        assertThat(HistoryTimeline.lines(REFUNDED).get(3))
                .endsWith("failure=AccountClosed(\"account carol is closed\")");
    }
}
