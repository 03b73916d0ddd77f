package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.SwappedMoneyTransferImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replay of histories given as JSON text. */
class WorkflowReplayerJsonTest {

    private static String json;

    @BeforeAll
    static void recordOneTransfer() {
        json = TransferWorkflows.recordTransfer("transfer-json").toJson();
    }

    @Test
    void aHistoryGivenAsJsonReplaysAgainstTheCodeThatRecordedIt() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(json, MoneyTransferImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aHistoryGivenAsJsonThatTheCodeNoLongerMatchesIsNondeterministic() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(json, SwappedMoneyTransferImpl.class))
                .isInstanceOf(NonDeterministicException.class);
    }

    @Test
    void textThatIsNotJsonIsAFormatErrorSayingSo() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution("events: none", MoneyTransferImpl.class))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageStartingWith("history <string>: ")
                .hasMessageContaining("JSON");
    }

    @Test
    void truncatedJsonIsAFormatError() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(json.substring(0, json.length() / 2),
                MoneyTransferImpl.class))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageStartingWith("history <string>: ");
    }
}
