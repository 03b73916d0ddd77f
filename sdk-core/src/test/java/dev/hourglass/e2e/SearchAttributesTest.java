package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.service.InMemoryWorkflowService.WorkflowTaskFailure;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search attributes and memo end to end: set at start, upserted by workflow code (recorded as events that replay),
 * filtered on by {@code listExecutions}, shown by {@code describe}; memo values go through the client's codecs.
 */
class SearchAttributesTest {

    static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");
    static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("AmountCents");
    static final SearchAttributeKey<Boolean> PRIORITY = SearchAttributeKey.forBoolean("Priority");
    static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");
    static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("Stage");
    static final SearchAttributeKey<String> HOLD = SearchAttributeKey.forKeyword("HoldReason");
    static final SearchAttributeKey<Double> WEIGHT = SearchAttributeKey.forDouble("WeightKg");
    static final SearchAttributeKey<OffsetDateTime> DUE = SearchAttributeKey.forOffsetDateTime("DueAt");

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod
        String process();

        @SignalMethod
        void ship();

        @QueryMethod
        String stage();
    }

    public static class OrderImpl implements Order {
        private boolean shipped;

        @Override
        public String process() {
            String customer = Workflow.getTypedSearchAttributes().get(CUSTOMER);
            String note = Workflow.getMemo("note", String.class);
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(STAGE, "packed"),
                    SearchAttributeUpdate.valueSet(TAGS, List.of("fragile", "gift")));
            Workflow.await(() -> shipped);
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(STAGE, "shipped"),
                    SearchAttributeUpdate.valueUnset(HOLD));
            return customer + "|" + note + "|" + Workflow.getTypedSearchAttributes().get(STAGE) + "|"
                    + Workflow.getTypedSearchAttributes().containsKey(HOLD);
        }

        @Override
        public void ship() {
            shipped = true;
        }

        @Override
        public String stage() {
            return Workflow.getTypedSearchAttributes().get(STAGE);
        }
    }

    @WorkflowInterface
    public interface Note {
        @WorkflowMethod
        String write();
    }

    public static class NoteImpl implements Note {
        @Override
        public String write() {
            return "written";
        }
    }

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod
        String count(int remaining);
    }

    /** Upserts its count, then continues as new until none remains. */
    public static class CounterImpl implements Counter {
        @Override
        public String count(int remaining) {
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(AMOUNT, (long) remaining));
            if (remaining > 0) {
                Workflow.continueAsNew(remaining - 1);
            }
            return Workflow.getTypedSearchAttributes().get(CUSTOMER) + "|" + Workflow.getMemo("note", String.class);
        }
    }

    @WorkflowInterface
    public interface Retyper {
        @WorkflowMethod
        void retype();
    }

    /** Until the bug is fixed, upserts a Long under the name the run started with as a Keyword. */
    public static class RetyperImpl implements Retyper {
        static volatile boolean bugFixed;

        @Override
        public void retype() {
            if (!bugFixed) {
                Workflow.upsertTypedSearchAttributes(
                        SearchAttributeUpdate.valueSet(SearchAttributeKey.forLong("CustomerId"), 1L));
            }
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(OrderImpl.class, NoteImpl.class, CounterImpl.class,
                    RetyperImpl.class)
            .withFastWorkflowTaskRetries()
            .build();

    private static SearchAttributes attributes(String customer, long amount, boolean priority) {
        return SearchAttributes.newBuilder().set(CUSTOMER, customer).set(AMOUNT, amount).set(PRIORITY, priority)
                .set(HOLD, "address-check").set(WEIGHT, 2.5)
                .set(DUE, OffsetDateTime.parse("2024-05-01T10:15:30+02:00")).build();
    }

    private Order start(String workflowId, SearchAttributes attributes) {
        Order order = env.client().newWorkflowStub(Order.class, env.options(workflowId)
                .setTypedSearchAttributes(attributes).setMemo(Map.of("note", "leave at the door")).build());
        WorkflowClient.start(order::process);
        env.awaitHistory(workflowId, "the first upsert", history -> history.getEvents().stream()
                .anyMatch(event -> event.getEventType() == EventType.UpsertWorkflowSearchAttributes));
        return order;
    }

    private List<String> idsMatching(ExecutionFilter filter) {
        return env.client().listExecutions(filter).map(run -> run.getExecution().getWorkflowId()).sorted()
                .collect(Collectors.toList());
    }

    @Test
    void startedEventRecordsTheSearchAttributesAndMemo() {
        start("order-1", attributes("c-1", 1250, true));

        WorkflowExecutionStartedAttributes started = env.history("order-1").getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);

        assertThat(started.searchAttributes()).isEqualTo(attributes("c-1", 1250, true));
        assertThat(started.memo().toJson()).contains("\"note\"", "leave at the door");
    }

    @Test
    void upsertFromWorkflowCodeIsRecordedAsAnEvent() {
        start("order-2", attributes("c-2", 10, false));

        History history = env.history("order-2");
        UpsertWorkflowSearchAttributesAttributes upsert = history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.UpsertWorkflowSearchAttributes).findFirst()
                .map(event -> event.getAttributes(UpsertWorkflowSearchAttributesAttributes.class)).orElseThrow();

        assertThat(upsert.searchAttributes()).containsExactly(SearchAttributeUpdate.valueSet(STAGE, "packed"),
                SearchAttributeUpdate.valueSet(TAGS, List.of("fragile", "gift")));
        assertThat(History.fromJson(history.toJson()).getEvents()).extracting(HistoryEvent::getAttributes)
                .containsExactlyElementsOf(history.getEvents().stream().map(HistoryEvent::getAttributes).toList());
    }

    @Test
    void workflowCodeReadsItsAttributesAndMemoAndSeesItsUpserts() {
        Order order = start("order-3", attributes("c-3", 10, false));
        assertThat(order.stage()).isEqualTo("packed");

        order.ship();
        String result = env.client().newUntypedWorkflowStub("order-3").getResult(String.class);

        assertThat(result).isEqualTo("c-3|leave at the door|shipped|false");
    }

    @Test
    void listExecutionsFiltersByKeywordLongBooleanAndKeywordList() {
        start("order-4a", attributes("c-4", 100, true));
        start("order-4b", attributes("c-4", 900, false));
        start("order-4c", attributes("c-5", 100, true));

        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(CUSTOMER, "c-4").build()))
                .containsExactly("order-4a", "order-4b");
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(AMOUNT, 100L).build()))
                .containsExactly("order-4a", "order-4c");
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(PRIORITY, true)
                .setSearchAttribute(CUSTOMER, "c-4").build())).containsExactly("order-4a");
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(TAGS, List.of("gift")).build()))
                .containsExactly("order-4a", "order-4b", "order-4c");
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(TAGS, List.of("perishable"))
                .build())).isEmpty();
    }

    @Test
    void listExecutionsFiltersByRangesOfNumbersAndTimes() {
        start("order-5a", attributes("c-6", 100, true));
        start("order-5b", attributes("c-6", 900, true));

        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttributeRange(AMOUNT, 500L, null).build()))
                .containsExactly("order-5b");
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttributeRange(WEIGHT, 2.0, 2.5).build()))
                .containsExactly("order-5a", "order-5b");
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttributeRange(DUE, null,
                OffsetDateTime.parse("2024-05-01T08:15:29Z")).build())).isEmpty();
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(DUE,
                OffsetDateTime.parse("2024-05-01T08:15:30Z")).build())).containsExactly("order-5a", "order-5b");
    }

    @Test
    void listExecutionsFiltersByTheUpsertedValues() {
        Order shipped = start("order-6a", attributes("c-7", 1, false));
        start("order-6b", attributes("c-7", 1, false));
        shipped.ship();
        env.client().newUntypedWorkflowStub("order-6a").getResult(String.class);

        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(STAGE, "shipped").build()))
                .containsExactly("order-6a");
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(HOLD, "address-check")
                .setSearchAttribute(CUSTOMER, "c-7").build())).containsExactly("order-6b");
    }

    @Test
    void describeShowsTheCurrentAttributesAndTheMemo() {
        Order order = start("order-7", attributes("c-8", 5, false));
        order.ship();
        env.client().newUntypedWorkflowStub("order-7").getResult(String.class);

        WorkflowExecutionDescription description = env.client().newUntypedWorkflowStub("order-7").describe();

        assertThat(description.getTypedSearchAttributes().get(STAGE)).isEqualTo("shipped");
        assertThat(description.getTypedSearchAttributes().get(TAGS)).containsExactly("fragile", "gift");
        assertThat(description.getTypedSearchAttributes().containsKey(HOLD)).isFalse();
        assertThat(description.getTypedSearchAttributes().get(CUSTOMER)).isEqualTo("c-8");
        assertThat(description.getMemo("note", String.class)).isEqualTo("leave at the door");
        assertThat(description.getMemoKeys()).containsExactly("note");
    }

    @Test
    void listedExecutionsCarryTheirAttributesAndMemo() {
        start("order-8", attributes("c-9", 5, false));

        WorkflowExecutionMetadata listed = env.client().listExecutions(ExecutionFilter.newBuilder()
                .setSearchAttribute(CUSTOMER, "c-9").build()).findFirst().orElseThrow();

        assertThat(listed.getTypedSearchAttributes().get(STAGE)).isEqualTo("packed");
        assertThat(listed.getTypedSearchAttributes().get(DUE))
                .isEqualTo(OffsetDateTime.parse("2024-05-01T10:15:30+02:00"));
        assertThat(listed.getMemo("note", String.class)).isEqualTo("leave at the door");
    }

    @Test
    void memoIsEncodedByTheClientsCodecsAndSearchAttributesAreNot() {
        WorkflowClient encrypting = env.newClient(WorkflowClientOptions.newBuilder().setPayloadCodecs(
                PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "AES"))).build());
        WorkflowOptions options = env.options("note-1").setMemo(Map.of("secret", "Quetzalcoatl"))
                .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER, "c-plain").build()).build();
        Note note = encrypting.newWorkflowStub(Note.class, options);
        note.write();

        String json = env.history("note-1").toJson();
        WorkflowExecutionMetadata listed = encrypting.listExecutions(ExecutionFilter.newBuilder()
                .setSearchAttribute(CUSTOMER, "c-plain").build()).findFirst().orElseThrow();

        assertThat(json).doesNotContain("Quetzalcoatl").contains("c-plain", "aes-gcm(k1)");
        assertThat(listed.getMemo("secret", String.class)).isEqualTo("Quetzalcoatl");
    }

    @Test
    void theMemoIsRecordedInKeyOrderWhateverTheOrderOfTheMapGiven() {
        Map<String, Object> memo = new LinkedHashMap<>();
        memo.put("zone", "north");
        memo.put("agent", "ada");
        env.client().newWorkflowStub(Note.class, env.options("note-2").setMemo(memo).build()).write();

        WorkflowExecutionStartedAttributes started = env.history("note-2").getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(started.memo().toJson()).isEqualTo("{\"agent\":\"ada\",\"zone\":\"north\"}");
    }

    @Test
    void aRunThatContinuesAsNewPassesOnItsCurrentAttributesAndMemo() {
        Counter counter = env.client().newWorkflowStub(Counter.class, env.options("counter-1")
                .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER, "c-10").build())
                .setMemo(Map.of("note", "kept")).build());

        assertThat(counter.count(2)).isEqualTo("c-10|kept");
        WorkflowExecutionStartedAttributes last = env.history("counter-1").getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(last.searchAttributes())
                .isEqualTo(SearchAttributes.newBuilder().set(CUSTOMER, "c-10").set(AMOUNT, 1L).build());
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(AMOUNT, 0L).build()))
                .containsExactly("counter-1");
    }

    @Test
    void anUpsertThatGivesANameASecondTypeFailsTheWorkflowTask() {
        RetyperImpl.bugFixed = false;
        List<WorkflowTaskFailure> failures = new CopyOnWriteArrayList<>();
        env.onWorkflowTaskFailure(failures::add);
        Retyper retyper = env.client().newWorkflowStub(Retyper.class, env.options("retyper-1")
                .setTypedSearchAttributes(SearchAttributes.newBuilder().set(CUSTOMER, "c-1").build()).build());
        WorkflowClient.start(retyper::retype);

        E2eEnvironment.await("the workflow task failed", () -> !failures.isEmpty());
        env.client().newUntypedWorkflowStub("retyper-1").terminate("the test is over");
        RetyperImpl.bugFixed = true; // the history replays against the fixed code after the test

        assertThat(failures.get(0).failure()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("search attribute CustomerId is already of type Keyword and cannot also be of type Long;"
                        + " use one type per name (or another name)");
        assertThat(env.history("retyper-1").getEvents())
                .noneMatch(event -> event.getEventType() == EventType.UpsertWorkflowSearchAttributes);
    }

    @Test
    void runWithoutSearchAttributesHasNoneAndMatchesNoAttributeFilter() {
        env.newWorkflowStub(Note.class, "note-2").write();

        assertThat(env.client().newUntypedWorkflowStub("note-2").describe().getTypedSearchAttributes())
                .isEqualTo(SearchAttributes.EMPTY);
        assertThat(env.history("note-2").getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .searchAttributes()).isNull();
        assertThat(idsMatching(ExecutionFilter.newBuilder().setSearchAttribute(CUSTOMER, "c-1").build())).isEmpty();
    }
}
