package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.replay.WorkflowReplayer;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money transfer on the in-memory service that production code uses, with its worker threads and the real
 * clock: holds of milliseconds. {@link MoneyTransferVirtualTimeTest} runs the real three-day hold in virtual time.
 */
class MoneyTransferWorkflowTest {

    private static final Duration HOLD = Duration.ofMillis(50);

    private WorkflowService service;
    private WorkflowClient client;
    private WorkerFactory factory;
    private InMemoryBank bank;

    @BeforeEach
    void startWorker() {
        service = WorkflowService.inMemory();
        client = WorkflowClient.newInstance(service);
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(MoneyTransferDemo.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
        bank = new InMemoryBank().openAccount("alice", 500_00).openAccount("bob", 0).openAccount("carol", 0)
                .closeAccount("carol");
        worker.registerActivitiesImplementations(bank);
        factory.start();
    }

    @AfterEach
    void stopWorker() {
        factory.shutdown();
        service.close();
    }

    @Test
    void transferMovesTheMoneyAndConfirms() {
        String result = newTransfer("t-1").transfer(new TransferRequest("alice", "bob", 100_00, "t-1").withHold(HOLD));

        assertThat(result).isEqualTo("transfer t-1 done: 10000 cents from alice to bob");
        assertThat(bank.balance("alice")).isEqualTo(400_00);
        assertThat(bank.balance("bob")).isEqualTo(100_00);
    }

    @Test
    void transferWithdrawsHoldsThenDeposits() {
        newTransfer("t-2").transfer(new TransferRequest("alice", "bob", 100_00, "t-2").withHold(HOLD));

        assertThat(commands(client.fetchHistory("t-2"))).containsExactly(
                "ActivityTaskScheduled withdraw",
                "TimerStarted 50",
                "ActivityTaskScheduled deposit",
                "WorkflowExecutionCompleted");
    }

    @Test
    void transferWaitsForTheWholeHold() {
        newTransfer("t-3").transfer(new TransferRequest("alice", "bob", 100_00, "t-3").withHold(HOLD));

        History history = client.fetchHistory("t-3");
        HistoryEvent started = first(history, EventType.TimerStarted);
        HistoryEvent fired = first(history, EventType.TimerFired);
        assertThat(Duration.between(started.getEventTime(), fired.getEventTime())).isGreaterThanOrEqualTo(HOLD);
    }

    @Test
    void depositToAClosedAccountFailsTheTransferWithAccountClosed() {
        MoneyTransferWorkflow transfer = newTransfer("t-4");

        WorkflowFailedException failure = catchThrowableOfType(WorkflowFailedException.class,
                () -> transfer.transfer(new TransferRequest("alice", "carol", 50_00, "t-4").withHold(HOLD)));

        assertThat(failure.getCause()).isInstanceOf(ActivityFailure.class);
        assertThat(((ActivityFailure) failure.getCause()).getActivityType()).isEqualTo("deposit");
        assertThat(failure.getCause().getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                cause -> assertThat(cause.getType()).isEqualTo("AccountClosed"));
    }

    @Test
    void depositToAClosedAccountIsRefunded() {
        runToFailure("t-5", new TransferRequest("alice", "carol", 50_00, "t-5").withHold(HOLD));

        assertThat(bank.balances()).containsEntry("alice", 500_00L).containsEntry("carol", 0L);
        assertThat(commands(client.fetchHistory("t-5"))).containsExactly(
                "ActivityTaskScheduled withdraw",
                "TimerStarted 50",
                "ActivityTaskScheduled deposit",
                "ActivityTaskScheduled refund",
                "WorkflowExecutionFailed");
    }

    @Test
    void withdrawalBeyondTheBalanceFailsWithoutARefund() {
        runToFailure("t-6", new TransferRequest("alice", "bob", 900_00, "t-6").withHold(HOLD));

        assertThat(bank.balances()).containsEntry("alice", 500_00L).containsEntry("bob", 0L);
        assertThat(commands(client.fetchHistory("t-6")))
                .containsExactly("ActivityTaskScheduled withdraw", "WorkflowExecutionFailed");
    }

    @Test
    void statusIsHoldingWhileTheMoneyIsHeld() {
        MoneyTransferWorkflow transfer = newTransfer("t-7");
        WorkflowClient.start(transfer::transfer, new TransferRequest("alice", "bob", 100_00, "t-7"));

        awaitTimerStarted("t-7");

        assertThat(transfer.status()).isEqualTo("holding");
        assertThat(bank.balance("alice")).isEqualTo(400_00);
        assertThat(bank.balance("bob")).isZero();
    }

    @Test
    void requestWithoutAHoldHoldsForThreeDays() {
        MoneyTransferWorkflow transfer = newTransfer("t-8");
        WorkflowClient.start(transfer::transfer, new TransferRequest("alice", "bob", 100_00, "t-8"));

        HistoryEvent timer = awaitTimerStarted("t-8");

        assertThat(timer.getAttributes(TimerStartedAttributes.class).duration()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void statusIsDepositedAfterTheTransfer() {
        MoneyTransferWorkflow transfer = newTransfer("t-9");
        transfer.transfer(new TransferRequest("alice", "bob", 100_00, "t-9").withHold(HOLD));

        assertThat(transfer.status()).isEqualTo("deposited");
    }

    @Test
    void statusIsRefundedAfterARefund() {
        MoneyTransferWorkflow transfer = newTransfer("t-10");
        catchThrowableOfType(WorkflowFailedException.class,
                () -> transfer.transfer(new TransferRequest("alice", "carol", 50_00, "t-10").withHold(HOLD)));

        assertThat(transfer.status()).isEqualTo("refunded");
    }

    @Test
    void completedTransferHistoryReplays() {
        newTransfer("t-11").transfer(new TransferRequest("alice", "bob", 100_00, "t-11").withHold(HOLD));
        History history = client.fetchHistory("t-11");

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, MoneyTransferWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void refundedTransferHistoryReplays() {
        runToFailure("t-12", new TransferRequest("alice", "carol", 50_00, "t-12").withHold(HOLD));
        History history = client.fetchHistory("t-12");

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, MoneyTransferWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void failedWithdrawalHistoryReplays() {
        runToFailure("t-13", new TransferRequest("alice", "bob", 900_00, "t-13").withHold(HOLD));
        History history = client.fetchHistory("t-13");

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, MoneyTransferWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void historyOfATransferStillHoldingReplays() {
        MoneyTransferWorkflow transfer = newTransfer("t-14");
        WorkflowClient.start(transfer::transfer, new TransferRequest("alice", "bob", 100_00, "t-14"));
        awaitTimerStarted("t-14");
        History history = client.fetchHistory("t-14");

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, MoneyTransferWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    private MoneyTransferWorkflow newTransfer(String workflowId) {
        return client.newWorkflowStub(MoneyTransferWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(MoneyTransferDemo.TASK_QUEUE).setWorkflowId(workflowId).build());
    }

    private void runToFailure(String workflowId, TransferRequest request) {
        MoneyTransferWorkflow transfer = newTransfer(workflowId);
        assertThat(catchThrowableOfType(WorkflowFailedException.class, () -> transfer.transfer(request)))
                .as("the transfer's failure")
                .isNotNull();
    }

    /** Waits until the transfer has started its hold timer, and returns that event. */
    private HistoryEvent awaitTimerStarted(String workflowId) {
        return await("transfer " + workflowId + " to start its hold timer")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> timerStarted(client.fetchHistory(workflowId)), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<HistoryEvent> timerStarted(History history) {
        return history.getEvents().stream().filter(event -> event.getEventType() == EventType.TimerStarted)
                .findFirst();
    }

    private static HistoryEvent first(History history, EventType type) {
        return history.getEvents().stream().filter(event -> event.getEventType() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + history.getEvents()));
    }

    /** The history's commands, each with its activity type or timer duration in milliseconds. */
    private static List<String> commands(History history) {
        return history.getEvents().stream()
                .filter(event -> event.getEventType().isCommand())
                .map(event -> switch (event.getEventType()) {
                    case ActivityTaskScheduled -> "ActivityTaskScheduled "
                            + event.getAttributes(ActivityTaskScheduledAttributes.class).activityType();
                    case TimerStarted -> "TimerStarted "
                            + event.getAttributes(TimerStartedAttributes.class).duration().toMillis();
                    default -> event.getEventType().name();
                })
                .collect(Collectors.toList());
    }
}
