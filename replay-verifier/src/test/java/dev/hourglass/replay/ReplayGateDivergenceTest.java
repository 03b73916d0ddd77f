package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.replay.GateHistories.ChangedDepositMoneyTransferImpl;
import dev.hourglass.replay.ReplayResult.Status;
import dev.hourglass.replay.TransferWorkflows.LongerHoldMoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.SwappedMoneyTransferImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the gate finds when the new code makes other decisions than the recorded ones, and where it says they are. */
class ReplayGateDivergenceTest {

    private static History closed;
    private static History open;

    @BeforeAll
    static void record() {
        closed = GateHistories.closedTransfer("transfer-closed");
        open = GateHistories.openTransfer("transfer-open");
    }

    private static ReplayResult replay(Class<?> implementation, History history) {
        return ReplayGate.newBuilder().registerWorkflowImplementationTypes(implementation).addHistory(history).build()
                .run().getResults().get(0);
    }

    @Test
    void theRecordingCodeReplaysItsHistoriesCompatible() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(MoneyTransferImpl.class)
                .addHistory(closed).addHistory(open).build().run();

        assertThat(report.isCompatible()).isTrue();
        assertThat(report.getResults()).extracting(ReplayResult::getStatus)
                .containsExactly(Status.COMPATIBLE, Status.COMPATIBLE);
    }

    @Test
    void aChangedCommandMakesTheHistoryIncompatibleWithTheNonDeterministicExceptionAsItsFailure() {
        ReplayResult result = replay(ChangedDepositMoneyTransferImpl.class, closed);

        assertThat(result.getStatus()).isEqualTo(Status.INCOMPATIBLE);
        assertThat(result.getFailure()).get().isInstanceOf(NonDeterministicException.class);
        assertThat(result.getWorkflowId()).isEqualTo("transfer-closed");
        assertThat(result.getWorkflowType()).isEqualTo("MoneyTransfer");
        assertThat(result.getSource()).isEqualTo("transfer-closed/" + closed.getRunId());
    }

    @Test
    void theCommandsAreSideBySideAroundTheDivergenceWithTheDivergingPairMarked() {
        ReplayResult result = replay(ChangedDepositMoneyTransferImpl.class, closed);
        long eventId = ((NonDeterministicException) result.getFailure().orElseThrow()).getEventId();

        assertThat(result.getCommands()).extracting(CommandPair::isDiverging)
                .containsExactly(false, false, true, false);
        CommandPair diverging = result.getCommands().get(2);
        assertThat(diverging.getEventId()).hasValue(eventId);
        assertThat(diverging.getRecorded()).get().asString().contains("deposit");
        assertThat(diverging.getActual()).get().asString().contains("checkFraud");
        assertThat(result.getCommands().get(0).getRecorded()).isEqualTo(result.getCommands().get(0).getActual());
        assertThat(result.getCommands().get(0).getRecorded()).get().asString().contains("withdraw");
        assertThat(result.getCommands().get(1).getRecorded()).get().asString().startsWith("TimerStarted");
        assertThat(result.getCommands().get(3).getRecorded()).get().asString()
                .startsWith("WorkflowExecutionCompleted");
        assertThat(result.getCommands().get(3).getActual()).isEmpty();
    }

    @Test
    void theDivergenceNamesTheLineOfTheNewCodeThatIssuedTheDivergingCommand() {
        ReplayResult result = replay(ChangedDepositMoneyTransferImpl.class, closed);

        assertThat(((NonDeterministicException) result.getFailure().orElseThrow()).getLocation())
                .isEqualTo(ChangedDepositMoneyTransferImpl.class.getName() + ".transfer(GateHistories.java:"
                        + GateHistories.CHANGED_LINE + ")");
    }

    @Test
    void aDivergenceAtTheFirstCommandHasNoPairsBeforeIt() {
        ReplayResult result = replay(SwappedMoneyTransferImpl.class, closed);

        assertThat(result.getCommands().get(0).isDiverging()).isTrue();
        assertThat(result.getCommands().get(0).getRecorded()).get().asString().contains("withdraw");
        assertThat(result.getCommands().get(0).getActual()).get().asString().contains("deposit");
    }

    @Test
    void anOpenExecutionIsReportedOpenAndAClosedOneClosed() {
        assertThat(replay(SwappedMoneyTransferImpl.class, open).isOpen()).isTrue();
        assertThat(replay(SwappedMoneyTransferImpl.class, closed).isOpen()).isFalse();
    }

    @Test
    void aDurationChangeIsAWarningOfACompatibleHistoryByDefault() {
        ReplayResult result = replay(LongerHoldMoneyTransferImpl.class, closed);

        assertThat(result.getStatus()).isEqualTo(Status.COMPATIBLE);
        assertThat(result.getWarnings()).singleElement().asString().contains("differs");
    }

    @Test
    void aDurationChangeMakesTheHistoryIncompatibleInStrictMode() {
        ReplayResult result = ReplayGate.newBuilder().registerWorkflowImplementationTypes(
                LongerHoldMoneyTransferImpl.class).addHistory(closed).setStrict(true).build().run().getResults().get(0);

        assertThat(result.getStatus()).isEqualTo(Status.INCOMPATIBLE);
        assertThat(result.getCommands()).filteredOn(CommandPair::isDiverging).singleElement()
                .satisfies(pair -> assertThat(pair.getRecorded()).get().asString().startsWith("TimerStarted"));
    }

    @Test
    void aRecordedSignalTheCodeHasNoHandlerForIsAWarning() {
        History signaled = GateHistories.signaledTransfer("transfer-signaled", "cancel");

        ReplayResult result = replay(MoneyTransferImpl.class, signaled);

        assertThat(result.getStatus()).isEqualTo(Status.COMPATIBLE);
        assertThat(result.getWarnings()).singleElement().asString().contains("signal 'cancel' has no handler in"
                + " MoneyTransferImpl");
    }

    @Test
    void aHistoryAddedTwiceGivesTwoResults() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(MoneyTransferImpl.class)
                .addHistory(closed).addHistory(closed).build().run();

        assertThat(report.getResults()).hasSize(2).extracting(ReplayResult::getSource)
                .containsExactly("transfer-closed/" + closed.getRunId(), "transfer-closed/" + closed.getRunId());
    }
}
