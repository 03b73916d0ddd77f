package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void twoPlansWithTheSameFaultsAreEqualWhateverTheOrderTheyWereAddedIn() {
        FaultPlan one = FaultPlan.newBuilder().failActivity("withdraw", 1).crashWorkerAfterWorkflowTask(2)
                .loseActivityCompletion("deposit", 1).build();
        FaultPlan other = FaultPlan.newBuilder().loseActivityCompletion("deposit", 1).crashWorkerAfterWorkflowTask(2)
                .failActivity("withdraw", 1).build();

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one.getFaults()).isEqualTo(other.getFaults());
    }

    @Test
    void theSameFaultAddedTwiceCountsOnce() {
        FaultPlan plan = FaultPlan.newBuilder().failActivity("withdraw", 1).failActivity("withdraw", 1).build();

        assertThat(plan.getFaults()).hasSize(1);
    }

    @Test
    void anActivityAttemptTakesOneFaultAtMost() {
        FaultPlan.Builder builder = FaultPlan.newBuilder().failActivity("withdraw", 1);

        assertThatThrownBy(() -> builder.timeOutActivity("withdraw", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempt 1 of activity type 'withdraw' already has a fault (.failActivity(\"withdraw\","
                        + " 1)), so it cannot also have .timeOutActivity(\"withdraw\", 1): give each activity attempt"
                        + " one fault at most");
    }

    @Test
    void attemptsAndWorkflowTasksCountFromOne() {
        assertThatThrownBy(() -> FaultPlan.newBuilder().failActivity("withdraw", 0))
                .hasMessageContaining("the first attempt is 1");
        assertThatThrownBy(() -> FaultPlan.newBuilder().crashWorkerAfterWorkflowTask(0))
                .hasMessageContaining("the first task is 1");
    }

    @Test
    void theEmptyPlanIsNone() {
        assertThat(FaultPlan.newBuilder().build()).isSameAs(FaultPlan.none());
        assertThat(FaultPlan.none().isEmpty()).isTrue();
        assertThat(FaultPlan.none()).hasToString("FaultPlan.none()");
    }

    @Test
    void aPlanPrintsAsTheCodeThatBuildsIt() {
        FaultPlan plan = FaultPlan.newBuilder()
                .signalAt("order-1", Duration.ofMinutes(90), "pickUp", "counter \"2\"", 3L, TimeUnit.SECONDS)
                .crashWorkerAfterWorkflowTask(3)
                .delayActivity("deposit", 2, Duration.ofMillis(1500))
                .failActivityNonRetryable("withdraw", 1, "InsufficientFunds")
                .build();

        assertThat(plan).hasToString("FaultPlan.newBuilder()\n"
                + "        .delayActivity(\"deposit\", 2, Duration.ofMillis(1500))\n"
                + "        .failActivityNonRetryable(\"withdraw\", 1, \"InsufficientFunds\")\n"
                + "        .signalAt(\"order-1\", Duration.ofMinutes(90), \"pickUp\", \"counter \\\"2\\\"\", 3L,"
                + " java.util.concurrent.TimeUnit.SECONDS)\n"
                + "        .crashWorkerAfterWorkflowTask(3)\n"
                + "        .build()");
    }

    @Test
    void thePrintedCodeBuildsAnEqualPlan() {
        FaultPlan printed = FaultPlan.newBuilder()
                .delayActivity("deposit", 2, Duration.ofMillis(1500))
                .failActivityNonRetryable("withdraw", 1, "InsufficientFunds")
                .signalAt("order-1", Duration.ofMinutes(90), "pickUp", "counter \"2\"", 3L,
                        java.util.concurrent.TimeUnit.SECONDS)
                .crashWorkerAfterWorkflowTask(3)
                .build();

        assertThat(printed).isEqualTo(FaultPlan.newBuilder()
                .crashWorkerAfterWorkflowTask(3)
                .failActivityNonRetryable("withdraw", 1, "InsufficientFunds")
                .delayActivity("deposit", 2, Duration.ofMillis(1500))
                .signalAt("order-1", Duration.ofMinutes(90), "pickUp", "counter \"2\"", 3L, TimeUnit.SECONDS)
                .build());
    }

    @Test
    void aSignalArgumentThatCannotBePrintedAsCodeIsRefused() {
        assertThatThrownBy(() -> FaultPlan.newBuilder().signalAt("order-1", Duration.ZERO, "pickUp", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a String, Integer, Long, Double, Boolean, Character, an enum constant"
                        + " or null")
                .hasMessageEndingWith("got java.lang.Object");
    }

    @Test
    void withoutAFaultThePlanLosesJustThatFault() {
        FaultPlan plan = FaultPlan.newBuilder().failActivity("withdraw", 1).failActivity("deposit", 2).build();

        FaultPlan smaller = plan.without(plan.getFaults().get(0));

        assertThat(smaller).isEqualTo(FaultPlan.newBuilder().failActivity("withdraw", 1).build());
        assertThat(plan.getFaults()).hasSize(2);
    }
}
