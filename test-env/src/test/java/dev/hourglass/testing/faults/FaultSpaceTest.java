package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultSpaceTest {

    private final FaultSpace accounts = FaultSpace.newBuilder()
            .addActivityTypes("withdraw", "deposit")
            .setMaxFaults(4)
            .build();

    @Test
    void theSameSeedGivesTheSamePlan() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(accounts.generate(seed)).isEqualTo(accounts.generate(seed));
            assertThat(accounts.sample(new Random(seed))).isEqualTo(accounts.sample(new Random(seed)));
        }
    }

    @Test
    void drawsWithinTheSpace() {
        Set<Fault.Kind> kinds = EnumSet.noneOf(Fault.Kind.class);
        Set<Integer> sizes = new HashSet<>();
        for (long seed = 0; seed < 2_000; seed++) {
            FaultPlan plan = accounts.generate(seed);
            sizes.add(plan.getFaults().size());
            for (Fault fault : plan.getFaults()) {
                kinds.add(fault.getKind());
                assertThat(fault.getActivityType()).isIn("withdraw", "deposit");
                assertThat(fault.getAttempt()).isBetween(1, 3);
                if (fault.getKind() == Fault.Kind.DELAY_ACTIVITY) {
                    assertThat(fault.getDelay()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
                }
                if (fault.getKind() == Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE) {
                    assertThat(fault.getFailureType()).isEqualTo(FaultSpace.DEFAULT_FAILURE_TYPE);
                }
            }
        }
        assertThat(sizes).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(kinds).containsExactlyInAnyOrder(Fault.Kind.DELAY_ACTIVITY, Fault.Kind.FAIL_ACTIVITY,
                Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE, Fault.Kind.TIME_OUT_ACTIVITY,
                Fault.Kind.LOSE_ACTIVITY_COMPLETION);
    }

    @Test
    void drawsNonRetryableFailuresOnTheFirstAttemptOnly() {
        Set<Integer> nonRetryableAttempts = new HashSet<>();
        Set<Integer> otherAttempts = new HashSet<>();
        for (long seed = 0; seed < 2_000; seed++) {
            for (Fault fault : accounts.generate(seed).getFaults()) {
                (fault.getKind() == Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE ? nonRetryableAttempts : otherAttempts)
                        .add(fault.getAttempt());
            }
        }
        assertThat(nonRetryableAttempts).containsExactly(1);
        assertThat(otherAttempts).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void crashesAndSignalsOnlyWhenAskedFor() {
        FaultSpace space = FaultSpace.newBuilder()
                .setMaxWorkflowTasks(5)
                .addSignal("order-1", "pickedUp", Duration.ofHours(3))
                .build();
        assertThat(space.getKinds()).containsExactly(Fault.Kind.SIGNAL_AT,
                Fault.Kind.CRASH_WORKER_AFTER_WORKFLOW_TASK);
        IntStream.range(0, 500).mapToObj(space::generate).flatMap(plan -> plan.getFaults().stream())
                .forEach(fault -> {
                    if (fault.getKind() == Fault.Kind.SIGNAL_AT) {
                        assertThat(fault.getWorkflowId()).isEqualTo("order-1");
                        assertThat(fault.getAt()).isBetween(Duration.ZERO, Duration.ofHours(3));
                    } else {
                        assertThat(fault.getWorkflowTask()).isBetween(1, 5);
                    }
                });
        assertThat(accounts.getKinds()).doesNotContain(Fault.Kind.SIGNAL_AT,
                Fault.Kind.CRASH_WORKER_AFTER_WORKFLOW_TASK);
    }

    @Test
    void setKindsNarrowsTheDraw() {
        FaultSpace space = FaultSpace.newBuilder().addActivityTypes("deposit")
                .setKinds(Fault.Kind.LOSE_ACTIVITY_COMPLETION).setMaxAttempt(1).build();
        IntStream.range(0, 200).mapToObj(space::generate).flatMap(plan -> plan.getFaults().stream())
                .forEach(fault -> assertThat(fault.toString()).isEqualTo(".loseActivityCompletion(\"deposit\", 1)"));
    }

    @Test
    void refusesASpaceThatCannotDrawWhatItSays() {
        assertThatThrownBy(() -> FaultSpace.newBuilder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("addActivityTypes");
        assertThatThrownBy(() -> FaultSpace.newBuilder().addActivityTypes("a")
                .setKinds(Fault.Kind.CRASH_WORKER_AFTER_WORKFLOW_TASK).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("setMaxWorkflowTasks");
        assertThatThrownBy(() -> FaultSpace.newBuilder().addActivityTypes("a").setKinds(Fault.Kind.SIGNAL_AT).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("addSignal");
        assertThatThrownBy(() -> FaultSpace.newBuilder().setMaxFaults(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSpace.newBuilder().addSignal("w", "s", Duration.ofSeconds(1), new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prints as the code");
    }
}
