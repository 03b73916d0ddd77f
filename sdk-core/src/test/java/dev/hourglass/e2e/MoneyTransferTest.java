package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskStarted;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MoneyTransferTest {

    /** A transfer order: a record argument. */
    public record TransferRequest(String from, String to, long cents, String memo) {
    }

    /** What an account activity did: a record result. */
    public record Receipt(String account, long cents, String kind) {
    }

    /** The workflow's result: a mutable bean with a generic list, a map and a nullable field. */
    public static final class TransferSummary {
        private List<Receipt> receipts = new ArrayList<>();
        private Map<String, Long> movements = new LinkedHashMap<>();
        private String memo;

        public List<Receipt> getReceipts() {
            return receipts;
        }

        public void setReceipts(List<Receipt> receipts) {
            this.receipts = receipts;
        }

        public Map<String, Long> getMovements() {
            return movements;
        }

        public void setMovements(Map<String, Long> movements) {
            this.movements = movements;
        }

        public String getMemo() {
            return memo;
        }

        public void setMemo(String memo) {
            this.memo = memo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TransferSummary that && receipts.equals(that.receipts)
                    && movements.equals(that.movements) && Objects.equals(memo, that.memo);
        }

        @Override
        public int hashCode() {
            return Objects.hash(receipts, movements, memo);
        }

        @Override
        public String toString() {
            return "TransferSummary" + receipts + movements + "memo=" + memo;
        }
    }

    @ActivityInterface
    public interface Accounts {
        Receipt withdraw(TransferRequest request);

        Receipt deposit(TransferRequest request);

        Map<String, List<Receipt>> audit(List<Receipt> receipts, String note);
    }

    @WorkflowInterface
    public interface MoneyTransfer {
        @WorkflowMethod
        TransferSummary transfer(TransferRequest request);
    }

    @WorkflowInterface
    public interface Audit {
        @WorkflowMethod
        Map<String, List<Receipt>> audit(List<Receipt> receipts, String note);
    }

    public static class MoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public TransferSummary transfer(TransferRequest request) {
            Receipt withdrawn = accounts.withdraw(request);
            Workflow.sleep(Duration.ofMillis(50));
            Receipt deposited = accounts.deposit(request);
            TransferSummary summary = new TransferSummary();
            summary.setReceipts(List.of(withdrawn, deposited));
            summary.getMovements().put(request.from(), -request.cents());
            summary.getMovements().put(request.to(), request.cents());
            summary.setMemo(request.memo());
            return summary;
        }
    }

    public static class AuditImpl implements Audit {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public Map<String, List<Receipt>> audit(List<Receipt> receipts, String note) {
            return accounts.audit(receipts, note);
        }
    }

    public static class AccountsImpl implements Accounts {
        final List<Object> received = new CopyOnWriteArrayList<>();
        volatile CountDownLatch withdrawGate = new CountDownLatch(0);

        @Override
        public Receipt withdraw(TransferRequest request) {
            received.add(request);
            try {
                withdrawGate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Receipt(request.from(), request.cents(), "withdrawal");
        }

        @Override
        public Receipt deposit(TransferRequest request) {
            received.add(request);
            return new Receipt(request.to(), request.cents(), "deposit");
        }

        @Override
        public Map<String, List<Receipt>> audit(List<Receipt> receipts, String note) {
            received.add(receipts);
            received.add(note == null ? "<null>" : note);
            Map<String, List<Receipt>> byAccount = new LinkedHashMap<>();
            for (Receipt receipt : receipts) {
                byAccount.computeIfAbsent(receipt.account(), a -> new ArrayList<>()).add(receipt);
            }
            byAccount.put("nobody", null);
            return byAccount;
        }
    }

    final AccountsImpl accounts = new AccountsImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(MoneyTransferImpl.class, AuditImpl.class)
            .registerActivitiesImplementations(accounts)
            .build();

    private final TransferRequest request = new TransferRequest("alice", "bob", 2500, "rent");

    @Test
    void transferWithdrawsSleepsAndDepositsAndReturnsTheSummary() {
        MoneyTransfer transfer = env.newWorkflowStub(MoneyTransfer.class, "transfer-1");

        TransferSummary summary = transfer.transfer(request);

        assertThat(summary.getReceipts()).containsExactly(new Receipt("alice", 2500, "withdrawal"),
                new Receipt("bob", 2500, "deposit"));
        assertThat(summary.getMovements()).containsExactly(Map.entry("alice", -2500L), Map.entry("bob", 2500L));
        assertThat(summary.getMemo()).isEqualTo("rent");
        assertThat(accounts.received).containsExactly(request, request);
    }

    @Test
    void historyOfATransferHasExactlyTheActivityAndTimerEventsInOrder() {
        env.newWorkflowStub(MoneyTransfer.class, "transfer-2").transfer(request);

        History history = env.history("transfer-2");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, ActivityTaskScheduled,
                ActivityTaskStarted, ActivityTaskCompleted, TimerStarted, TimerFired, ActivityTaskScheduled,
                ActivityTaskStarted, ActivityTaskCompleted, WorkflowExecutionCompleted);
        List<HistoryEvent> events = history.getEvents();
        assertThat(events).extracting(HistoryEvent::getEventId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L,
                9L, 10L);
        WorkflowExecutionStartedAttributes started =
                events.get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(started.workflowType()).isEqualTo("MoneyTransfer");
        assertThat(started.taskQueue()).isEqualTo(env.taskQueue());
        assertThat(JsonPayload.node(started.input()).get(0).get("from").asText()).isEqualTo("alice");
        ActivityTaskScheduledAttributes withdraw = events.get(1).getAttributes(ActivityTaskScheduledAttributes.class);
        assertThat(withdraw.activityType()).isEqualTo("withdraw");
        assertThat(withdraw.activityId()).isEqualTo("1");
        assertThat(events.get(2).getAttributes(ActivityTaskStartedAttributes.class).attempt()).isEqualTo(1);
        assertThat(JsonPayload.node(events.get(3).getAttributes(ActivityTaskCompletedAttributes.class).result())
                .get("kind").asText()).isEqualTo("withdrawal");
        TimerStartedAttributes timer = events.get(4).getAttributes(TimerStartedAttributes.class);
        assertThat(timer.duration()).isEqualTo(Duration.ofMillis(50));
        assertThat(events.get(5).getAttributes(TimerFiredAttributes.class).timerId()).isEqualTo(timer.timerId());
        ActivityTaskScheduledAttributes deposit = events.get(6).getAttributes(ActivityTaskScheduledAttributes.class);
        assertThat(deposit.activityType()).isEqualTo("deposit");
        assertThat(deposit.activityId()).isEqualTo("2");
        assertThat(JsonPayload.node(events.get(9).getAttributes(WorkflowExecutionCompletedAttributes.class).result())
                .get("memo").asText()).isEqualTo("rent");
    }

    @Test
    void timerFiresNoEarlierThanItsDurationAfterItStarted() {
        env.newWorkflowStub(MoneyTransfer.class, "transfer-3").transfer(request);

        History history = env.history("transfer-3");
        HistoryEvent started = Events.single(history, TimerStarted);
        HistoryEvent fired = Events.single(history, TimerFired);
        assertThat(Duration.between(started.getEventTime(), fired.getEventTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void startReturnsAtOnceAndTheResultComesLaterThroughAnUntypedStub() throws Exception {
        accounts.withdrawGate = new CountDownLatch(1);
        MoneyTransfer transfer = env.newWorkflowStub(MoneyTransfer.class, "transfer-4");

        WorkflowExecution execution = WorkflowClient.start(transfer::transfer, request);

        assertThat(execution.getWorkflowId()).isEqualTo("transfer-4");
        assertThat(execution.getRunId()).isNotBlank();
        WorkflowStub untyped = env.client().newUntypedWorkflowStub("transfer-4");
        CompletableFuture<TransferSummary> result = untyped.getResultAsync(TransferSummary.class);
        env.awaitHistory("transfer-4", "the withdraw activity scheduled",
                h -> Events.firstIndexOf(h, ActivityTaskScheduled) >= 0);
        assertThat(env.history("transfer-4").isClosed()).isFalse();
        assertThat(result).isNotDone();

        accounts.withdrawGate.countDown();

        TransferSummary summary = result.get(5, TimeUnit.SECONDS);
        assertThat(summary.getReceipts()).extracting(Receipt::kind).containsExactly("withdrawal", "deposit");
        assertThat(untyped.getResult(TransferSummary.class)).isEqualTo(summary);
        assertThat(untyped.getExecution()).isEqualTo(execution);
    }

    @Test
    void recordsBeansGenericCollectionsAndNullRoundTripThroughArgumentsAndResults() {
        List<Receipt> receipts = List.of(new Receipt("alice", 10, "withdrawal"), new Receipt("bob", 10, "deposit"),
                new Receipt("alice", 5, "fee"));
        Audit audit = env.newWorkflowStub(Audit.class, "audit-1");

        Map<String, List<Receipt>> byAccount = audit.audit(receipts, null);

        assertThat(byAccount).containsOnlyKeys("alice", "bob", "nobody");
        assertThat(byAccount.get("alice")).containsExactly(receipts.get(0), receipts.get(2));
        assertThat(byAccount.get("alice").get(0)).isInstanceOf(Receipt.class);
        assertThat(byAccount.get("bob")).containsExactly(receipts.get(1));
        assertThat(byAccount.get("nobody")).isNull();
        assertThat(accounts.received).containsExactly(receipts, "<null>");
        JsonNode input = JsonPayload.node(
                Events.single(env.history("audit-1"), ActivityTaskScheduledAttributes.class).input());
        assertThat(input.get(1).isNull()).isTrue();
        assertThat(input.get(0).get(2).get("kind").asText()).isEqualTo("fee");
    }

    @Test
    void nullWorkflowArgumentComesBackAsNullInTheResult() {
        TransferSummary summary = env.newWorkflowStub(MoneyTransfer.class, "transfer-5")
                .transfer(new TransferRequest("carol", "dave", 1, null));

        assertThat(summary.getMemo()).isNull();
        assertThat(JsonPayload.node(Events.single(env.history("transfer-5"), WorkflowExecutionCompletedAttributes.class)
                .result()).get("memo").isNull()).isTrue();
    }
}
