package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders and refunds found by a part of their id, newest first, counted by status, and their workflow types. */
class ListingSampleTest {

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod
        String place(String item);
    }

    @WorkflowInterface
    public interface Refund {
        @WorkflowMethod
        String refund(String item);
    }

    public static class OrderImpl implements Order {
        @Override
        public String place(String item) {
            if (item.equals("broken")) {
                throw ApplicationFailure.newNonRetryableFailure("cannot sell a broken item", "Broken");
            }
            return "placed " + item;
        }
    }

    public static class RefundImpl implements Refund {
        @Override
        public String refund(String item) {
            return "refunded " + item;
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("shop");
        worker.registerWorkflowImplementationTypes(OrderImpl.class, RefundImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    /** Starts {@code workflowId}, then lets a minute of virtual time pass: each run starts a minute after the last. */
    private void start(String workflowType, String workflowId, String item) {
        client.newUntypedWorkflowStub(workflowType, WorkflowOptions.newBuilder().setTaskQueue("shop")
                .setWorkflowId(workflowId).build()).start(item);
        env.sleep(Duration.ofMinutes(1));
    }

    // guide: listing-newest-first begin
    @Test
    void theNewestOrdersWhoseIdContainsTheTextComeFirst() {
        start("Order", "order-1001", "book");
        start("Order", "ORDER-1002", "lamp");
        start("Refund", "refund-1001", "book");
        start("Order", "order-2001", "chair");

        ExecutionPage newest = client.listExecutionsPage(ExecutionFilter.newBuilder()
                .setWorkflowIdContains("order-1") // letters A to Z in either case
                .setNewestFirst(true)
                .setPageSize(10)
                .build(), null);

        assertThat(newest.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("ORDER-1002", "order-1001");
    }
    // guide: listing-newest-first end

    // guide: listing-count begin
    @Test
    void countsTheRunsOfAStatusAndListsTheWorkflowTypesWithoutReadingTheRuns() {
        start("Order", "order-1", "book");
        start("Order", "order-2", "broken");
        start("Order", "order-3", "lamp");
        start("Refund", "refund-1", "book");

        long failedOrders = client.countExecutions(ExecutionFilter.newBuilder()
                .setWorkflowType("Order")
                .setStatus(WorkflowExecutionStatus.FAILED)
                .build());
        long all = client.countExecutions(ExecutionFilter.all());

        assertThat(failedOrders).isEqualTo(1);
        assertThat(all).isEqualTo(4);
        assertThat(client.listWorkflowTypes()).containsExactly("Order", "Refund");
    }
    // guide: listing-count end

    // guide: listing-pages begin
    @Test
    void pagesThroughTheRunsNewestFirstAndBack() {
        for (int i = 1; i <= 5; i++) {
            start("Order", "order-" + i, "book");
        }
        ExecutionFilter.Builder orders = ExecutionFilter.newBuilder().setWorkflowType("Order").setPageSize(2);

        ExecutionPage newest = client.listExecutionsPage(orders.setNewestFirst(true).build(), null);
        String token = newest.getNextPageToken().orElseThrow();
        ExecutionPage older = client.listExecutionsPage(orders.setNewestFirst(true).build(), token);
        // the same token, oldest first: the runs after its position towards the newer ones
        ExecutionPage backTowardsTheNewest = client.listExecutionsPage(orders.setNewestFirst(false).build(), token);

        assertThat(newest.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("order-5", "order-4");
        assertThat(older.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("order-3", "order-2");
        assertThat(backTowardsTheNewest.getExecutions()).extracting(run -> run.getExecution().getWorkflowId())
                .containsExactly("order-5");
    }
    // guide: listing-pages end
}
