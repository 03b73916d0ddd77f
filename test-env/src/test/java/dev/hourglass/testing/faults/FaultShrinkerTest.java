package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FaultShrinkerTest {

    private static final FaultPlan FOUR = FaultPlan.newBuilder()
            .failActivity("withdraw", 2)
            .timeOutActivity("deposit", 1)
            .loseActivityCompletion("deposit", 3)
            .delayActivity("withdraw", 1, Duration.ofSeconds(40))
            .build();

    /** Fails while the plan loses a completion of a deposit, whatever else it has. */
    private static boolean losesADeposit(FaultPlan plan) {
        return plan.getFaults().stream().anyMatch(fault -> fault.getKind() == Fault.Kind.LOSE_ACTIVITY_COMPLETION
                && fault.getActivityType().equals("deposit"));
    }

    @Test
    void shrinksToTheOneFaultThatMattersOnItsFirstAttempt() {
        FaultShrinker.Result result = FaultShrinker.shrink(FOUR, FaultShrinkerTest::losesADeposit);

        assertThat(result.getPlan()).isEqualTo(FaultPlan.newBuilder().loseActivityCompletion("deposit", 1).build());
        assertThat(result.isComplete()).isTrue();
        assertThat(result.getRuns()).isPositive();
    }

    @Test
    void keepsEveryFaultThatIsNeededAndSimplifiesTheirKinds() {
        Predicate<FaultPlan> twoOnWithdraw = plan -> plan.getFaults().stream()
                .filter(fault -> "withdraw".equals(fault.getActivityType())).count() >= 2;

        FaultPlan shrunk = FaultShrinker.shrink(FOUR, twoOnWithdraw).getPlan();

        assertThat(shrunk).isEqualTo(FaultPlan.newBuilder()
                .delayActivity("withdraw", 1, Duration.ofSeconds(1))
                .delayActivity("withdraw", 2, Duration.ofSeconds(1))
                .build());
        for (Fault fault : shrunk.getFaults()) { // 1-minimal
            assertThat(twoOnWithdraw.test(shrunk.without(fault))).isFalse();
        }
    }

    @Test
    void signalsMoveToTheStartAndCrashesToTheFirstTask() {
        FaultPlan plan = FaultPlan.newBuilder()
                .signalAt("order-1", Duration.ofMinutes(90), "pickedUp")
                .crashWorkerAfterWorkflowTask(7)
                .build();

        FaultPlan shrunk = FaultShrinker.shrink(plan, candidate -> candidate.getFaults().size() == 2).getPlan();

        assertThat(shrunk.toString()).isEqualTo("FaultPlan.newBuilder()\n"
                + "        .signalAt(\"order-1\", Duration.ofSeconds(0), \"pickedUp\")\n"
                + "        .crashWorkerAfterWorkflowTask(1)\n"
                + "        .build()");
    }

    @Test
    void triesFewerFaultsFirstThenEarlierThenSimpler() {
        FaultPlan plan = FaultPlan.newBuilder().loseActivityCompletion("deposit", 2).failActivity("withdraw", 1)
                .build();

        List<String> candidates = new ArrayList<>();
        FaultShrinker.candidates(plan).forEach(candidate -> candidates.add(candidate.toString()));

        assertThat(candidates).containsExactly(
                "FaultPlan.newBuilder().loseActivityCompletion(\"deposit\", 2).build()",
                "FaultPlan.newBuilder().failActivity(\"withdraw\", 1).build()",
                "FaultPlan.newBuilder()\n        .failActivity(\"withdraw\", 1)\n"
                        + "        .loseActivityCompletion(\"deposit\", 1)\n        .build()",
                "FaultPlan.newBuilder()\n        .delayActivity(\"withdraw\", 1, Duration.ofSeconds(1))\n"
                        + "        .loseActivityCompletion(\"deposit\", 2)\n        .build()",
                "FaultPlan.newBuilder()\n        .delayActivity(\"deposit\", 2, Duration.ofSeconds(1))\n"
                        + "        .failActivity(\"withdraw\", 1)\n        .build()",
                "FaultPlan.newBuilder()\n        .failActivity(\"deposit\", 2)\n"
                        + "        .failActivity(\"withdraw\", 1)\n        .build()",
                "FaultPlan.newBuilder()\n        .failActivity(\"withdraw\", 1)\n"
                        + "        .timeOutActivity(\"deposit\", 2)\n        .build()");
    }

    @Test
    void makesANonRetryableFailureOfTheFirstAttemptOnly() {
        FaultPlan first = FaultPlan.newBuilder().loseActivityCompletion("deposit", 1).build();
        FaultPlan second = FaultPlan.newBuilder().loseActivityCompletion("deposit", 2).build();

        assertThat(FaultShrinker.candidates(first))
                .contains(FaultPlan.newBuilder().failActivityNonRetryable("deposit", 1, "InjectedFault").build());
        assertThat(FaultShrinker.candidates(second))
                .contains(FaultPlan.newBuilder().failActivity("deposit", 2).build())
                .noneMatch(candidate -> candidate.getFaults().stream().anyMatch(fault ->
                        fault.getKind() == Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE && fault.getAttempt() == 2));
    }

    @Test
    void leavesOutCandidatesThatPutTwoFaultsOnOneAttempt() {
        FaultPlan plan = FaultPlan.newBuilder().failActivity("deposit", 1).timeOutActivity("deposit", 2).build();

        List<FaultPlan> candidates = FaultShrinker.candidates(plan);

        assertThat(candidates).contains(FaultPlan.newBuilder().timeOutActivity("deposit", 2).build())
                .noneMatch(candidate -> candidate.getFaults().stream().anyMatch(fault ->
                        fault.getKind() == Fault.Kind.TIME_OUT_ACTIVITY && fault.getAttempt() == 1));
        assertThat(FaultShrinker.candidates(FaultPlan.none())).isEmpty();
    }

    @Test
    void stopsAtTheBoundOfRuns() {
        FaultShrinker.Result result = FaultShrinker.shrink(FOUR, plan -> true, 1);

        assertThat(result.getRuns()).isEqualTo(1);
        assertThat(result.getPlan().getFaults()).hasSize(2);
        assertThat(result.isComplete()).isFalse();
        assertThat(FaultShrinker.shrink(FOUR, plan -> true, 0).getPlan()).isEqualTo(FOUR);
    }

    @Test
    void theSameAnswersGiveTheSameSteps() {
        List<FaultPlan> first = new ArrayList<>();
        List<FaultPlan> second = new ArrayList<>();
        FaultShrinker.shrink(FOUR, plan -> first.add(plan) && losesADeposit(plan));
        FaultShrinker.shrink(FOUR, plan -> second.add(plan) && losesADeposit(plan));

        assertThat(first).isEqualTo(second).hasSizeGreaterThan(3);
    }
}
