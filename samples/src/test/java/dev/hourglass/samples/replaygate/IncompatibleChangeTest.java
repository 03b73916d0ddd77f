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
    void reportTextNamesTheWorkflowTheEventBothCommandsAndTheRemedy() {
        NonDeterministicException failure = nondeterminism(holding());

        assertThat(report.toText())
                .contains("transfer-holding")
                .contains("event " + failure.getEventId())
                .contains(failure.getRecorded())
                .contains(failure.getActual())
                .contains("Workflow.getVersion");
    }

    @Test
    void openTransferIsAmongTheExecutionsThatWouldGetStuck() {
        List<ReplayResult> stuck = report.getResults(ReplayResult.Status.INCOMPATIBLE).stream()
                .filter(ReplayResult::isOpen).toList();

        assertThat(stuck).extracting(ReplayResult::getWorkflowId).containsExactly("transfer-holding");
        assertThat(report.toText()).contains(stuck.get(0).getSource());
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
