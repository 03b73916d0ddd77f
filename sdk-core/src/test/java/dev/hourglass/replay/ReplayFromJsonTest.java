package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import org.junit.jupiter.api.Test;

/** Replay works from histories stored as JSON text, as they are kept in files. */
class ReplayFromJsonTest {

    /** A completed transfer written by hand: withdraw, a 20 ms hold, deposit. */
    static final String TRANSFER_JSON = """
            {
              "format": "hourglass-history",
              "version": 1,
              "workflowId": "transfer-from-file",
              "runId": "run-1",
              "workflowType": "Transfer",
              "taskQueue": "transfers",
              "events": [
                {"eventId": 1, "eventTime": "2024-05-01T12:00:00Z", "eventType": "WorkflowExecutionStarted",
                 "attributes": {"workflowType": "Transfer", "taskQueue": "transfers", "input": ["carol", "dave", 250]}},
                {"eventId": 2, "eventTime": "2024-05-01T12:00:00.010Z", "eventType": "ActivityTaskScheduled",
                 "attributes": {"activityId": "1", "activityType": "withdraw", "taskQueue": "transfers",
                                "input": ["carol", 250], "startToCloseTimeoutMillis": 5000}},
                {"eventId": 3, "eventTime": "2024-05-01T12:00:00.020Z", "eventType": "ActivityTaskStarted",
                 "attributes": {"activityId": "1", "attempt": 1}},
                {"eventId": 4, "eventTime": "2024-05-01T12:00:00.020Z", "eventType": "ActivityTaskCompleted",
                 "attributes": {"activityId": "1", "result": "withdrew 250 from carol"}},
                {"eventId": 5, "eventTime": "2024-05-01T12:00:00.030Z", "eventType": "TimerStarted",
                 "attributes": {"timerId": "1", "durationMillis": 20}},
                {"eventId": 6, "eventTime": "2024-05-01T12:00:00.050Z", "eventType": "TimerFired",
                 "attributes": {"timerId": "1"}},
                {"eventId": 7, "eventTime": "2024-05-01T12:00:00.060Z", "eventType": "ActivityTaskScheduled",
                 "attributes": {"activityId": "2", "activityType": "deposit", "taskQueue": "transfers",
                                "input": ["dave", 250], "startToCloseTimeoutMillis": 5000}},
                {"eventId": 8, "eventTime": "2024-05-01T12:00:00.070Z", "eventType": "ActivityTaskStarted",
                 "attributes": {"activityId": "2", "attempt": 1}},
                {"eventId": 9, "eventTime": "2024-05-01T12:00:00.070Z", "eventType": "ActivityTaskCompleted",
                 "attributes": {"activityId": "2", "result": "deposited 250 to dave"}},
                {"eventId": 10, "eventTime": "2024-05-01T12:00:00.080Z", "eventType": "WorkflowExecutionCompleted",
                 "attributes": {"result": "withdrew 250 from carol, deposited 250 to dave"}}
              ]
            }
            """;

    @Test
    void replaysAHandWrittenHistoryReadFromJson() {
        assertThat(Replayer.replay(History.fromJson(TRANSFER_JSON), true, Transfers.Original.class)).isEmpty();
    }

    @Test
    void reportsNondeterminismOfAHistoryReadFromJson() {
        assertThatThrownBy(() -> Replayer.replay(History.fromJson(TRANSFER_JSON), false,
                Transfers.SwappedActivities.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("transfer-from-file");
                });
    }

    @Test
    void replaysARecordedHistoryAfterAJsonRoundTrip() {
        History reread = History.fromJson(RecordedHistories.transfer().toJson());

        assertThat(Replayer.replay(reread, true, Transfers.Original.class)).isEmpty();
    }

    @Test
    void refusesAHistoryWhoseWorkflowTypeNoClassImplements() {
        assertThatThrownBy(() -> Replayer.replay(History.fromJson(TRANSFER_JSON), false, Batches.ThreeSteps.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Transfer'")
                .hasMessageContaining("Batch");
    }
}
