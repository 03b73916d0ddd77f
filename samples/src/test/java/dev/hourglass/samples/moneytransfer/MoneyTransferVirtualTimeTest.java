package dev.hourglass.samples.moneytransfer;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The money transfer with its real three-day hold, on the virtual clock of the test environment, against the
 * in-memory bank.
 */
class MoneyTransferVirtualTimeTest {

    private final InMemoryBank bank = new InMemoryBank()
            .openAccount("alice", 500_00).openAccount("bob", 0).openAccount("carol", 0)
            .closeAccount("carol");

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class)
            .setActivityImplementations(bank)
            .build();

    @Test
    void transferHoldsTheMoneyForThreeDaysOfVirtualTime(TestWorkflowEnvironment env, MoneyTransferWorkflow transfer) {
        long start = env.currentTimeMillis();

        String result = transfer.transfer(new TransferRequest("alice", "bob", 100_00, "t-1"));

        assertThat(result).isEqualTo("transfer t-1 done: 10000 cents from alice to bob");
        assertThat(env.currentTimeMillis() - start).isEqualTo(Duration.ofDays(3).toMillis());
        assertThat(bank.balances()).containsEntry("alice", 400_00L).containsEntry("bob", 100_00L);
    }

    @Test
    void moneyIsWithdrawnButNotDepositedDuringTheHold(TestWorkflowEnvironment env, MoneyTransferWorkflow transfer) {
        WorkflowClient.start(transfer::transfer, new TransferRequest("alice", "bob", 100_00, "t-2"));

        env.sleep(Duration.ofDays(2));

        assertThat(transfer.status()).isEqualTo("holding");
        assertThat(bank.balances()).containsEntry("alice", 400_00L).containsEntry("bob", 0L);
    }

    @Test
    void statusIsDepositedAfterTheTransfer(MoneyTransferWorkflow transfer) {
        transfer.transfer(new TransferRequest("alice", "bob", 100_00, "t-5"));

        assertThat(transfer.status()).isEqualTo("deposited");
    }

    @Test
    void depositToAClosedAccountIsRefundedAfterTheHold(TestWorkflowEnvironment env, WorkflowClient client,
            MoneyTransferWorkflow transfer) {
        long start = env.currentTimeMillis();

        WorkflowFailedException failure = catchThrowableOfType(WorkflowFailedException.class,
                () -> transfer.transfer(new TransferRequest("alice", "carol", 50_00, "t-3")));

        assertThat(failure).isNotNull();
        assertThat(transfer.status()).isEqualTo("refunded");
        assertThat(bank.balances()).containsEntry("alice", 500_00L).containsEntry("carol", 0L);
        assertThat(env.currentTimeMillis() - start).isEqualTo(Duration.ofDays(3).toMillis());
        assertThat(client.fetchHistory("depositToAClosedAccountIsRefundedAfterTheHold-1"))
                .hasTimerStarted(Duration.ofDays(3))
                .hasActivityScheduled("refund")
                .failedWith("AccountClosed");
    }

    @Test
    void historyShowsWithdrawalHoldAndDeposit(WorkflowClient client, MoneyTransferWorkflow transfer) {
        transfer.transfer(new TransferRequest("alice", "bob", 100_00, "t-4"));

        assertThat(client.fetchHistory("historyShowsWithdrawalHoldAndDeposit-1"))
                .hasActivityScheduled("withdraw")
                .hasTimerStarted(Duration.ofDays(3))
                .hasActivityScheduled("deposit")
                .hasActivityScheduledTimes("refund", 0)
                .completedWith("transfer t-4 done: 10000 cents from alice to bob");
    }
}
