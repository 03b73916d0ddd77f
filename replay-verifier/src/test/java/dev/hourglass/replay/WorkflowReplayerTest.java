package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.replay.TransferWorkflows.GreetingImpl;
import dev.hourglass.replay.TransferWorkflows.LongerHoldMoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.SwappedMoneyTransferImpl;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowReplayerTest {

    @TempDir
    static Path directory;

    private static History history;
    private static Path historyFile;

    @BeforeAll
    static void recordOneTransfer() {
        history = TransferWorkflows.recordTransfer("transfer-1");
        historyFile = directory.resolve("transfer-1.json");
        history.write(historyFile);
    }

    @Test
    void recordedHistoryHasTheTransfersCommands() {
        assertThat(history.getEvents())
                .filteredOn(event -> event.getEventType().isCommand())
                .extracting(HistoryEvent::getEventType)
                .containsExactly(EventType.ActivityTaskScheduled, EventType.TimerStarted,
                        EventType.ActivityTaskScheduled, EventType.WorkflowExecutionCompleted);
    }

    @Test
    void historyReplaysAgainstTheCodeThatRecordedIt() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, MoneyTransferImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void historyFileReplaysAgainstTheCodeThatRecordedIt() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(historyFile, MoneyTransferImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void replayPicksTheImplementationOfTheHistorysTypeAmongSeveral() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, GreetingImpl.class,
                MoneyTransferImpl.class)).doesNotThrowAnyException();
    }

    @Test
    void swappedActivitiesAreNondeterministic() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, SwappedMoneyTransferImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("withdraw")
                .hasMessageContaining("deposit")
                .hasMessageContaining("SwappedMoneyTransferImpl");
    }

    @Test
    void swappedActivitiesAreReportedAtTheFirstActivityEvent() {
        long firstScheduled = history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.ActivityTaskScheduled)
                .findFirst().orElseThrow().getEventId();

        NonDeterministicException failure = catchNonDeterminism(history);

        assertThat(failure.getEventId()).isEqualTo(firstScheduled);
        assertThat(failure.getRecorded()).contains("activityType=withdraw");
        assertThat(failure.getActual()).contains("activityType=deposit");
    }

    @Test
    void swappedActivitiesAreNondeterministicWhenReplayedFromTheFile() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(historyFile,
                SwappedMoneyTransferImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("withdraw")
                .hasMessageContaining("deposit");
    }

    @Test
    void changedTimerDurationIsOnlyADifferenceNotNondeterminism() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, LongerHoldMoneyTransferImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void historyOfAnotherWorkflowTypeIsRejectedNamingTheType() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, GreetingImpl.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MoneyTransfer'")
                .hasMessageContaining("Greeting");
    }

    @Test
    void historyFileOfAnotherWorkflowTypeIsRejectedNamingTheType() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(historyFile, GreetingImpl.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MoneyTransfer'");
    }

    @Test
    void replayWithoutImplementationClassesIsRejected() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass the workflow implementation classes");
    }

    @Test
    void replayOfAFileWithoutImplementationClassesIsRejectedBeforeReadingIt() {
        Path missing = directory.resolve("never-written.json");

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass the workflow implementation classes");
    }

    @Test
    void nullImplementationClassIsRejectedNamingItsPosition() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, MoneyTransferImpl.class, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("workflowImplementationClasses[1]");
    }

    @Test
    void workflowInterfaceInsteadOfItsImplementationIsRejected() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history,
                TransferWorkflows.MoneyTransfer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a concrete class");
    }

    private static NonDeterministicException catchNonDeterminism(History history) {
        try {
            WorkflowReplayer.replayWorkflowExecution(history, SwappedMoneyTransferImpl.class);
        } catch (NonDeterministicException e) {
            return e;
        }
        throw new AssertionError("expected replay with swapped activities to be nondeterministic, but it passed");
    }
}
