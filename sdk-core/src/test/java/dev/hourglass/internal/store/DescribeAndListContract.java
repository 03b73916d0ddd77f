package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.PendingActivityState;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What describing and listing runs does, through the SPI under a clock the tests set, the same for every service:
 * each subclass runs these assertions against one. No worker runs; the tests complete workflow tasks and activity
 * attempts themselves. Backoffs and timeouts are long, because the in-memory service waits for them in real time.
 */
abstract class DescribeAndListContract {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final RetryPolicy HOURLY = RetryPolicy.newBuilder().setInitialInterval(Duration.ofHours(1))
            .setBackoffCoefficient(2).setMaximumAttempts(10).build();

    protected final SettableClock clock = new SettableClock(T0);
    private WorkflowServiceSpi service;

    /** A new service on {@code clock}, which the test closes. */
    abstract WorkflowServiceSpi open(SettableClock clock);

    /** Removes what the service left behind, once it is closed; nothing by default. */
    void afterClose() throws Exception {
    }

    @BeforeEach
    void openService() {
        service = open(clock);
    }

    @AfterEach
    void closeService() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            afterClose();
        }
    }

    private WorkflowExecution start(String workflowType, String workflowId, Duration at) {
        clock.set(T0.plus(at));
        return service.startWorkflow(StartWorkflowRequest.of(workflowId, workflowType, "payments",
                Payload.fromJson("[]"), WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
    }

    /** Every page of the listing, fetched one after the other. */
    private List<WorkflowExecutionMetadata> listAll(ExecutionFilter filter) {
        List<WorkflowExecutionMetadata> runs = new ArrayList<>();
        String token = null;
        do {
            ExecutionPage page = service.listWorkflowExecutions(filter, token);
            runs.addAll(page.getExecutions());
            token = page.getNextPageToken().orElse(null);
        } while (token != null);
        return runs;
    }

    private List<String> ids(ExecutionFilter filter) {
        return listAll(filter).stream().map(run -> run.getExecution().getWorkflowId()).toList();
    }

    private static List<String> ids(ExecutionPage page) {
        return page.getExecutions().stream().map(run -> run.getExecution().getWorkflowId()).toList();
    }

    private static ExecutionFilter pageSize(int size) {
        return ExecutionFilter.newBuilder().setPageSize(size).build();
    }

    // ---------------------------------------------------------------- listing

    @Test
    void listsRunsByStartTimeThenWorkflowId() {
        start("Order", "order-b", Duration.ofMinutes(1));
        start("Order", "order-c", Duration.ZERO);
        start("Order", "order-a", Duration.ofMinutes(1));

        assertThat(ids(ExecutionFilter.all())).containsExactly("order-c", "order-a", "order-b");
    }

    @Test
    void listsEveryRunOfAWorkflowIdOrderedByRunIdWhenTheyStartedAtTheSameInstant() {
        start("Order", "order-1", Duration.ZERO);
        service.terminateWorkflow("order-1", null, "again");
        start("Order", "order-1", Duration.ZERO);

        List<WorkflowExecutionMetadata> runs = listAll(pageSize(1));

        assertThat(runs).extracting(run -> run.getExecution().getRunId()).hasSize(2).isSorted();
        assertThat(runs).extracting(WorkflowExecutionMetadata::getStatus)
                .containsExactlyInAnyOrder(WorkflowExecutionStatus.TERMINATED, WorkflowExecutionStatus.RUNNING);
    }

    @Test
    void keepsOnlyRunsOfTheStatusAsked() {
        start("Order", "order-1", Duration.ZERO);
        start("Order", "order-2", Duration.ZERO);
        service.terminateWorkflow("order-1", null, "no longer needed");

        assertThat(ids(ExecutionFilter.newBuilder().setStatus(WorkflowExecutionStatus.TERMINATED).build()))
                .containsExactly("order-1");
        assertThat(ids(ExecutionFilter.newBuilder().setStatus(WorkflowExecutionStatus.RUNNING).build()))
                .containsExactly("order-2");
        assertThat(ids(ExecutionFilter.newBuilder().setStatus(WorkflowExecutionStatus.COMPLETED).build())).isEmpty();
    }

    @Test
    void keepsOnlyRunsOfTheWorkflowTypeAsked() {
        start("Order", "order-1", Duration.ZERO);
        start("Refund", "refund-1", Duration.ZERO);

        assertThat(ids(ExecutionFilter.newBuilder().setWorkflowType("Refund").build())).containsExactly("refund-1");
    }

    @Test
    void keepsRunsStartedFromTheLowerBoundInclusiveToTheUpperBoundExclusive() {
        start("Order", "before", Duration.ofMinutes(9));
        start("Order", "at-from", Duration.ofMinutes(10));
        start("Order", "inside", Duration.ofMinutes(15));
        start("Order", "at-to", Duration.ofMinutes(20));

        assertThat(ids(ExecutionFilter.newBuilder().setStartTimeFrom(T0.plus(Duration.ofMinutes(10)))
                .setStartTimeTo(T0.plus(Duration.ofMinutes(20))).build())).containsExactly("at-from", "inside");
    }

    @Test
    void boundsFinerThanAMillisecondCompareWithTheExactStartTime() {
        start("Order", "order-1", Duration.ZERO);
        Instant halfAMillisecondLater = T0.plusNanos(500_000);

        assertThat(ids(ExecutionFilter.newBuilder().setStartTimeFrom(halfAMillisecondLater).build())).isEmpty();
        assertThat(ids(ExecutionFilter.newBuilder().setStartTimeTo(halfAMillisecondLater).build()))
                .containsExactly("order-1");
    }

    @Test
    void combinesStatusTypeAndTimeAcrossPages() {
        for (int i = 0; i < 6; i++) {
            start(i % 2 == 0 ? "Order" : "Refund", "run-" + i, Duration.ofSeconds(i));
        }
        service.terminateWorkflow("run-2", null, "done");

        assertThat(ids(ExecutionFilter.newBuilder().setStatus(WorkflowExecutionStatus.RUNNING)
                .setWorkflowType("Order").setStartTimeFrom(T0.plusSeconds(1)).setPageSize(1).build()))
                .containsExactly("run-4");
        assertThat(ids(ExecutionFilter.newBuilder().setWorkflowType("Refund").setPageSize(2).build()))
                .containsExactly("run-1", "run-3", "run-5");
    }

    @Test
    void describesEachRunWithItsTypeTaskQueueTimesAndHistoryLength() {
        start("Order", "order-1", Duration.ofMinutes(1));
        clock.set(T0.plus(Duration.ofMinutes(5)));
        service.terminateWorkflow("order-1", null, "done");

        WorkflowExecutionMetadata run = listAll(ExecutionFilter.all()).get(0);

        assertThat(run.getWorkflowType()).isEqualTo("Order");
        assertThat(run.getTaskQueue()).isEqualTo("payments");
        assertThat(run.getStatus()).isEqualTo(WorkflowExecutionStatus.TERMINATED);
        assertThat(run.getStartTime()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(run.getCloseTime()).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(run.getHistoryLength()).isEqualTo(2);
    }

    @Test
    void listsARunWithTheMetadataItsDescriptionHas() {
        startTransferWithActivityAndTimer();
        service.terminateWorkflow("transfer-1", null, "done");

        WorkflowExecutionMetadata listed = listAll(ExecutionFilter.all()).get(0);
        WorkflowExecutionDescription described = service.describeWorkflow("transfer-1", null);

        assertThat(listed.getExecution()).isEqualTo(described.getExecution());
        assertThat(listed.getStatus()).isEqualTo(described.getStatus());
        assertThat(listed.getStartTime()).isEqualTo(described.getStartTime());
        assertThat(listed.getCloseTime()).isEqualTo(described.getCloseTime());
        assertThat(listed.getHistoryLength()).isEqualTo(described.getHistoryLength())
                .isEqualTo(service.getHistory("transfer-1", null).getEvents().size());
    }

    @Test
    void aFullLastPageHasNoNextPageToken() {
        for (int i = 0; i < 4; i++) {
            start("Order", "order-" + i, Duration.ofSeconds(i));
        }

        ExecutionPage first = service.listWorkflowExecutions(pageSize(2), null);
        ExecutionPage second = service.listWorkflowExecutions(pageSize(2), first.getNextPageToken().orElseThrow());

        assertThat(ids(first)).containsExactly("order-0", "order-1");
        assertThat(first.hasNext()).isTrue();
        assertThat(ids(second)).containsExactly("order-2", "order-3");
        assertThat(second.hasNext()).isFalse();
        assertThat(second.getNextPageToken()).isEmpty();
    }

    @Test
    void aShortLastPageHoldsTheRemainingRuns() {
        for (int i = 0; i < 3; i++) {
            start("Order", "order-" + i, Duration.ofSeconds(i));
        }

        ExecutionPage second = service.listWorkflowExecutions(pageSize(2),
                service.listWorkflowExecutions(pageSize(2), null).getNextPageToken().orElseThrow());

        assertThat(ids(second)).containsExactly("order-2");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void anEmptyListingIsOneEmptyLastPage() {
        ExecutionPage page = service.listWorkflowExecutions(ExecutionFilter.all(), null);

        assertThat(page.getExecutions()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void runsStartedAfterAPageWasReadNeitherRepeatNorSkipARunOfTheNextPages() {
        start("Order", "order-b", Duration.ofSeconds(10));
        start("Order", "order-c", Duration.ofSeconds(20));
        ExecutionPage first = service.listWorkflowExecutions(pageSize(1), null);

        start("Order", "order-a", Duration.ofSeconds(0)); // sorts before the page already read
        start("Order", "order-d", Duration.ofSeconds(30)); // sorts after it
        ExecutionPage second = service.listWorkflowExecutions(pageSize(1), first.getNextPageToken().orElseThrow());
        ExecutionPage third = service.listWorkflowExecutions(pageSize(1), second.getNextPageToken().orElseThrow());

        assertThat(ids(first)).containsExactly("order-b");
        assertThat(ids(second)).containsExactly("order-c");
        assertThat(ids(third)).containsExactly("order-d");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void theNextPageStartsAfterARunOfTheSameStartTimeAndWorkflowId() {
        start("Order", "order-1", Duration.ZERO);
        service.terminateWorkflow("order-1", null, "again");
        start("Order", "order-1", Duration.ZERO);
        start("Order", "order-0", Duration.ZERO);

        List<WorkflowExecutionMetadata> paged = listAll(pageSize(1));

        assertThat(paged).extracting(WorkflowExecutionMetadata::getExecution).hasSize(3)
                .isEqualTo(listAll(ExecutionFilter.all()).stream().map(WorkflowExecutionMetadata::getExecution).toList());
        assertThat(paged).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("order-0", "order-1", "order-1");
    }

    @Test
    void aTokenThatNoPageGaveIsRefusedWithWhatToPassInstead() {
        assertThatThrownBy(() -> service.listWorkflowExecutions(ExecutionFilter.all(), "not-a-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not-a-token' is not a page token")
                .hasMessageContaining("pass null for the first page");
    }

    // ---------------------------------------------------------------- describing

    private static ActivityTaskScheduledAttributes withdraw() {
        return new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[\"alice\",420]"),
                Duration.ofHours(10), null, null, HOURLY, null);
    }

    /** Starts transfer-1 at T0 and completes its first task, a minute later, with a one-day timer and an activity. */
    private WorkflowExecution startTransferWithActivityAndTimer() {
        WorkflowExecution execution = start("MoneyTransfer", "transfer-1", Duration.ZERO);
        clock.set(T0.plus(Duration.ofMinutes(1)));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        List<EventAttributes> commands = List.of(new TimerStartedAttributes("deadline", Duration.ofDays(1), null),
                withdraw());
        service.completeWorkflowTask(task.taskToken(), commands.stream().map(Command::new).toList());
        return execution;
    }

    @Test
    void describesAScheduledActivityWaitingForItsFirstAttempt() {
        startTransferWithActivityAndTimer();

        PendingActivityInfo withdraw = service.describeWorkflow("transfer-1", null).getPendingActivities().get(0);

        assertThat(withdraw.getActivityId()).isEqualTo("1");
        assertThat(withdraw.getActivityType()).isEqualTo("withdraw");
        assertThat(withdraw.getState()).isEqualTo(PendingActivityState.SCHEDULED);
        assertThat(withdraw.getAttempt()).isEqualTo(1);
        assertThat(withdraw.getScheduledTime()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(withdraw.getNextAttemptTime()).isEmpty();
        assertThat(withdraw.getLastFailureType()).isEmpty();
        assertThat(withdraw.getLastFailureMessage()).isEmpty();
    }

    @Test
    void describesARunningAttemptAsStarted() {
        startTransferWithActivityAndTimer();
        assertThat(service.pollActivityTask("payments", "worker-a", NO_WAIT)).isNotNull();

        PendingActivityInfo withdraw = service.describeWorkflow("transfer-1", null).getPendingActivities().get(0);

        assertThat(withdraw.getState()).isEqualTo(PendingActivityState.STARTED);
        assertThat(withdraw.getAttempt()).isEqualTo(1);
        assertThat(withdraw.getNextAttemptTime()).isEmpty();
    }

    @Test
    void describesAnActivityBackingOffWithItsNextAttemptAndLastFailure() {
        startTransferWithActivityAndTimer();
        ActivityTask attempt = service.pollActivityTask("payments", "worker-a", NO_WAIT);
        clock.set(T0.plus(Duration.ofMinutes(2)));
        service.failActivityTask(attempt.taskToken(),
                Payload.fromJson("{\"message\":\"card declined\",\"type\":\"Declined\",\"nonRetryable\":false}"));

        WorkflowExecutionDescription description = service.describeWorkflow("transfer-1", null);

        assertThat(description.getPendingActivities()).hasSize(1);
        PendingActivityInfo withdraw = description.getPendingActivities().get(0);
        assertThat(withdraw.getState()).isEqualTo(PendingActivityState.SCHEDULED);
        assertThat(withdraw.getAttempt()).as("the attempt that comes next").isEqualTo(2);
        assertThat(withdraw.getNextAttemptTime()).contains(T0.plus(Duration.ofMinutes(2)).plus(Duration.ofHours(1)));
        assertThat(withdraw.getScheduledTime()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(withdraw.getLastFailureType()).contains("Declined");
        assertThat(withdraw.getLastFailureMessage()).contains("card declined");
    }

    @Test
    void describesARunningExecutionWithItsPendingTimerAndNoCloseTime() {
        WorkflowExecution execution = startTransferWithActivityAndTimer();

        WorkflowExecutionDescription description = service.describeWorkflow("transfer-1", null);

        assertThat(description.getExecution()).isEqualTo(execution);
        assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
        assertThat(description.getWorkflowType()).isEqualTo("MoneyTransfer");
        assertThat(description.getTaskQueue()).isEqualTo("payments");
        assertThat(description.getStartTime()).isEqualTo(T0);
        assertThat(description.getCloseTime()).isEmpty();
        assertThat(description.getHistoryLength())
                .isEqualTo(service.getHistory("transfer-1", null).getEvents().size());
        assertThat(description.getPendingTimers()).singleElement().satisfies(timer -> {
            assertThat(timer.getTimerId()).isEqualTo("deadline");
            assertThat(timer.getFireTime()).isEqualTo(T0.plus(Duration.ofMinutes(1)).plus(Duration.ofDays(1)));
        });
        assertThat(description.getPendingChildWorkflows()).isEmpty();
    }

    @Test
    void describesAClosedExecutionWithItsCloseTimeAndNothingPending() {
        startTransferWithActivityAndTimer();
        clock.set(T0.plus(Duration.ofMinutes(3)));
        service.terminateWorkflow("transfer-1", null, "done");

        WorkflowExecutionDescription description = service.describeWorkflow("transfer-1", null);

        assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.TERMINATED);
        assertThat(description.getCloseTime()).contains(T0.plus(Duration.ofMinutes(3)));
        assertThat(description.getHistoryLength())
                .isEqualTo(service.getHistory("transfer-1", null).getEvents().size());
        assertThat(description.getPendingActivities()).isEmpty();
        assertThat(description.getPendingTimers()).isEmpty();
        assertThat(description.getPendingChildWorkflows()).isEmpty();
    }

    @Test
    void describesTheLatestRunWithoutARunIdAndAnEarlierOneByItsRunId() {
        WorkflowExecution first = start("Order", "order-1", Duration.ZERO);
        service.terminateWorkflow("order-1", null, "again");
        WorkflowExecution second = start("Order", "order-1", Duration.ofMinutes(1));

        assertThat(service.describeWorkflow("order-1", null).getExecution()).isEqualTo(second);
        assertThat(service.describeWorkflow("order-1", first.getRunId()).getStatus())
                .isEqualTo(WorkflowExecutionStatus.TERMINATED);
    }

    @Test
    void describingAnUnknownWorkflowOrRunFails() {
        WorkflowExecution execution = start("Order", "order-1", Duration.ZERO);

        assertThatThrownBy(() -> service.describeWorkflow("missing", null))
                .isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> service.describeWorkflow("missing", execution.getRunId()))
                .as("a run id of another workflow id").isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> service.describeWorkflow("order-1", "no-such-run"))
                .isInstanceOf(WorkflowNotFoundException.class);
    }
}
