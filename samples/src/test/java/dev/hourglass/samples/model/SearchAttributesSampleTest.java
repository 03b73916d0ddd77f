package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders found by customer and stage through their search attributes, with a note in their memo. */
class SearchAttributesSampleTest {

    // guide: search-attribute-keys begin
    static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");
    static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("AmountCents");
    static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("Stage");
    static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");
    // guide: search-attribute-keys end

    @WorkflowInterface
    public interface Fulfilment {
        @WorkflowMethod
        String fulfil(String orderId);

        @SignalMethod
        void shipped();
    }

    // guide: search-attribute-upsert begin
    public static class FulfilmentImpl implements Fulfilment {
        private boolean shipped;

        @Override
        public String fulfil(String orderId) {
            String customer = Workflow.getTypedSearchAttributes().get(CUSTOMER);
            String note = Workflow.getMemo("deliveryNote", String.class);
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(STAGE, "packing"));
            Workflow.await(() -> shipped);
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(STAGE, "shipped"));
            return orderId + " for " + customer + " (" + note + ")";
        }

        @Override
        public void shipped() {
            shipped = true;
        }
    }
    // guide: search-attribute-upsert end

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("orders");
        worker.registerWorkflowImplementationTypes(FulfilmentImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    private Fulfilment start(String orderId, String customer, long amount) {
        // guide: search-attribute-start begin
        Fulfilment order = client.newWorkflowStub(Fulfilment.class, WorkflowOptions.newBuilder()
                .setWorkflowId(orderId)
                .setTaskQueue("orders")
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(CUSTOMER, customer)
                        .set(AMOUNT, amount)
                        .set(TAGS, List.of("gift"))
                        .build())
                .setMemo(Map.of("deliveryNote", "leave with the neighbour"))
                .build());
        WorkflowClient.start(order::fulfil, orderId);
        // guide: search-attribute-start end
        return order;
    }

    // guide: search-attribute-list begin
    @Test
    void ordersOfACustomerThatArePackingAreFoundByTheirSearchAttributes() {
        start("order-1", "c-42", 1999);
        start("order-2", "c-42", 250).shipped();
        start("order-3", "c-7", 1999);
        client.newUntypedWorkflowStub("order-2").getResult(String.class);
        env.sleep(Duration.ofMinutes(1)); // every order has run up to where it waits

        List<String> packing = client.listExecutions(ExecutionFilter.newBuilder()
                        .setSearchAttribute(CUSTOMER, "c-42")
                        .setSearchAttribute(STAGE, "packing")
                        .build())
                .map(run -> run.getExecution().getWorkflowId())
                .toList();

        assertThat(packing).containsExactly("order-1");
    }
    // guide: search-attribute-list end

    @Test
    void describeShowsTheCurrentAttributesAndTheMemo() {
        Fulfilment order = start("order-4", "c-9", 500);
        order.shipped();
        assertThat(client.newUntypedWorkflowStub("order-4").getResult(String.class))
                .isEqualTo("order-4 for c-9 (leave with the neighbour)");

        WorkflowExecutionMetadata described = client.newUntypedWorkflowStub("order-4").describe();

        assertThat(described.getTypedSearchAttributes().get(STAGE)).isEqualTo("shipped");
        assertThat(described.getMemo("deliveryNote", String.class)).isEqualTo("leave with the neighbour");
    }

    @Test
    void largeOrdersAreFoundByARangeOfAmounts() {
        start("order-5", "c-1", 250);
        start("order-6", "c-1", 90_000);
        env.sleep(Duration.ofMinutes(1));

        List<String> large = client.listExecutions(ExecutionFilter.newBuilder()
                        .setSearchAttributeRange(AMOUNT, 10_000L, null).build())
                .map(run -> run.getExecution().getWorkflowId()).toList();

        assertThat(large).containsExactly("order-6");
    }
}
