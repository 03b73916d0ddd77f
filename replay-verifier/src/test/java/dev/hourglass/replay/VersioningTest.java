package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.replay.TransferWorkflows.FraudCheckOnlyMoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.FraudCheckedMoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.UnguardedFraudCheckMoneyTransferImpl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A new activity before the withdrawal, guarded by {@code Workflow.getVersion} or not. */
class VersioningTest {

    private static final Path RECORDED_BEFORE_THE_CHANGE = Path.of("src/test/resources/histories/money-transfer.json");

    @Test
    void historyRecordedBeforeAGuardedChangeReplays() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(RECORDED_BEFORE_THE_CHANGE,
                FraudCheckedMoneyTransferImpl.class)).doesNotThrowAnyException();
    }

    @Test
    void historyRecordedBeforeAnUnguardedChangeIsNondeterministic() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(RECORDED_BEFORE_THE_CHANGE,
                UnguardedFraudCheckMoneyTransferImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("activityType=withdraw")
                .hasMessageContaining("activityType=checkFraud")
                .hasMessageContaining("Workflow.getVersion");
    }

    @Test
    void historyRecordedBeforeTheChangeFailsOnceTheOldBranchIsRemoved() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(RECORDED_BEFORE_THE_CHANGE,
                FraudCheckOnlyMoneyTransferImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("Workflow.getVersion(\"fraud-check\", 1, 1)")
                .hasMessageContaining("version -1");
    }

    @Test
    void historyRecordedAfterTheChangeReplaysOnceTheOldBranchIsRemoved() {
        History history = TransferWorkflows.recordTransfer("transfer-7", FraudCheckedMoneyTransferImpl.class);

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, FraudCheckOnlyMoneyTransferImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void executionAfterTheGuardedChangeRecordsItsVersionAndTheNewActivity() {
        History history = TransferWorkflows.recordTransfer("transfer-5", FraudCheckedMoneyTransferImpl.class);

        assertThat(history.getEvents())
                .filteredOn(event -> event.getEventType().isCommand())
                .extracting(event -> event.getAttributes() instanceof MarkerRecordedAttributes marker
                        ? "MarkerRecorded " + marker.markerId()
                        : event.getAttributes() instanceof ActivityTaskScheduledAttributes scheduled
                                ? "ActivityTaskScheduled " + scheduled.activityType() : event.getEventType().name())
                .startsWith("MarkerRecorded fraud-check", "ActivityTaskScheduled checkFraud",
                        "ActivityTaskScheduled withdraw");
    }

    @Test
    void historyRecordedAfterTheGuardedChangeReplays() {
        History history = TransferWorkflows.recordTransfer("transfer-6", FraudCheckedMoneyTransferImpl.class);

        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, FraudCheckedMoneyTransferImpl.class))
                .doesNotThrowAnyException();
    }
}
