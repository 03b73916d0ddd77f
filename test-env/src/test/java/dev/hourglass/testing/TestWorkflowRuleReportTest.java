package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.testing.JUnit4Examples.Example;
import dev.hourglass.testing.JUnit4Examples.Outcome;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import dev.hourglass.testing.TestWorkflowExtensionReportTest.Countdown;
import dev.hourglass.testing.TestWorkflowExtensionReportTest.NondeterministicCountdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.Condition;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link TestWorkflowRule} prints when a JUnit 4 test fails: the report of {@link TestWorkflowExtension}, run
 * through example JUnit 4 classes with {@code JUnitCore}.
 */
class TestWorkflowRuleReportTest {

    /** Where the examples write their HTML reports: a new directory for each test of this class. */
    @TempDir
    Path reports;

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

    public static class FailingTransferExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .setTestEnvironmentOptions(TestEnvironmentOptions.newBuilder().setSeed(1234).build())
                .build();

        @org.junit.Test
        public void transfer() {
            rule.newWorkflowStub(Transfer.class).transfer("alice", "bob", 100);
            fail("the balance is wrong");
        }
    }

    @Test
    void aFailedTestFailsWithItsOwnFailure() {
        Outcome outcome = JUnit4Examples.launch(FailingTransferExample.class);

        assertThat(outcome.onlyFailureMessage()).isEqualTo("the balance is wrong");
    }

    @Test
    void aFailedTestPrintsTheSeedHowToRerunAndTheTimelineOfItsExecutions() {
        Outcome outcome = JUnit4Examples.launch(FailingTransferExample.class);

        assertThat(outcome.stderr())
                .contains("Hourglass test environment of transfer(" + FailingTransferExample.class.getName()
                        + ") failed with seed 1234\n")
                .contains("  to rerun with the same seed: TestWorkflowRule.newBuilder()...setTestEnvironmentOptions("
                        + "TestEnvironmentOptions.newBuilder().setSeed(1234L).build())")
                .contains("Timeline of transfer-1 (workflow type Transfer, task queue test-transfer, run ")
                .contains("  #6   +3d 00:00:00.000  TimerFired                  timerId=1\n");
    }

    @Test
    void aFailedTestWritesTheTimelinesOfItsExecutionsAsOneHtmlFile() throws Exception {
        JUnit4Examples.launch(FailingTransferExample.class, reports);

        Path file = TestWorkflowExtensionReportTest.reportOf(reports, FailingTransferExample.class, "transfer");
        assertThat(file).exists();
        assertThat(Files.readString(file))
                .contains("<title>Hourglass test environment of transfer(" + FailingTransferExample.class.getName()
                        + ") failed with seed 1234</title>")
                .contains("TestWorkflowRule.newBuilder()...setTestEnvironmentOptions(")
                .contains("<section class=\"hg-timeline\" data-workflow-id=\"transfer-1\"")
                .contains("data-event-type=\"TimerFired\"");
    }

    @Test
    void theFailureOfAFailedTestKeepsItsTypeAndMessageAndLinksTheHtmlFile() {
        Outcome outcome = JUnit4Examples.launch(FailingTransferExample.class, reports);

        Path file = TestWorkflowExtensionReportTest.reportOf(reports, FailingTransferExample.class, "transfer");
        assertThat(outcome.onlyFailure()).isExactlyInstanceOf(AssertionError.class).hasMessage("the balance is wrong");
        assertThat(outcome.onlyFailure().getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("Hourglass timelines of this test: " + file.toUri());
        assertThat(outcome.stderr()).contains("  Hourglass timelines of this test: " + file.toUri() + "\n");
    }

    public static class OwnWorkflowIdExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @org.junit.Test
        public void transfer() {
            rule.getWorkflowClient().newWorkflowStub(Transfer.class, WorkflowOptions.newBuilder()
                            .setTaskQueue(rule.getTaskQueue()).setWorkflowId("transfer-of-alice").build())
                    .transfer("alice", "bob", 100);
            fail("the balance is wrong");
        }
    }

    @Test
    void theReportShowsWorkflowsTheTestStartedThroughTheClientToo() {
        Outcome outcome = JUnit4Examples.launch(OwnWorkflowIdExample.class);

        assertThat(outcome.stderr())
                .contains("Timeline of transfer-of-alice (workflow type Transfer, task queue test-transfer, run ");
    }

    public static class PassingTransferExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @org.junit.Test
        public void transfer() {
            assertThat(rule.newWorkflowStub(Transfer.class).transfer("alice", "bob", 100))
                    .isEqualTo("moved 100 from alice to bob");
        }
    }

    @Test
    void aPassingTestPrintsNothing() {
        Outcome outcome = JUnit4Examples.launch(PassingTransferExample.class);

        assertThat(outcome.result().getRunCount()).isEqualTo(1);
        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(outcome.stderr()).doesNotContain("Hourglass test environment").doesNotContain("Timeline of");
    }

    @Test
    void aPassingTestWritesNoHtmlFile() throws Exception {
        JUnit4Examples.launch(PassingTransferExample.class, reports);

        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files).isEmpty();
        }
    }

    public static class AssumptionExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @org.junit.Test
        public void transferOnWeekdays() {
            rule.newWorkflowStub(Transfer.class).transfer("alice", "bob", 100);
            Assume.assumeTrue("it is a weekday", false);
        }
    }

    @Test
    void aFailedAssumptionIsNoFailureAndPrintsNothing() {
        Outcome outcome = JUnit4Examples.launch(AssumptionExample.class);

        assertThat(outcome.result().getRunCount()).isEqualTo(1);
        assertThat(outcome.result().getFailureCount()).isZero();
        assertThat(outcome.result().getAssumptionFailureCount()).isEqualTo(1);
        assertThat(outcome.stderr()).doesNotContain("Hourglass test environment");
    }

    public static class NondeterministicExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(NondeterministicCountdown.class)
                .build();

        @org.junit.Test
        public void countdown() {
            assertThat(rule.newWorkflowStub(Countdown.class).run()).isEqualTo("done");
        }
    }

    @Test
    void nondeterminismFoundByTheSelfCheckReplayFailsTheTest() {
        NondeterministicCountdown.RUNS.set(0);

        Outcome outcome = JUnit4Examples.launch(NondeterministicExample.class);

        assertThat(outcome.onlyFailure()).isInstanceOf(AssertionError.class).is(causedByNondeterminism());
    }

    @Test
    void nondeterminismFoundByTheSelfCheckReplayIsLinkedToTheHtmlFile() {
        NondeterministicCountdown.RUNS.set(0);

        Outcome outcome = JUnit4Examples.launch(NondeterministicExample.class, reports);

        Path file = TestWorkflowExtensionReportTest.reportOf(reports, NondeterministicExample.class, "countdown");
        assertThat(file).exists();
        assertThat(outcome.onlyFailure().getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("Hourglass timelines of this test: " + file.toUri());
    }

    @Test
    void nondeterminismFoundByTheSelfCheckReplayIsReported() {
        NondeterministicCountdown.RUNS.set(0);

        Outcome outcome = JUnit4Examples.launch(NondeterministicExample.class);

        assertThat(outcome.stderr()).contains("Timeline of countdown-1 (workflow type Countdown");
    }
}
