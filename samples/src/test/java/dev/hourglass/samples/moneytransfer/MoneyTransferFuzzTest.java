package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.FaultFuzzer;
import dev.hourglass.testing.faults.FaultSpace;
import dev.hourglass.testing.faults.FuzzResult;
import dev.hourglass.testing.faults.Outcome;
import dev.hourglass.worker.Worker;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The money transfer under a thousand seeded fault plans: money is conserved, and the transfer ends done (the
 * money moved) or failed with every balance as it was (refunded, or never withdrawn).
 */
class MoneyTransferFuzzTest {

    static final FaultSpace ACCOUNT_FAULTS = FaultSpace.newBuilder()
            .addActivityTypes("withdraw", "deposit")
            .setMaxFaults(4)
            .build();

    static final Map<String, Long> OPENING = Map.of("alice", 1_000L, "bob", 0L);

    /**
     * Transfers 100 cents from alice to bob in {@code environment} with {@code bank}, closes the environment, and
     * checks the invariant: the call returns or fails with an activity failure, the bank holds the money it opened
     * with, and the balances are those of a transfer done, or the opening ones.
     */
    static void transferConservesMoney(TestWorkflowEnvironment environment, AccountActivities bank,
            Supplier<Map<String, Long>> balances) {
        try (TestWorkflowEnvironment env = environment) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
            worker.registerActivitiesImplementations(bank);
            env.start();
            MoneyTransferWorkflow transfer = env.getWorkflowClient().newWorkflowStub(MoneyTransferWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-t-1").build());

            Outcome<String> outcome = Outcome.of(() -> transfer.transfer(
                    new TransferRequest("alice", "bob", 100, "t-1")))
                    .assertResultOrFailure(ActivityFailure.class);

            Map<String, Long> after = balances.get();
            assertThat(after.values().stream().mapToLong(Long::longValue).sum())
                    .as("money in the bank after %s", outcome).isEqualTo(1_000L);
            assertThat(after).as("balances after %s", outcome)
                    .isEqualTo(outcome.isResult() ? Map.of("alice", 900L, "bob", 100L) : OPENING);
        }
    }

    @Test
    void moneyIsConservedAndTheTransferEndsDoneOrRefunded() {
        FuzzResult result = FaultFuzzer.newBuilder()
                .setSeed(42L)
                .setTrials(1_000)
                .setFaultSpace(ACCOUNT_FAULTS)
                .build()
                .run(trial -> {
                    InMemoryBank bank = new InMemoryBank();
                    OPENING.forEach(bank::openAccount);
                    transferConservesMoney(trial.newEnvironment(), bank, bank::balances);
                });

        result.assertNoFailure();
        assertThat(result.getTrials()).isEqualTo(1_000);
    }
}
