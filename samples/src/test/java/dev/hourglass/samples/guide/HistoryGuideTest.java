package dev.hourglass.samples.guide;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.testing.TestWorkflowExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Assertions on histories and the timeline of a history. */
class HistoryGuideTest {

    private final Accounts accounts = mock(Accounts.class);
    private final Notifier notifier = mock(Notifier.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts, notifier)
            .build();

    // guide: history-assert begin
    @Test
    void theHistoryShowsTheHoldBetweenWithdrawalAndDeposit(Transfer transfer, WorkflowClient client) {
        transfer.transfer("alice", "bob", 100);

        History history = client.fetchHistory("theHistoryShowsTheHoldBetweenWithdrawalAndDeposit-1");
        assertThat(history)
                .hasEventsInOrder(EventType.ActivityTaskScheduled, EventType.TimerStarted, EventType.TimerFired,
                        EventType.ActivityTaskScheduled)
                .hasActivityScheduledTimes("withdraw", 1)
                .hasTimerStarted(Duration.ofDays(3))
                .hasActivityScheduledTimes("refund", 0)
                .completedWith("moved 100 from alice to bob");
    }
    // guide: history-assert end

    // guide: history-failed begin
    @Test
    void theHistoryOfARejectedTransferEndsInItsFailure(Transfer transfer, WorkflowClient client) {
        when(accounts.withdraw("carol", 100))
                .thenThrow(ApplicationFailure.newNonRetryableFailure("insufficient funds", "InsufficientFunds"));

        assertThatThrownBy(() -> transfer.transfer("carol", "bob", 100));

        assertThat(client.fetchHistory("theHistoryOfARejectedTransferEndsInItsFailure-1"))
                .isClosed()
                .failedWith("InsufficientFunds");
    }
    // guide: history-failed end

    @Test
    void aFailedHistoryAssertionNamesTheWorkflowAndListsItsEvents(Transfer transfer, WorkflowClient client) {
        transfer.transfer("alice", "bob", 100);
        History history = client.fetchHistory("aFailedHistoryAssertionNamesTheWorkflowAndListsItsEvents-1");

        assertThatThrownBy(() -> assertThat(history).hasActivityScheduled("refund"))
                .isInstanceOf(AssertionError.class)
                .message()
                .isEqualToNormalizingNewlines(String.join("\n", "",
                        "Expecting history of <aFailedHistoryAssertionNamesTheWorkflowAndListsItsEvents-1>:",
                        "  <1 WorkflowExecutionStarted, 2 ActivityTaskScheduled activityId=1 activityType=withdraw,"
                                + " 3 ActivityTaskStarted activityId=1 attempt=1, 4 ActivityTaskCompleted activityId=1,"
                                + " 5 TimerStarted timerId=1 duration=3d, 6 TimerFired timerId=1,"
                                + " 7 ActivityTaskScheduled activityId=2 activityType=deposit,"
                                + " 8 ActivityTaskStarted activityId=2 attempt=1, 9 ActivityTaskCompleted activityId=2,"
                                + " 10 ActivityTaskScheduled activityId=3 activityType=send,"
                                + " 11 ActivityTaskStarted activityId=3 attempt=1, 12 ActivityTaskCompleted activityId=3,"
                                + " 13 WorkflowExecutionCompleted>",
                        "to contain an ActivityTaskScheduled of type:",
                        "  <\"refund\">",
                        "but it has none"));
    }

    // guide: timeline begin
    @Test
    void theTimelineShowsTheTimerFiringThreeDaysLater(Transfer transfer, WorkflowClient client) {
        transfer.transfer("alice", "bob", 100);

        String timeline = HistoryTimeline.format(
                client.fetchHistory("theTimelineShowsTheTimerFiringThreeDaysLater-1"));

        assertThat(timeline)
                .contains("  #5   +0d 00:00:00.000  TimerStarted                timerId=1 duration=3d\n")
                .contains("  #6   +3d 00:00:00.000  TimerFired                  timerId=1\n");
    }
    // guide: timeline end

    // guide: html-timeline begin
    @Test
    void theHtmlTimelineIsOnePageThatOpensInABrowser(Transfer transfer, WorkflowClient client, @TempDir Path dir) {
        transfer.transfer("alice", "bob", 100);

        Path page = dir.resolve("transfer.html");
        HistoryTimeline.writeHtml(client.fetchHistory("theHtmlTimelineIsOnePageThatOpensInABrowser-1"), page);

        assertThat(page).content()
                .contains("data-activity-type=\"withdraw\"")
                .contains("data-event-type=\"TimerFired\"");
    }
    // guide: html-timeline end
}
