package dev.hourglass.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.service.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listings over a service whose clock the test sets, with no worker: runs stay open unless terminated. */
class ListExecutionsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final WorkflowService service = WorkflowService.inMemory(clock);
    private final WorkflowClient client = WorkflowClient.newInstance(service);

    @AfterEach
    void close() {
        service.close();
    }

    private WorkflowExecution start(String workflowType, String workflowId, Duration at) {
        clock.set(T0.plus(at));
        return client.newUntypedWorkflowStub(workflowType, WorkflowOptions.newBuilder().setTaskQueue("q")
                .setWorkflowId(workflowId).setWorkflowIdReusePolicy(WorkflowIdReusePolicy.ALLOW_DUPLICATE).build())
                .start();
    }

    private List<String> ids(ExecutionFilter filter) {
        return client.listExecutions(filter).map(run -> run.getExecution().getWorkflowId())
                .collect(Collectors.toList());
    }

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
        client.newUntypedWorkflowStub("order-1").terminate("again");
        start("Order", "order-1", Duration.ZERO);

        List<WorkflowExecutionMetadata> runs = client.listExecutions(ExecutionFilter.all())
                .collect(Collectors.toList());

        assertThat(runs).extracting(run -> run.getExecution().getRunId()).hasSize(2).isSorted();
        assertThat(runs).extracting(WorkflowExecutionMetadata::getStatus)
                .containsExactlyInAnyOrder(WorkflowExecutionStatus.TERMINATED, WorkflowExecutionStatus.RUNNING);
    }

    @Test
    void keepsOnlyRunsOfTheStatusAsked() {
        start("Order", "order-1", Duration.ZERO);
        start("Order", "order-2", Duration.ZERO);
        client.newUntypedWorkflowStub("order-1").terminate("no longer needed");

        assertThat(ids(ExecutionFilter.newBuilder().setStatus(WorkflowExecutionStatus.TERMINATED).build()))
                .containsExactly("order-1");
        assertThat(ids(ExecutionFilter.newBuilder().setStatus(WorkflowExecutionStatus.RUNNING).build()))
                .containsExactly("order-2");
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
    void describesEachRunWithItsTypeTaskQueueTimesAndHistoryLength() {
        start("Order", "order-1", Duration.ofMinutes(1));
        clock.set(T0.plus(Duration.ofMinutes(5)));
        client.newUntypedWorkflowStub("order-1").terminate("done");

        WorkflowExecutionMetadata run = client.listExecutions(ExecutionFilter.all()).findFirst().orElseThrow();

        assertThat(run.getWorkflowType()).isEqualTo("Order");
        assertThat(run.getTaskQueue()).isEqualTo("q");
        assertThat(run.getStartTime()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(run.getCloseTime()).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(run.getHistoryLength()).isEqualTo(2);
    }

    @Test
    void aFullLastPageHasNoNextPageToken() {
        for (int i = 0; i < 4; i++) {
            start("Order", "order-" + i, Duration.ofSeconds(i));
        }
        ExecutionFilter twoPerPage = ExecutionFilter.newBuilder().setPageSize(2).build();

        ExecutionPage first = client.listExecutionsPage(twoPerPage, null);
        ExecutionPage second = client.listExecutionsPage(twoPerPage, first.getNextPageToken().orElseThrow());

        assertThat(first.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("order-0", "order-1");
        assertThat(first.hasNext()).isTrue();
        assertThat(second.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("order-2", "order-3");
        assertThat(second.hasNext()).isFalse();
        assertThat(second.getNextPageToken()).isEmpty();
    }

    @Test
    void aShortLastPageHoldsTheRemainingRuns() {
        for (int i = 0; i < 3; i++) {
            start("Order", "order-" + i, Duration.ofSeconds(i));
        }
        ExecutionFilter twoPerPage = ExecutionFilter.newBuilder().setPageSize(2).build();

        ExecutionPage second = client.listExecutionsPage(twoPerPage,
                client.listExecutionsPage(twoPerPage, null).getNextPageToken().orElseThrow());

        assertThat(second.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("order-2");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void anEmptyListingIsOneEmptyLastPage() {
        ExecutionPage page = client.listExecutionsPage(ExecutionFilter.all(), null);

        assertThat(page.getExecutions()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void aRunStartedBeforeThePositionOfATokenDoesNotShiftTheNextPage() {
        start("Order", "order-b", Duration.ofSeconds(10));
        start("Order", "order-c", Duration.ofSeconds(20));
        ExecutionFilter onePerPage = ExecutionFilter.newBuilder().setPageSize(1).build();
        ExecutionPage first = client.listExecutionsPage(onePerPage, null);

        start("Order", "order-a", Duration.ofSeconds(0)); // sorts before the page already read

        assertThat(client.listExecutionsPage(onePerPage, first.getNextPageToken().orElseThrow()).getExecutions())
                .extracting(run -> run.getExecution().getWorkflowId()).containsExactly("order-c");
    }

    @Test
    void theStreamFetchesEveryPage() {
        for (int i = 0; i < 7; i++) {
            start("Order", "order-" + i, Duration.ofSeconds(i));
        }

        assertThat(ids(ExecutionFilter.newBuilder().setPageSize(3).build())).containsExactly("order-0", "order-1",
                "order-2", "order-3", "order-4", "order-5", "order-6");
    }

    @Test
    void aTokenThatNoPageGaveIsRefusedWithWhatToPassInstead() {
        assertThatThrownBy(() -> client.listExecutionsPage(ExecutionFilter.all(), "not-a-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not-a-token' is not a page token")
                .hasMessageContaining("pass null for the first page");
    }

    @Test
    void aFilterRefusesAnEmptyStartTimeRange() {
        assertThatThrownBy(() -> ExecutionFilter.newBuilder().setStartTimeFrom(T0).setStartTimeTo(T0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be after startTimeFrom");
    }

    @Test
    void aFilterRefusesAPageSizeOutOfRange() {
        assertThatThrownBy(() -> ExecutionFilter.newBuilder().setPageSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pageSize must be from 1 to 1000, was 0");
    }

    /** A clock the test sets. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
