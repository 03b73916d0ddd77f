package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What the extension does when a test fails: runs example test classes on a JUnit launcher of its own and
 * looks at their results and at what they printed.
 */
class TestWorkflowExtensionReportTest {

    private static volatile boolean launching;

    /** Lets the example classes run only when launched from here, never when a build tool finds them. */
    static boolean launchedFromTheReportTest() {
        return launching;
    }

    /** The outcome of launching an example class: the results of its tests and what they wrote to stderr. */
    private record Outcome(List<TestExecutionResult> results, String stderr) {
    }

    private static synchronized Outcome launch(Class<?> examples) {
        List<TestExecutionResult> results = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.isTest()) {
                    results.add(result);
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(examples))
                .build();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        launching = true;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            System.setErr(originalErr);
            launching = false;
        }
        return new Outcome(results, err.toString(StandardCharsets.UTF_8));
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
        assertThat(outcome.results()).singleElement().satisfies(result -> {
            assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(result.getThrowable()).get().satisfies(
                    failure -> assertThat(failure).hasMessage("the balance is wrong"));
        });
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
        assertThat(outcome.results()).singleElement()
                .satisfies(result -> assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
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
        assertThat(outcome.results()).singleElement().satisfies(result -> {
            assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(result.getThrowable()).get().satisfies(failure -> {
                List<Throwable> chain = new ArrayList<>();
                for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
                    chain.add(t);
                }
                assertThat(chain).anySatisfy(cause -> assertThat(cause).isInstanceOf(NonDeterministicException.class));
            });
        });
        assertThat(outcome.stderr()).contains("Timeline of countdown-1 (workflow type Countdown");
    }
}
