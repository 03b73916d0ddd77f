package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * What the extension does when a test fails: runs example test classes on the Jupiter engine through JUnit's
 * {@link EngineTestKit} and looks at their results and at what they printed.
 */
class TestWorkflowExtensionReportTest {

    private static volatile boolean launching;

    /** Lets the example classes run only when launched from here, never when a build tool finds them. */
    static boolean launchedFromTheReportTest() {
        return launching;
    }

    /** The outcome of running an example class: the events of its tests and what they wrote to stderr. */
    private record Outcome(Events tests, String stderr) {
    }

    private static synchronized Outcome launch(Class<?> examples) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        launching = true;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(examples))
                    .execute()
                    .testEvents();
            return new Outcome(tests, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
            launching = false;
        }
    }

    /** A throwable with a {@link NonDeterministicException} anywhere in its cause chain, itself included. */
    private static Condition<Throwable> causedByNondeterminism() {
        return new Condition<>(failure -> {
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
                if (t instanceof NonDeterministicException) {
                    return true;
                }
            }
            return false;
        }, "a NonDeterministicException in its cause chain");
    }

    @EnabledIf("dev.hourglass.testing.TestWorkflowExtensionReportTest#launchedFromTheReportTest")
    static class FailingTransferExample {
        @RegisterExtension
        final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
                .registerWorkflowImplementationTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .setTestEnvironmentOptions(TestEnvironmentOptions.newBuilder().setSeed(1234).build())
                .build();

        @Test
        void transfer(Transfer transfer) {
            transfer.transfer("alice", "bob", 100);
            fail("the balance is wrong");
        }
    }

    @Test
    void aFailedTestPrintsTheSeedHowToRerunAndTheTimelineOfItsExecutions() {
        Outcome outcome = launch(FailingTransferExample.class);
        outcome.tests().assertStatistics(stats -> stats.started(1).failed(1));
        outcome.tests().assertThatEvents().haveExactly(1,
                event(test("transfer"), finishedWithFailure(message("the balance is wrong"))));
        assertThat(outcome.stderr())
                .contains("Hourglass test environment of transfer(Transfer) failed with seed 1234")
                .contains(".setTestEnvironmentOptions(TestEnvironmentOptions.newBuilder().setSeed(1234L).build())")
                .contains("Timeline of transfer-1 (workflow type Transfer, task queue test-transfer, run ")
                .contains("  #6   +3d 00:00:00.000  TimerFired                  timerId=1\n");
    }

    @EnabledIf("dev.hourglass.testing.TestWorkflowExtensionReportTest#launchedFromTheReportTest")
    static class PassingTransferExample {
        @RegisterExtension
        final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
                .registerWorkflowImplementationTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @Test
        void transfer(Transfer transfer) {
            assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
        }
    }

    @Test
    void aPassingTestPrintsNothing() {
        Outcome outcome = launch(PassingTransferExample.class);
        outcome.tests().assertStatistics(stats -> stats.started(1).succeeded(1));
        outcome.tests().assertThatEvents().haveExactly(1, event(test("transfer"), finishedSuccessfully()));
        assertThat(outcome.stderr()).doesNotContain("Hourglass test environment").doesNotContain("Timeline of");
    }

    @WorkflowInterface
    public interface Countdown {
        @WorkflowMethod
        String run();
    }

    /** Sleeps only the first time it ever runs: its replay differs from the run it replays. */
    public static class NondeterministicCountdown implements Countdown {
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public String run() {
            if (RUNS.incrementAndGet() == 1) {
                Workflow.sleep(Duration.ofMinutes(1));
            }
            return "done";
        }
    }

    @EnabledIf("dev.hourglass.testing.TestWorkflowExtensionReportTest#launchedFromTheReportTest")
    static class NondeterministicExample {
        @RegisterExtension
        final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
                .registerWorkflowImplementationTypes(NondeterministicCountdown.class)
                .build();

        @Test
        void countdown(Countdown countdown) {
            assertThat(countdown.run()).isEqualTo("done");
        }
    }

    @Test
    void nondeterminismFoundByTheSelfCheckReplayFailsTheTestAndIsReported() {
        NondeterministicCountdown.RUNS.set(0);
        Outcome outcome = launch(NondeterministicExample.class);
        outcome.tests().assertStatistics(stats -> stats.started(1).failed(1));
        outcome.tests().assertThatEvents().haveExactly(1,
                event(test("countdown"), finishedWithFailure(causedByNondeterminism())));
        assertThat(outcome.stderr()).contains("Timeline of countdown-1 (workflow type Countdown");
    }
}
