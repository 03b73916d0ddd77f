package dev.hourglass.samples.replaygate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.replay.ReplayGate;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.samples.ordersaga.OrderWorkflowImpl;
import dev.hourglass.samples.subscription.SubscriptionWorkflowImpl;
import dev.hourglass.samples.subscription.UsageMeteringWorkflowImpl;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay gate run against the committed corpus with an incompatible change of the money transfer: an
 * activity added before the hold. The report must say where each transfer's history diverges, what was recorded
 * and what the code does now, what to do about it, and that the open transfer would get stuck.
 */
class IncompatibleChangeTest {

    private static final String TRANSFER_TYPE = "MoneyTransferWorkflow";

    private static ReplayReport report;

    @BeforeAll
    static void runTheGateWithTheChangedTransfer() {
        report = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(HoldNoticeMoneyTransferWorkflowImpl.class,
                        OrderWorkflowImpl.class, SubscriptionWorkflowImpl.class, UsageMeteringWorkflowImpl.class)
                .addHistories(SampleHistories.CORPUS)
                .build()
                .run();
    }

    @Test
    void gateFailsOnTheChangedTransfer() {
        assertThat(report.isCompatible()).isFalse();
    }

    @Test
    void everyTransferHistoryIsIncompatibleAndEveryOtherStaysCompatible() {
        assertThat(report.getResults()).isNotEmpty().allSatisfy(result -> assertThat(result.getStatus())
                .as(result.getSource())
                .isEqualTo(result.getWorkflowType().equals(TRANSFER_TYPE) ? ReplayResult.Status.INCOMPATIBLE
                        : ReplayResult.Status.COMPATIBLE));
        assertThat(report.getResults(ReplayResult.Status.INCOMPATIBLE)).extracting(ReplayResult::getWorkflowId)
                .containsExactlyInAnyOrder("transfer-completed", "transfer-holding", "transfer-refunded");
    }

    @Test
    void failureNamesTheEventOfTheRecordedHoldTimer() {
        for (ReplayResult result : report.getResults(ReplayResult.Status.INCOMPATIBLE)) {
            long timerStarted = History.read(Path.of(result.getSource())).getEvents().stream()
                    .filter(event -> event.getEventType() == EventType.TimerStarted)
                    .mapToLong(HistoryEvent::getEventId).findFirst().orElseThrow();

            assertThat(nondeterminism(result).getEventId()).as(result.getSource()).isEqualTo(timerStarted);
        }
    }

    @Test
    void failureNamesTheRecordedTimerAndTheNewActivity() {
        NonDeterministicException failure = nondeterminism(holding());

        assertThat(failure.getRecorded()).contains("TimerStarted");
        assertThat(failure.getActual()).contains("ActivityTaskScheduled").contains("notifyHold");
    }

    @Test
    void failureNamesTheLineOfTheChangedCode() {
        assertThat(nondeterminism(holding()).getLocation())
                .contains(HoldNoticeMoneyTransferWorkflowImpl.class.getSimpleName() + ".java:");
    }

    @Test
    void reportTextNamesTheWorkflowTheEventBothCommandsSideBySideAndTheRemedy() {
        ReplayResult holding = holding();
        NonDeterministicException failure = nondeterminism(holding);

        assertThat(report.withoutDurations().toText())
                .contains("INCOMPATIBLE: workflow transfer-holding (MoneyTransferWorkflow, open)\n"
                        + "  source: " + holding.getSource() + "\n"
                        + "  event " + failure.getEventId() + ": the code produced a different kind of command\n")
                .containsPattern("  > " + failure.getEventId() + " +\\Q" + failure.getRecorded() + "\\E +\\| \\Q"
                        + failure.getActual() + "\\E\n")
                .contains("  new code at: " + failure.getLocation())
                .contains("guard it with Workflow.getVersion")
                .contains("int version = Workflow.getVersion(\"my-change\", Workflow.DEFAULT_VERSION, 1);");
    }

    @Test
    void openTransferIsListedFirstAmongTheExecutionsThatWouldGetStuck() {
        List<ReplayResult> stuck = report.getResults(ReplayResult.Status.INCOMPATIBLE).stream()
                .filter(ReplayResult::isOpen).toList();

        assertThat(stuck).extracting(ReplayResult::getWorkflowId).containsExactly("transfer-holding");
        String text = report.withoutDurations().toText();
        String openSection = "Open executions that would get stuck if the new code were deployed (1):\n"
                + "  transfer-holding (MoneyTransferWorkflow) at event " + nondeterminism(stuck.get(0)).getEventId()
                + ", " + stuck.get(0).getSource() + "\n";
        assertThat(text).contains(openSection);
        assertThat(text.indexOf(openSection)).isLessThan(text.indexOf("Closed executions whose queries and resets"
                + " would break (2):"));
    }

    @Test
    void versionedChangeReplaysEveryRecordedTransfer() {
        ReplayReport versioned = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(VersionedHoldNoticeMoneyTransferWorkflowImpl.class,
                        OrderWorkflowImpl.class, SubscriptionWorkflowImpl.class, UsageMeteringWorkflowImpl.class)
                .addHistories(SampleHistories.CORPUS)
                .build()
                .run();

        assertThat(versioned.isCompatible()).as(versioned.toText()).isTrue();
        assertThat(versioned.getResults()).extracting(ReplayResult::getWorkflowType).contains(TRANSFER_TYPE);
    }

    private static ReplayResult holding() {
        return report.getResults().stream().filter(result -> "transfer-holding".equals(result.getWorkflowId()))
                .findFirst().orElseThrow();
    }

    private static NonDeterministicException nondeterminism(ReplayResult result) {
        assertThat(result.getFailure()).as(result.getSource()).containsInstanceOf(NonDeterministicException.class);
        return (NonDeterministicException) result.getFailure().orElseThrow();
    }
}
