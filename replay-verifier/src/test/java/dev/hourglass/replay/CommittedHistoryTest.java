package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.SwappedMoneyTransferImpl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Replay of a history file kept in the repository, as a project keeps histories recorded in production. */
class CommittedHistoryTest {

    private static final Path MONEY_TRANSFER = Path.of("src/test/resources/histories/money-transfer.json");

    @Test
    void committedHistoryIsAClosedTransferFromAliceToBob() {
        History history = History.read(MONEY_TRANSFER);

        assertThat(history.getWorkflowType()).isEqualTo("MoneyTransfer");
        assertThat(history.isClosed()).isTrue();
        assertThat(history.getEvents())
                .extracting(HistoryEvent::getEventType)
                .containsExactly(EventType.WorkflowExecutionStarted,
                        EventType.ActivityTaskScheduled, EventType.ActivityTaskStarted,
                        EventType.ActivityTaskCompleted,
                        EventType.TimerStarted, EventType.TimerFired,
                        EventType.ActivityTaskScheduled, EventType.ActivityTaskStarted,
                        EventType.ActivityTaskCompleted,
                        EventType.WorkflowExecutionCompleted);
    }

    @Test
    void committedHistoryReplaysAgainstTheCurrentCode() {
        assertThatCode(() -> {
            Path file = Path.of("src/test/resources/histories/money-transfer.json");

            WorkflowReplayer.replayWorkflowExecution(file, MoneyTransferImpl.class);
        }).doesNotThrowAnyException();
    }

    @Test
    void committedHistoryRejectsCodeThatSwapsTheActivities() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(MONEY_TRANSFER,
                SwappedMoneyTransferImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("event 2")
                .hasMessageContaining("activityType=withdraw")
                .hasMessageContaining("activityType=deposit");
    }
}
