package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's loop, shrinking and report, with bodies that look at the trial's plan themselves: they break when
 * the plan loses a deposit's completion, as a deposit that is not idempotent would.
 */
class FaultFuzzerTest {

    private static final FaultSpace ACCOUNTS = FaultSpace.newBuilder()
            .addActivityTypes("withdraw", "deposit")
            .setMaxFaults(4)
            .build();

    static final FaultPlan LOST_DEPOSIT = FaultPlan.newBuilder().loseActivityCompletion("deposit", 1).build();

    /** Runs a real transfer in the trial's environment, then breaks if the plan loses a deposit's completion. */
    static final FuzzBody TRANSFER_BREAKING_ON_LOST_DEPOSIT = trial -> {
        try (TestWorkflowEnvironment env = trial.newEnvironment()) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(new FakeAccounts());
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());
            transfer.transfer("alice", "bob", 100);
            requireNoLostDeposit(trial.getPlan());
        }
    };

    private static void requireNoLostDeposit(FaultPlan plan) {
        for (Fault fault : plan.getFaults()) {
            if (fault.getKind() == Fault.Kind.LOSE_ACTIVITY_COMPLETION && fault.getActivityType().equals("deposit")) {
                throw new AssertionError("bob was paid twice: the completion of deposit attempt "
                        + fault.getAttempt() + " was lost and the deposit ran again");
            }
        }
    }

    static FuzzResult fuzz(long seed, int trials, FuzzBody body) {
        return FaultFuzzer.newBuilder().setSeed(seed).setTrials(trials).setFaultSpace(ACCOUNTS).build().run(body);
    }

    /** For bodies that share state from trial to trial, in order: one trial after another. */
    static FuzzResult fuzzOneAtATime(long seed, int trials, FuzzBody body) {
        return FaultFuzzer.newBuilder().setSeed(seed).setTrials(trials).setFaultSpace(ACCOUNTS).setParallelism(1)
                .build().run(body);
    }

    @Test
    void passesWhenEveryTrialPasses() {
        List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
        FuzzResult result = fuzz(42L, 300, trial -> numbers.add(trial.getNumber()));

        assertThat(result.isFailed()).isFalse();
        assertThat(result.getTrials()).isEqualTo(300);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 300).boxed().toList());
        assertThat(result.getFailingPlan()).isNull();
        assertThat(result.getFailure()).isNull();
        assertThat(result.getReport()).isEqualTo("Fault fuzzing passed: 300 trials (fuzzer seed 42L), no failure.");
        result.assertNoFailure();
        assertThatThrownBy(result::getFailingSeed).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findsTheFailingTrialAndShrinksItsPlanToOneFault() {
        FuzzResult result = fuzz(42L, 1_000, trial -> requireNoLostDeposit(trial.getPlan()));

        assertThat(result.isFailed()).isTrue();
        assertThat(result.getTrials()).isLessThan(1_000);
        assertThat(result.getFailingPlan()).isEqualTo(LOST_DEPOSIT);
        assertThat(result.getOriginalPlan().getFaults()).contains(result.getOriginalPlan().getFaults().stream()
                .filter(fault -> fault.getKind() == Fault.Kind.LOSE_ACTIVITY_COMPLETION).findFirst().orElseThrow());
        assertThat(result.getShrinkRuns()).isPositive();
        assertThat(result.getFailure()).isInstanceOf(AssertionError.class)
                .hasMessage("bob was paid twice: the completion of deposit attempt 1 was lost and the deposit ran"
                        + " again");
    }

    @Test
    void eachTrialGetsEnvironmentOptionsOfItsSeedAndPlan() {
        List<FuzzTrial> trials = Collections.synchronizedList(new ArrayList<>());
        fuzz(7L, 50, trials::add);

        assertThat(trials).allSatisfy(trial -> {
            TestEnvironmentOptions options = trial.environmentOptions();
            assertThat(options.getSeed()).isEqualTo(trial.getSeed());
            assertThat(options.getFaultPlan()).isEqualTo(trial.getPlan());
            TestEnvironmentOptions extended = trial.environmentOptions(
                    TestEnvironmentOptions.newBuilder().setSelfCheckReplay(false).setSeed(1L).build());
            assertThat(extended.isSelfCheckReplay()).isFalse();
            assertThat(extended.getSeed()).isEqualTo(trial.getSeed());
            assertThat(extended.getFaultPlan()).isEqualTo(trial.getPlan());
        });
        assertThat(trials.stream().map(FuzzTrial::getSeed).distinct()).hasSize(50);
    }

    @Test
    void theSameSeedGivesTheSameTrialsShrinkingAndReport() {
        // from one line, so that the stack traces in the reports are the same
        List<Run> runs = Stream.of(2024L, 2024L, 2025L).map(FaultFuzzerTest::record).toList();
        Run first = runs.get(0);
        Run second = runs.get(1);
        Run other = runs.get(2);

        assertThat(second.trials).isEqualTo(first.trials);
        assertThat(second.result.getFailingSeed()).isEqualTo(first.result.getFailingSeed());
        assertThat(second.result.getFailingPlan()).isEqualTo(first.result.getFailingPlan());
        assertThat(second.result.getShrinkRuns()).isEqualTo(first.result.getShrinkRuns());
        assertThat(second.result.getReport()).isEqualTo(first.result.getReport());
        assertThat(other.trials).isNotEqualTo(first.trials);
    }

    private record Run(List<String> trials, FuzzResult result) {
    }

    private static Run record(long seed) {
        List<String> trials = new ArrayList<>();
        FuzzResult result = fuzzOneAtATime(seed, 1_000, trial -> {
            trials.add(trial.toString());
            TRANSFER_BREAKING_ON_LOST_DEPOSIT.run(trial);
        });
        return new Run(trials, result);
    }

    @Test
    void reportsBothPlansTheReproductionTheFailureAndTheTimeline() {
        FuzzResult result = fuzz(42L, 1_000, TRANSFER_BREAKING_ON_LOST_DEPOSIT);
        String report = result.getReport();

        assertThat(report).startsWith("Fault fuzzing failed: trial " + result.getTrials() + " of 1000 broke the"
                + " invariant (fuzzer seed 42L).\n\n  fuzzer seed:   42L\n  failing trial: " + result.getTrials()
                + ", trial seed " + result.getFailingSeed() + "L\n  shrinking:     " + result.getShrinkRuns()
                + " runs, ");
        assertThat(report)
                .contains("\n\nOriginal plan:\n" + result.getOriginalPlan() + "\n\n")
                .contains("\n\nShrunk plan:\n" + LOST_DEPOSIT + "\n\n")
                .contains("To reproduce, run the body with\n    TestEnvironmentOptions.newBuilder().setSeed("
                        + result.getFailingSeed() + "L).setFaultPlan(" + LOST_DEPOSIT + ").build()\n")
                .contains("Failure of the shrunk plan:\njava.lang.AssertionError: bob was paid twice")
                .contains("\tat dev.hourglass.testing.faults.FaultFuzzerTest.requireNoLostDeposit(")
                .contains("Timelines of the shrunk run:\nTimeline of transfer-1 (workflow type Transfer")
                .contains("WorkflowExecutionCompleted")
                .doesNotContainPattern("\\d+ ?(ms|millis|seconds)\\b");
        assertThatThrownBy(result::assertNoFailure).isInstanceOf(AssertionError.class).hasMessage(report);
        assertThat(result).hasToString(report);
    }

    @Test
    void theReportedSeedAndPlanReproduceTheFailureAlone() {
        FuzzResult result = fuzz(42L, 1_000, TRANSFER_BREAKING_ON_LOST_DEPOSIT);

        assertThatThrownBy(() -> TRANSFER_BREAKING_ON_LOST_DEPOSIT.run(
                FuzzTrial.of(result.getFailingSeed(), result.getFailingPlan())))
                .isInstanceOf(AssertionError.class)
                .hasMessage(result.getFailure().getMessage());
    }

    @Test
    void aSelfCheckOrCloseFailureOfAnEnvironmentLeftOpenFailsTheTrial() {
        FuzzResult result = fuzz(1L, 10, trial -> {
            TestWorkflowEnvironment env = trial.newEnvironment();
            env.registerDelayedCallback(java.time.Duration.ofSeconds(1), () -> { });
            if (trial.getNumber() == 3) {
                throw new IllegalStateException("trial 3 breaks");
            }
        });

        assertThat(result.isFailed()).isTrue();
        assertThat(result.getTrials()).isEqualTo(3);
        assertThat(result.getFailingPlan()).isEqualTo(FaultPlan.none());
        assertThat(result.getReport()).contains("Timelines of the shrunk run: none");
    }

    @Test
    void aBodyThatDoesNotFailTheSameWayTwiceIsCalledOut() {
        int[] runs = {0};
        FuzzResult result = fuzzOneAtATime(3L, 10, trial -> {
            if (++runs[0] == 1) {
                throw new AssertionError("only the first run fails");
            }
        });

        assertThat(result.isFailed()).isTrue();
        assertThat(result.getReport()).contains("The shrunk plan's last run passed: the body does not fail the same"
                + " way every time");
        assertThat(result.getFailure()).hasMessage("only the first run fails");
    }

    @Test
    void refusesAFuzzerWithoutSeedOrSpace() {
        assertThatThrownBy(() -> FaultFuzzer.newBuilder().setFaultSpace(ACCOUNTS).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("setSeed");
        assertThatThrownBy(() -> FaultFuzzer.newBuilder().setSeed(1L).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("setFaultSpace");
        assertThatThrownBy(() -> FaultFuzzer.newBuilder().setTrials(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultFuzzer.newBuilder().setParallelism(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
