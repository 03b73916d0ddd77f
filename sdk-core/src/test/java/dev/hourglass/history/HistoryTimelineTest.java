package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTimelineTest {

    @Test
    void formatsAHeaderAndOneAlignedLinePerEventWithItsOffsetFromTheFirst() {
        assertThat(HistoryTimeline.format(Histories.completedTransfer())).isEqualTo(String.join("\n",
                "Timeline of transfer-1 (workflow type Transfer, task queue transfers, run run-1,"
                        + " started 2025-01-01T00:00:00Z):",
                "  #1   +0d 00:00:00.000  WorkflowExecutionStarted    input=[\"alice\",\"bob\",100]",
                "  #2   +0d 00:00:00.000  ActivityTaskScheduled       activityId=1 activityType=withdraw"
                        + " input=[\"alice\",100]",
                "  #3   +0d 00:00:00.000  ActivityTaskStarted         activityId=1 attempt=1",
                "  #4   +0d 00:00:00.000  ActivityTaskCompleted       activityId=1 result=\"tx-1\"",
                "  #5   +0d 00:00:00.000  TimerStarted                timerId=1 duration=3d",
                "  #6   +3d 00:00:00.000  TimerFired                  timerId=1",
                "  #7   +3d 00:00:00.000  ActivityTaskScheduled       activityId=2 activityType=deposit"
                        + " input=[\"bob\",100]",
                "  #8   +3d 00:00:00.000  ActivityTaskStarted         activityId=2 attempt=1",
                "  #9   +3d 00:00:00.000  ActivityTaskCompleted       activityId=2 result=\"tx-2\"",
                "  #10  +3d 00:00:00.000  WorkflowExecutionCompleted  result=\"moved 100 from alice to bob\""));
    }

    @Test
    void showsTheStartDelayOnTheStartedEvent() {
        History history = Histories.of("reminder-1")
                .event(new WorkflowExecutionStartedAttributes("Transfer", "transfers", Payload.ofArguments(), null,
                        null, null, null, null, Duration.ofDays(30)))
                .build();

        assertThat(HistoryTimeline.format(history).lines().toList().get(1))
                .isEqualTo("  #1  +0d 00:00:00.000  WorkflowExecutionStarted  input=[] firstWorkflowTaskBackoff=30d");
    }

    @Test
    void offsetsShowDaysThenHoursToMilliseconds() {
        History history = Histories.of("t")
                .started()
                .at(Duration.ofDays(12).plusHours(3).plusMinutes(4).plusSeconds(5).plusMillis(67))
                .event(new WorkflowExecutionSignaledAttributes("cancel", Payload.ofArguments()))
                .build();
        assertThat(HistoryTimeline.format(history).lines().toList().get(2))
                .isEqualTo("  #2  +12d 03:04:05.067  WorkflowExecutionSignaled  signalName=cancel input=[]");
    }

    @Test
    void alignsTheOffsetsOfAHistorySpanningMoreThanOneHundredDaysOnTheRight() {
        History history = Histories.of("subscription-1")
                .started()
                .event(new TimerStartedAttributes("1", Duration.ofDays(30)))
                .at(Duration.ofDays(10).minusMillis(1))
                .event(new WorkflowExecutionSignaledAttributes("pause", Payload.ofArguments()))
                .at(Duration.ofDays(30))
                .event(new TimerFiredAttributes("1"))
                .at(Duration.ofDays(100))
                .event(new WorkflowExecutionSignaledAttributes("resume", Payload.ofArguments()))
                .at(Duration.ofDays(123).plusHours(4).plusMinutes(5).plusSeconds(6).plusMillis(7))
                .event(new WorkflowExecutionCompletedAttributes(Payload.of("billed")))
                .build();

        assertThat(HistoryTimeline.format(history)).isEqualTo(String.join("\n",
                "Timeline of subscription-1 (workflow type Transfer, task queue transfers, run run-1,"
                        + " started 2025-01-01T00:00:00Z):",
                "  #1    +0d 00:00:00.000  WorkflowExecutionStarted    input=[]",
                "  #2    +0d 00:00:00.000  TimerStarted                timerId=1 duration=30d",
                "  #3    +9d 23:59:59.999  WorkflowExecutionSignaled   signalName=pause input=[]",
                "  #4   +30d 00:00:00.000  TimerFired                  timerId=1",
                "  #5  +100d 00:00:00.000  WorkflowExecutionSignaled   signalName=resume input=[]",
                "  #6  +123d 04:05:06.007  WorkflowExecutionCompleted  result=\"billed\""));
    }

    @Test
    void showsALocalActivityMarkerAsItsActivityAttemptAndOutcome() {
        History history = Histories.of("greeting-1")
                .started()
                .event(new MarkerRecordedAttributes("LocalActivity", "1", Payload.fromJson("{\"activityId\":\"1\","
                        + "\"activityType\":\"greet\",\"attempt\":1,\"input\":[\"ada\"],\"failure\":{\"kind\":"
                        + "\"application\",\"type\":\"Flaky\",\"message\":\"down\"},\"backoff\":\"PT2S\"}")))
                .event(new MarkerRecordedAttributes("LocalActivity", "1", Payload.fromJson("{\"activityId\":\"1\","
                        + "\"activityType\":\"greet\",\"attempt\":2,\"input\":[\"ada\"],\"result\":\"hello\"}")))
                .build();

        assertThat(HistoryTimeline.format(history).lines().skip(2).toList()).containsExactly(
                "  #2  +0d 00:00:00.000  MarkerRecorded            LocalActivity activityId=1 activityType=greet"
                        + " attempt=1 input=[\"ada\"] failure=Flaky \"down\" retryAfter=2s",
                "  #3  +0d 00:00:00.000  MarkerRecorded            LocalActivity activityId=1 activityType=greet"
                        + " attempt=2 input=[\"ada\"] result=\"hello\"");
    }

    @Test
    void writesFailuresAsTheirChainOfTypesAndMessagesWithoutStackTraces() {
        String timeline = HistoryTimeline.format(Histories.failedTransfer());
        assertThat(timeline.lines().toList().get(5)).isEqualTo("  #5  +0d 00:00:00.000  WorkflowExecutionFailed"
                + "   failure=ActivityFailure[withdraw, attempt 1] caused by InsufficientFunds \"insufficient funds\"");
        assertThat(timeline).doesNotContain("stackTrace").doesNotContain("at somewhere");
    }

    @Test
    void writesDurationsInTheirLargestUnitsAndRetryPoliciesCompactly() {
        RetryPolicy retryPolicy = RetryPolicy.newBuilder()
                .setInitialInterval(Duration.ofMillis(1500))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(100))
                .setMaximumAttempts(3)
                .build();
        History history = Histories.of("t")
                .started()
                .event(new ActivityTaskScheduledAttributes("1", "withdraw", "other-queue", Payload.ofArguments(),
                        Duration.ofSeconds(10), null, null, retryPolicy))
                .build();
        assertThat(HistoryTimeline.format(history).lines().toList().get(2)).endsWith("activityId=1"
                + " activityType=withdraw taskQueue=other-queue input=[] startToCloseTimeout=10s"
                + " retryPolicy={initialInterval=1s 500ms, backoffCoefficient=2.0, maximumInterval=1h 40m,"
                + " maximumAttempts=3}");
    }

    @Test
    void leavesOutAttributesThatRepeatTheHeaderButKeepsDifferentOnes() {
        History history = Histories.of("t")
                .event(new WorkflowExecutionStartedAttributes("Transfer", "transfers", Payload.ofArguments(),
                        "batch-7", "run-0", null, null))
                .event(new StartChildWorkflowExecutionInitiatedAttributes("1", "t-child", "Payout", "payouts",
                        Payload.ofArguments(), null, null))
                .build();
        List<String> lines = HistoryTimeline.format(history).lines().toList();
        assertThat(lines.get(1)).endsWith("WorkflowExecutionStarted              input=[] parentWorkflowId=batch-7"
                + " parentRunId=run-0");
        assertThat(lines.get(2)).endsWith("childId=1 workflowId=t-child workflowType=Payout taskQueue=payouts"
                + " input=[]");
    }

    @Test
    void abbreviatesLongValues() {
        String longText = "x".repeat(500);
        History history = Histories.of("t").started(longText).build();
        String line = HistoryTimeline.format(history).lines().toList().get(1);
        assertThat(line).endsWith("…").hasSizeLessThan(250);
    }

    @Test
    void formatsAnEmptyHistory() {
        History empty = new History("t", "run-1", "Transfer", "transfers", List.of());
        assertThat(HistoryTimeline.format(empty)).endsWith(":\n  (no events)");
    }
}
