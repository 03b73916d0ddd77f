package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Searching workflow ids, listing newest first, counting runs and listing workflow types, on every service: the same
 * runs for the same filter in memory, on SQLite and on PostgreSQL.
 */
class ListingSearchAndCountTest {

    static final SearchAttributeKey<String> REGION = SearchAttributeKey.forKeyword("Region");

    /** Finishes as its argument says: {@code done} completes, {@code fail} fails, anything else waits forever. */
    @WorkflowInterface
    public interface Shipment {
        @WorkflowMethod
        String ship(String outcome);
    }

    /** A second workflow type, that behaves as {@link Shipment}. */
    @WorkflowInterface
    public interface Refund {
        @WorkflowMethod
        String refund(String outcome);
    }

    public static class ShipmentImpl implements Shipment {
        @Override
        public String ship(String outcome) {
            return finish(outcome);
        }
    }

    public static class RefundImpl implements Refund {
        @Override
        public String refund(String outcome) {
            return finish(outcome);
        }
    }

    static String finish(String outcome) {
        if (outcome.equals("fail")) {
            throw ApplicationFailure.newNonRetryableFailure("asked to fail", "Asked");
        }
        if (!outcome.equals("done")) {
            Workflow.await(() -> false);
        }
        return outcome;
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ShipmentImpl.class, RefundImpl.class).build();

    /** Starts {@code workflowId} and, unless it waits forever, waits until it has closed. */
    private void run(String workflowType, String workflowId, String outcome) {
        WorkflowStub stub = env.client().newUntypedWorkflowStub(workflowType, env.options(workflowId).build());
        stub.start(outcome);
        if (outcome.equals("done") || outcome.equals("fail")) {
            E2eEnvironment.await(workflowId + " to close", () -> env.client().newUntypedWorkflowStub(workflowId)
                    .describe().getStatus() != WorkflowExecutionStatus.RUNNING);
        }
    }

    private void waiting(String... workflowIds) {
        for (String workflowId : workflowIds) {
            run("Shipment", workflowId, "wait");
        }
    }

    private List<String> ids(ExecutionFilter filter) {
        return env.client().listExecutions(filter).map(run -> run.getExecution().getWorkflowId())
                .collect(Collectors.toList());
    }

    private static ExecutionFilter.Builder idsContaining(String part) {
        return ExecutionFilter.newBuilder().setWorkflowIdContains(part);
    }

    @Test
    void searchFindsTheIdsContainingThePartWhateverTheCaseOfTheirAsciiLetters() {
        waiting("Order-17", "order-170", "ORDER-2", "invoice-17");

        assertThat(ids(idsContaining("order-1").build())).containsExactlyInAnyOrder("Order-17", "order-170");
        assertThat(ids(idsContaining("ORDER").build())).containsExactlyInAnyOrder("Order-17", "order-170",
                "ORDER-2");
    }

    @Test
    void searchMatchesPercentUnderscoreAndBackslashLiterally() {
        waiting("fee_1", "feeX1", "fee%2", "fee-12", "fee\\3", "fee3");

        assertThat(ids(idsContaining("e_1").build())).containsExactly("fee_1");
        assertThat(ids(idsContaining("e%2").build())).containsExactly("fee%2");
        assertThat(ids(idsContaining("e\\3").build())).containsExactly("fee\\3");
    }

    @Test
    void searchFoldsNoLetterButTheAsciiOnes() {
        waiting("Émile-1", "émile-2");

        assertThat(ids(idsContaining("émile").build())).containsExactly("émile-2");
        assertThat(ids(idsContaining("MILE").build())).containsExactlyInAnyOrder("Émile-1", "émile-2");
    }

    @Test
    void searchKeepsToTheOtherConditionsOfTheFilter() {
        run("Shipment", "parcel-1", "done");
        run("Refund", "parcel-2", "done");
        waiting("parcel-3");

        assertThat(ids(idsContaining("parcel").setWorkflowType("Shipment")
                .setStatus(WorkflowExecutionStatus.COMPLETED).build())).containsExactly("parcel-1");
    }

    @Test
    void newestFirstListsTheRunsInTheExactReverseOfOldestFirst() {
        waiting("a-1", "b-1", "a-2", "c-1", "a-3");

        List<WorkflowExecutionMetadata> oldestFirst = env.client().listExecutions(ExecutionFilter.all())
                .collect(Collectors.toList());
        List<WorkflowExecutionMetadata> newestFirst = env.client().listExecutions(ExecutionFilter.newBuilder()
                .setNewestFirst(true).build()).collect(Collectors.toList());

        List<WorkflowExecutionMetadata> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        assertThat(newestFirst).extracting(run -> run.getExecution().getRunId())
                .containsExactlyElementsOf(reversed.stream().map(run -> run.getExecution().getRunId()).toList());
        assertThat(newestFirst).extracting(WorkflowExecutionMetadata::getStartTime)
                .isSortedAccordingTo(Comparator.<Instant>reverseOrder());
    }

    @Test
    void pagesNewestFirstWithTokensNeitherRepeatingNorSkippingARun() {
        waiting("p-1", "p-2", "p-3", "p-4", "p-5");
        ExecutionFilter twoNewestFirst = ExecutionFilter.newBuilder().setNewestFirst(true).setPageSize(2).build();

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            ExecutionPage page = env.client().listExecutionsPage(twoNewestFirst, token);
            page.getExecutions().forEach(run -> paged.add(run.getExecution().getRunId()));
            sizes.add(page.getExecutions().size());
            token = page.getNextPageToken().orElse(null);
        } while (token != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(paged).containsExactlyElementsOf(env.client().listExecutions(ExecutionFilter.newBuilder()
                .setNewestFirst(true).build()).map(run -> run.getExecution().getRunId()).toList());
    }

    @Test
    void pagesTheRunsASearchFindsOldestFirstWithTokens() {
        waiting("x-1", "match-1", "x-2", "match-2", "match-3");
        ExecutionFilter twoMatching = idsContaining("MATCH").setPageSize(2).build();

        ExecutionPage first = env.client().listExecutionsPage(twoMatching, null);
        ExecutionPage second = env.client().listExecutionsPage(twoMatching, first.getNextPageToken().orElseThrow());

        assertThat(first.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactlyElementsOf(ids(idsContaining("match").build()).subList(0, 2));
        assertThat(second.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactlyElementsOf(ids(idsContaining("match").build()).subList(2, 3));
        assertThat(second.getNextPageToken()).isEmpty();
    }

    @Test
    void theTokenOfANewestFirstPageReadsTheNewerRunsWhenListedOldestFirst() {
        waiting("r-1", "r-2", "r-3", "r-4");
        List<String> oldestFirst = env.client().listExecutions(ExecutionFilter.all())
                .map(run -> run.getExecution().getRunId()).toList();
        String afterTheTwoNewest = env.client().listExecutionsPage(ExecutionFilter.newBuilder().setNewestFirst(true)
                .setPageSize(2).build(), null).getNextPageToken().orElseThrow();

        ExecutionPage newer = env.client().listExecutionsPage(ExecutionFilter.all(), afterTheTwoNewest);

        assertThat(newer.getExecutions()).extracting(run -> run.getExecution().getRunId())
                .containsExactlyElementsOf(oldestFirst.subList(3, 4));
    }

    @Test
    void countsEveryRunWithoutACondition() {
        run("Shipment", "s-1", "done");
        run("Refund", "r-1", "fail");
        waiting("s-2");

        assertThat(env.client().countExecutions(ExecutionFilter.all())).isEqualTo(3);
    }

    @Test
    void countsTheRunsOfAStatus() {
        run("Shipment", "s-1", "done");
        run("Shipment", "s-2", "fail");
        run("Refund", "r-1", "fail");
        waiting("s-3");

        assertThat(env.client().countExecutions(ExecutionFilter.newBuilder()
                .setStatus(WorkflowExecutionStatus.FAILED).build())).isEqualTo(2);
        assertThat(env.client().countExecutions(ExecutionFilter.newBuilder()
                .setStatus(WorkflowExecutionStatus.TERMINATED).build())).isZero();
    }

    @Test
    void countsTheRunsOfAWorkflowType() {
        run("Shipment", "s-1", "done");
        run("Refund", "r-1", "done");
        run("Refund", "r-2", "fail");

        assertThat(env.client().countExecutions(ExecutionFilter.newBuilder().setWorkflowType("Refund").build()))
                .isEqualTo(2);
    }

    @Test
    void countsTheRunsASearchFinds() {
        waiting("crate_1", "crateX1", "Crate_2");

        assertThat(env.client().countExecutions(idsContaining("CRATE_").build())).isEqualTo(2);
    }

    @Test
    void countsTheRunsStartedInATimeRange() {
        waiting("early");
        Instant from = env.client().listExecutions(ExecutionFilter.all()).findFirst().orElseThrow().getStartTime()
                .plusMillis(1);
        E2eEnvironment.await("the clock to pass the first start", () -> Instant.now().isAfter(from));
        waiting("late-1", "late-2");

        assertThat(env.client().countExecutions(ExecutionFilter.newBuilder().setStartTimeFrom(from).build()))
                .isEqualTo(2);
        assertThat(env.client().countExecutions(ExecutionFilter.newBuilder().setStartTimeTo(from).build()))
                .isEqualTo(1);
    }

    @Test
    void countsTheRunsOfASearchAttributeValue() {
        for (String[] run : new String[][] {{"eu-1", "eu"}, {"eu-2", "eu"}, {"us-1", "us"}}) {
            env.client().newUntypedWorkflowStub("Shipment", env.options(run[0])
                    .setTypedSearchAttributes(SearchAttributes.newBuilder().set(REGION, run[1]).build()).build())
                    .start("wait");
        }

        assertThat(env.client().countExecutions(ExecutionFilter.newBuilder().setSearchAttribute(REGION, "eu")
                .build())).isEqualTo(2);
    }

    @Test
    void countsEveryRunWhateverThePageSizeOfTheFilter() {
        waiting("w-1", "w-2", "w-3");

        assertThat(env.client().countExecutions(ExecutionFilter.newBuilder().setPageSize(1).build())).isEqualTo(3);
    }

    @Test
    void listsTheDistinctWorkflowTypesSorted() {
        run("Shipment", "s-1", "done");
        run("Refund", "r-1", "done");
        run("Shipment", "s-2", "fail");

        assertThat(env.client().listWorkflowTypes()).containsExactly("Refund", "Shipment");
    }

    @Test
    void listsNoWorkflowTypeOfAnEmptyStore() {
        assertThat(env.client().listWorkflowTypes()).isEmpty();
        assertThat(env.client().countExecutions(ExecutionFilter.all())).isZero();
    }

    @Test
    void refusesAnEmptySearch() {
        assertThatThrownBy(() -> ExecutionFilter.newBuilder().setWorkflowIdContains(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workflowIdContains must not be empty");
    }
}
