package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search attributes and memo of child workflows: set on {@code ChildWorkflowOptions}, recorded on the parent's
 * {@code StartChildWorkflowExecutionInitiated} (the memo encoded by the worker's codecs) and on the child's started
 * event, indexed so that listing finds the child, and read by the child's code.
 */
class ChildSearchAttributesTest {

    static final SearchAttributeKey<String> ORDER = SearchAttributeKey.forKeyword("OrderId");
    static final SearchAttributeKey<Long> PARCELS = SearchAttributeKey.forLong("Parcels");

    static final WorkflowClientOptions ENCRYPTING = WorkflowClientOptions.newBuilder()
            .setPayloadCodecs(PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "AES"))).build();

    @WorkflowInterface
    public interface Shipment {
        @WorkflowMethod
        String ship();
    }

    /** Returns what it reads of its own search attributes and memo. */
    public static class ShipmentImpl implements Shipment {
        @Override
        public String ship() {
            return Workflow.getTypedSearchAttributes().get(ORDER) + "|"
                    + Workflow.getTypedSearchAttributes().get(PARCELS) + "|"
                    + Workflow.getMemo("carrier", String.class);
        }
    }

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod
        String place(String orderId);
    }

    /** Starts a shipment child tagged with the order (memo given out of key order). */
    public static class OrderImpl implements Order {
        @Override
        public String place(String orderId) {
            Map<String, Object> memo = new LinkedHashMap<>();
            memo.put("carrier", "Quetzal Post");
            memo.put("ber", 1);
            ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder().setWorkflowId("shipment-" + orderId)
                    .setTypedSearchAttributes(SearchAttributes.newBuilder().set(ORDER, orderId).set(PARCELS, 2L)
                            .build())
                    .setMemo(memo).build();
            return Workflow.newChildWorkflowStub(Shipment.class, options).ship();
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(OrderImpl.class, ShipmentImpl.class)
            .setWorkflowClientOptions(ENCRYPTING)
            .build();

    private String place(String orderId) {
        return env.newWorkflowStub(Order.class, "order-" + orderId).place(orderId);
    }

    @Test
    void theChildsCodeReadsTheSearchAttributesAndMemoItStartedWith() {
        assertThat(place("o-1")).isEqualTo("o-1|2|Quetzal Post");
    }

    @Test
    void theParentRecordsThemOnTheInitiatedEventWithTheMemoEncodedInKeyOrder() {
        place("o-2");
        History parent = env.history("order-o-2");

        StartChildWorkflowExecutionInitiatedAttributes initiated = initiated(parent);
        StartChildWorkflowExecutionInitiatedAttributes decoded = initiated(
                parent.withDecodedPayloads(ENCRYPTING.getPayloadCodecs()));

        assertThat(initiated.searchAttributes())
                .isEqualTo(SearchAttributes.newBuilder().set(ORDER, "o-2").set(PARCELS, 2L).build());
        assertThat(initiated.memo().toJson()).contains("aes-gcm(k1)").doesNotContain("Quetzal");
        assertThat(decoded.memo().toJson()).isEqualTo("{\"ber\":1,\"carrier\":\"Quetzal Post\"}");
    }

    @Test
    void theChildsStartedEventHasThem() {
        place("o-3");

        WorkflowExecutionStartedAttributes started = env.history("shipment-o-3")
                .withDecodedPayloads(ENCRYPTING.getPayloadCodecs()).getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);

        assertThat(started.searchAttributes())
                .isEqualTo(SearchAttributes.newBuilder().set(ORDER, "o-3").set(PARCELS, 2L).build());
        assertThat(started.memo().toJson()).isEqualTo("{\"ber\":1,\"carrier\":\"Quetzal Post\"}");
    }

    @Test
    void listExecutionsFindsTheChildByItsSearchAttributes() {
        place("o-4");
        place("o-5");

        List<WorkflowExecutionMetadata> listed = env.client().listExecutions(ExecutionFilter.newBuilder()
                .setSearchAttribute(ORDER, "o-4").build()).toList();

        assertThat(listed).singleElement().satisfies(run -> {
            assertThat(run.getExecution().getWorkflowId()).isEqualTo("shipment-o-4");
            assertThat(run.getMemo("carrier", String.class)).isEqualTo("Quetzal Post");
        });
    }

    @Test
    void describeShowsTheChildsSearchAttributesAndMemo() {
        place("o-6");

        WorkflowExecutionDescription description = env.client().newUntypedWorkflowStub("shipment-o-6").describe();

        assertThat(description.getTypedSearchAttributes().get(PARCELS)).isEqualTo(2L);
        assertThat(description.getMemoKeys()).containsExactly("ber", "carrier");
    }

    private static StartChildWorkflowExecutionInitiatedAttributes initiated(History history) {
        return history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.StartChildWorkflowExecutionInitiated)
                .map(HistoryEvent::getAttributes).map(StartChildWorkflowExecutionInitiatedAttributes.class::cast)
                .findFirst().orElseThrow();
    }
}
