package dev.hourglass.samples.fuzzing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.samples.moneytransfer.InMemoryBank;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import dev.hourglass.samples.moneytransfer.TransferRequest;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.FaultFuzzTest;
import dev.hourglass.testing.faults.FaultFuzzer;
import dev.hourglass.testing.faults.FaultPlan;
import dev.hourglass.testing.faults.FaultShrinker;
import dev.hourglass.testing.faults.FaultSpace;
import dev.hourglass.testing.faults.FuzzResult;
import dev.hourglass.testing.faults.FuzzTrial;
import dev.hourglass.testing.faults.Outcome;
import dev.hourglass.worker.Worker;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples of the fault-fuzzing guide, on the money-transfer sample. */
class FuzzingGuideTest {

    // guide: fuzz-invariant begin
    @Test
    void moneyIsConservedUnderFaults() {
        FaultSpace space = FaultSpace.newBuilder()
                .addActivityTypes("withdraw", "deposit")
                .setMaxFaults(4)
                .build();

        FuzzResult result = FaultFuzzer.newBuilder()
                .setSeed(42L)
                .setTrials(200)
                .setFaultSpace(space)
                .build()
                .run(trial -> {
                    InMemoryBank bank = new InMemoryBank().openAccount("alice", 1_000).openAccount("bob", 0);
                    try (TestWorkflowEnvironment env = trial.newEnvironment()) {
                        String outcome = transfer(env, bank);
                        assertThat(bank.balance("alice") + bank.balance("bob"))
                                .as("money in the bank after %s", outcome)
                                .isEqualTo(1_000);
                    }
                });

        result.assertNoFailure();
    }

    /** Transfers 100 cents from alice to bob; returns how the transfer ended. */
    static String transfer(TestWorkflowEnvironment env, InMemoryBank bank) {
        Worker worker = env.newWorker("transfers");
        worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
        worker.registerActivitiesImplementations(bank);
        env.start();
        MoneyTransferWorkflow transfer = env.getWorkflowClient().newWorkflowStub(MoneyTransferWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-t-1").build());
        return Outcome.of(() -> transfer.transfer(new TransferRequest("alice", "bob", 100, "t-1")))
                .assertResultOrFailure(ActivityFailure.class) // any other failure breaks the invariant
                .toString();
    }
    // guide: fuzz-invariant end

    // guide: fuzz-annotation begin
    @FaultFuzzTest(seed = 42, trials = 200, activityTypes = {"withdraw", "deposit"}, maxFaults = 4)
    void moneyIsConservedUnderFaultsAsAFuzzTest(FuzzTrial trial) {
        InMemoryBank bank = new InMemoryBank().openAccount("alice", 1_000).openAccount("bob", 0);
        try (TestWorkflowEnvironment env = trial.newEnvironment()) {
            String outcome = transfer(env, bank);
            assertThat(bank.balance("alice") + bank.balance("bob")).as("money after %s", outcome).isEqualTo(1_000);
        }
    }
    // guide: fuzz-annotation end

    // guide: fuzz-regression begin
    @Test
    void aLostDepositCompletionPaysBobOnce() {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setSeed(-7511033593127921611L)
                .setFaultPlan(FaultPlan.newBuilder().loseActivityCompletion("deposit", 1).build())
                .build();
        InMemoryBank bank = new InMemoryBank().openAccount("alice", 1_000).openAccount("bob", 0);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            transfer(env, bank);
        }
        assertThat(bank.balances()).containsEntry("alice", 900L).containsEntry("bob", 100L);
    }
    // guide: fuzz-regression end

    // guide: fuzz-parameterized begin
    static final FaultSpace ACCOUNT_FAULTS = FaultSpace.newBuilder()
            .addActivityTypes("withdraw", "deposit")
            .setMaxFaults(4)
            .build();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 50);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void moneyIsConservedForTheSeed(long seed) {
        FaultPlan plan = ACCOUNT_FAULTS.generate(seed); // the generator: one plan per seed
        if (!conservesMoney(seed, plan)) {
            FaultPlan smallest = FaultShrinker.shrink(plan, smaller -> !conservesMoney(seed, smaller)).getPlan();
            fail("seed %dL loses or makes money; smallest plan:%n%s", seed, smallest);
        }
    }

    /** Runs one transfer with the seed and plan; returns whether the bank still holds 1,000 cents. */
    static boolean conservesMoney(long seed, FaultPlan plan) {
        InMemoryBank bank = new InMemoryBank().openAccount("alice", 1_000).openAccount("bob", 0);
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder().setSeed(seed).setFaultPlan(plan).build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            transfer(env, bank);
        }
        return bank.balance("alice") + bank.balance("bob") == 1_000;
    }
    // guide: fuzz-parameterized end
}
