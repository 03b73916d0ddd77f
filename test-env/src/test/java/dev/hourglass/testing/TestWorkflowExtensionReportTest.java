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
import dev.hourglass.testing.internal.HtmlReports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
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
    record Outcome(Events tests, String stderr) {
    }

    /** Where the examples write their HTML reports: a new directory for each test of this class. */
    @TempDir
    Path reports;

    private Outcome launch(Class<?> examples) {
        return launch(examples, reports);
    }

    /** Runs the examples with {@code hourglass.reports.dir} set to {@code reportsDir}. */
    static synchronized Outcome launch(Class<?> examples, Path reportsDir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        launching = true;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        String originalDir = System.getProperty(HtmlReports.DIRECTORY_PROPERTY);
        System.setProperty(HtmlReports.DIRECTORY_PROPERTY, reportsDir.toString());
        try {
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(examples))
                    .execute()
                    .testEvents();
            return new Outcome(tests, err.toString(StandardCharsets.UTF_8));
        } finally {
            if (originalDir == null) {
                System.clearProperty(HtmlReports.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(HtmlReports.DIRECTORY_PROPERTY, originalDir);
            }
            System.setErr(originalErr);
            launching = false;
        }
    }

    /** The throwable the only test of a run failed with. */
    private static Throwable onlyFailure(Outcome outcome) {
        List<Throwable> failures = outcome.tests().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .toList();
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    /** The report file of a test of an example class, under {@code reportsDir}. */
    static Path reportOf(Path reportsDir, Class<?> example, String test) {
        return reportsDir.toAbsolutePath().resolve(example.getName().replace('$', '_')).resolve(test + ".html");
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

    @Test
    void aFailedTestWritesTheTimelinesOfItsExecutionsAsOneHtmlFile() throws Exception {
        launch(FailingTransferExample.class);

        Path file = reportOf(reports, FailingTransferExample.class, "transfer");
        assertThat(file).exists();
        assertThat(Files.readString(file))
                .startsWith("<!DOCTYPE html>")
                .contains("<title>Hourglass test environment of transfer(Transfer) failed with seed 1234</title>")
                .contains("TestEnvironmentOptions.newBuilder().setSeed(1234L).build()")
                .contains("failure: java.lang.AssertionError: the balance is wrong")
                .contains("<section class=\"hg-timeline\" data-workflow-id=\"transfer-1\"")
                .contains("data-event-type=\"TimerFired\"")
                .contains("data-activity-type=\"deposit\"");
    }

    @Test
    void theFailureOfAFailedTestKeepsItsTypeAndMessageAndLinksTheHtmlFile() {
        Outcome outcome = launch(FailingTransferExample.class);

        Throwable failure = onlyFailure(outcome);
        assertThat(failure).isExactlyInstanceOf(AssertionError.class).hasMessage("the balance is wrong");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly(
                "Hourglass timelines of this test: "
                        + reportOf(reports, FailingTransferExample.class, "transfer").toUri());
    }

    @Test
    void theTextReportOfAFailedTestLinksTheHtmlFile() {
        Outcome outcome = launch(FailingTransferExample.class);

        assertThat(outcome.stderr()).contains("  Hourglass timelines of this test: "
                + reportOf(reports, FailingTransferExample.class, "transfer").toUri() + "\n");
    }

    @Test
    void aReportThatCannotBeWrittenLeavesTheTestsOwnFailureAndSaysSoOnStandardError() throws Exception {
        Path notADirectory = Files.writeString(reports.resolve("occupied"), "a file, not a directory");

        Outcome outcome = launch(FailingTransferExample.class, notADirectory);

        Throwable failure = onlyFailure(outcome);
        assertThat(failure).isExactlyInstanceOf(AssertionError.class).hasMessage("the balance is wrong");
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(outcome.stderr()).contains("Hourglass could not write the HTML timelines of transfer(Transfer)")
                .contains("Timeline of transfer-1 (workflow type Transfer");
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

    @Test
    void aPassingTestWritesNoHtmlFile() throws Exception {
        launch(PassingTransferExample.class);

        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files).isEmpty();
        }
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

    @Test
    void nondeterminismFoundByTheSelfCheckReplayIsLinkedToTheHtmlFile() {
        NondeterministicCountdown.RUNS.set(0);
        Outcome outcome = launch(NondeterministicExample.class);

        Path file = reportOf(reports, NondeterministicExample.class, "countdown");
        assertThat(file).exists();
        assertThat(onlyFailure(outcome).getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("Hourglass timelines of this test: " + file.toUri());
    }
}
