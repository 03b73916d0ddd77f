package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowPropertiesModifiedAttributes;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Memo upserts end to end: {@code Workflow.upsertMemo} records a {@code WorkflowPropertiesModified} event (keys in
 * order, values encoded by the worker's codecs, replayed after each test), workflow code, describe and listing see the
 * current memo, a {@code null} value removes its key, and continue-as-new passes the current memo on.
 */
class MemoUpsertTest {

    static final SearchAttributeKey<String> TICKET = SearchAttributeKey.forKeyword("TicketId");

    static final WorkflowClientOptions ENCRYPTING = WorkflowClientOptions.newBuilder()
            .setPayloadCodecs(PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "AES")))
            .build();

    @WorkflowInterface
    public interface Ticket {
        @WorkflowMethod
        String handle();

        @SignalMethod
        void close();
    }

    /** Assigns the ticket (zone, then agent: not in key order) and drops its draft, then waits to be closed. */
    public static class TicketImpl implements Ticket {
        private boolean closed;

        @Override
        public String handle() {
            Map<String, Object> memo = new LinkedHashMap<>();
            memo.put("zone", "north");
            memo.put("agent", "ada");
            memo.put("draft", null);
            Workflow.upsertMemo(memo);
            Workflow.await(() -> closed);
            return Workflow.getMemo("agent", String.class) + "|" + Workflow.getMemo("draft", String.class) + "|"
                    + Workflow.getMemo("note", String.class);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @WorkflowInterface
    public interface Relay {
        @WorkflowMethod
        String relay(int remaining);
    }

    /** Records the remaining count in its memo, then continues as new until none remains. */
    public static class RelayImpl implements Relay {
        @Override
        public String relay(int remaining) {
            Map<String, Object> memo = new HashMap<>();
            memo.put("remaining", remaining);
            Workflow.upsertMemo(memo);
            if (remaining > 0) {
                Workflow.continueAsNew(remaining - 1);
            }
            return Workflow.getMemo("note", String.class) + "|" + Workflow.getMemo("remaining", Integer.class);
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(TicketImpl.class, RelayImpl.class)
            .setWorkflowClientOptions(ENCRYPTING)
            .build();

    private Ticket start(String workflowId) {
        Map<String, Object> memo = new HashMap<>();
        memo.put("note", "urgent");
        memo.put("draft", "v0");
        Ticket ticket = env.client().newWorkflowStub(Ticket.class, env.options(workflowId).setMemo(memo)
                .setTypedSearchAttributes(SearchAttributes.newBuilder().set(TICKET, workflowId).build()).build());
        WorkflowClient.start(ticket::handle);
        env.awaitHistory(workflowId, "the memo upsert", history -> history.getEvents().stream()
                .anyMatch(event -> event.getEventType() == EventType.WorkflowPropertiesModified));
        return ticket;
    }

    private static WorkflowPropertiesModifiedAttributes upsert(History history) {
        return history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.WorkflowPropertiesModified).findFirst()
                .map(event -> event.getAttributes(WorkflowPropertiesModifiedAttributes.class)).orElseThrow();
    }

    @Test
    void upsertIsRecordedAsAnEventWithItsKeysInOrderAndANullForARemovedKey() {
        start("ticket-1");

        History decoded = env.history("ticket-1").withDecodedPayloads(ENCRYPTING.getPayloadCodecs());

        assertThat(upsert(decoded).memo().toJson()).isEqualTo("{\"agent\":\"ada\",\"draft\":null,\"zone\":\"north\"}");
        assertThat(upsert(decoded).keys()).containsExactly("agent", "draft", "zone");
    }

    @Test
    void upsertedValuesAreEncodedByTheWorkersCodecs() {
        start("ticket-2");

        String json = env.history("ticket-2").toJson();

        assertThat(json).contains("WorkflowPropertiesModified", "aes-gcm(k1)").doesNotContain("north", "ada");
    }

    @Test
    void theEventReadsBackFromTheHistoryJson() {
        start("ticket-3");
        History history = env.history("ticket-3");

        assertThat(History.fromJson(history.toJson()).getEvents()).extracting(HistoryEvent::getAttributes)
                .containsExactlyElementsOf(history.getEvents().stream().map(HistoryEvent::getAttributes).toList());
    }

    @Test
    void workflowCodeReadsTheUpsertedMemo() {
        Ticket ticket = start("ticket-4");
        ticket.close();

        String result = env.client().newUntypedWorkflowStub("ticket-4").getResult(String.class);

        assertThat(result).isEqualTo("ada|null|urgent");
    }

    @Test
    void describeShowsTheCurrentMemo() {
        start("ticket-5");

        WorkflowExecutionDescription description = env.client().newUntypedWorkflowStub("ticket-5").describe();

        assertThat(description.getMemoKeys()).containsExactly("agent", "note", "zone");
        assertThat(description.getMemo("agent", String.class)).isEqualTo("ada");
        assertThat(description.getMemo("note", String.class)).isEqualTo("urgent");
    }

    @Test
    void aNullValueRemovesTheKeyFromTheMemo() {
        start("ticket-6");

        WorkflowExecutionDescription description = env.client().newUntypedWorkflowStub("ticket-6").describe();

        assertThat(description.getMemo("draft", String.class)).isNull();
        assertThat(description.getMemoKeys()).doesNotContain("draft");
    }

    @Test
    void listedExecutionsCarryTheCurrentMemo() {
        Ticket closed = start("ticket-7");
        closed.close();
        env.client().newUntypedWorkflowStub("ticket-7").getResult(String.class);

        List<WorkflowExecutionMetadata> listed = env.client().listExecutions(ExecutionFilter.newBuilder()
                .setSearchAttribute(TICKET, "ticket-7").build()).toList();

        assertThat(listed).singleElement().satisfies(run -> {
            assertThat(run.getMemoKeys()).containsExactly("agent", "note", "zone");
            assertThat(run.getMemo("zone", String.class)).isEqualTo("north");
        });
    }

    @Test
    void aRunThatContinuesAsNewStartsWithTheCurrentMemo() {
        Relay relay = env.client().newWorkflowStub(Relay.class, env.options("relay-1")
                .setMemo(Map.of("note", "kept")).build());

        assertThat(relay.relay(2)).isEqualTo("kept|0");
        WorkflowExecutionStartedAttributes last = env.history("relay-1")
                .withDecodedPayloads(ENCRYPTING.getPayloadCodecs()).getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(last.memo().toJson()).isEqualTo("{\"note\":\"kept\",\"remaining\":1}");
    }
}
