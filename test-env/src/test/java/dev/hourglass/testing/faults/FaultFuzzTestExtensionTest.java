package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.hourglass.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link FaultFuzzTest} run on the Jupiter engine through JUnit's {@link EngineTestKit}. */
class FaultFuzzTestExtensionTest {

    private static volatile boolean launching;
    private static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    /** Lets the example classes run only when launched from here, never when a build tool finds them. */
    static boolean launchedFromTheExtensionTest() {
        return launching;
    }

    private static synchronized Events launch(String method) {
        launching = true;
        SEEN.clear();
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .selectors(selectMethod(Examples.class, Arrays.stream(Examples.class.getDeclaredMethods())
                            .filter(candidate -> candidate.getName().equals(method)).findFirst().orElseThrow()))
                    .execute()
                    .testEvents();
        } finally {
            launching = false;
        }
    }

    @EnabledIf("dev.hourglass.testing.faults.FaultFuzzTestExtensionTest#launchedFromTheExtensionTest")
    static class Examples {

        static FaultSpace deposits() {
            return FaultSpace.newBuilder().addActivityTypes("deposit").setMaxFaults(2).build();
        }

        @FaultFuzzTest(seed = 42, trials = 200, activityTypes = {"withdraw", "deposit"})
        void passes(FuzzTrial trial, TestWorkflowEnvironment env) {
            SEEN.add(trial.getNumber() + " " + trial.getPlan() + " " + (env.getSeed() == trial.getSeed()));
        }

        @FaultFuzzTest(seed = 42, trials = 100, activityTypes = "deposit", parallelism = 1)
        void runsOneTrialAfterAnother(FuzzTrial trial) {
            SEEN.add(trial.getNumber() + " " + Thread.currentThread().getName());
        }

        @FaultFuzzTest(seed = 42, trials = 1000, faultSpace = "deposits")
        void failsOnALostDeposit(FuzzTrial trial) {
            for (Fault fault : trial.getPlan().getFaults()) {
                if (fault.getKind() == Fault.Kind.LOSE_ACTIVITY_COMPLETION) {
                    throw new AssertionError("paid twice");
                }
            }
        }

        @FaultFuzzTest(seed = 1)
        void hasNoFaultSpace(FuzzTrial trial) {
        }
    }

    @Test
    void runsTheMethodOncePerTrialWithItsTrialAndEnvironment() {
        Events events = launch("passes");

        events.assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(SEEN).hasSize(200).allSatisfy(line -> assertThat(line).endsWith(" true"))
                .anySatisfy(line -> assertThat(line).startsWith("1 "))
                .anySatisfy(line -> assertThat(line).startsWith("200 "));
    }

    @Test
    void runsTrialsInOrderOnTheTestThreadWithParallelismOne() {
        Events events = launch("runsOneTrialAfterAnother");

        events.assertStatistics(stats -> stats.started(1).succeeded(1));
        String thread = SEEN.get(0).substring(SEEN.get(0).indexOf(' ') + 1);
        assertThat(SEEN).hasSize(100).startsWith("1 " + thread, "2 " + thread).endsWith("100 " + thread)
                .allSatisfy(line -> assertThat(line).endsWith(" " + thread));
    }

    @Test
    void failsWithTheReport() {
        Events events = launch("failsOnALostDeposit");

        events.assertStatistics(stats -> stats.started(1).failed(1));
        Optional<Throwable> failure = events.failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable);
        assertThat(failure).get().isInstanceOf(AssertionError.class).satisfies(error -> assertThat(error.getMessage())
                .startsWith("Fault fuzzing failed: trial ")
                .contains("(fuzzer seed 42L)")
                .contains("Shrunk plan:\nFaultPlan.newBuilder().loseActivityCompletion(\"deposit\", 1).build()")
                .contains("java.lang.AssertionError: paid twice"));
    }

    @Test
    void saysWhatIsMissingFromTheFaultSpace() {
        Events events = launch("hasNoFaultSpace");

        Optional<Throwable> failure = events.failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable);
        assertThat(failure).get().satisfies(error -> assertThat(error.getMessage())
                .contains("@FaultFuzzTest on hasNoFaultSpace").contains("addActivityTypes"));
    }
}
