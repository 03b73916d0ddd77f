package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of history files that cannot be read. */
class WorkflowReplayerFileTest {

    private static final Pattern LAST_EVENT_ID = Pattern.compile("(?s)(.*\"eventId\": )(\\d+)");

    @TempDir
    Path directory;

    private static String json;

    @BeforeAll
    static void recordOneTransfer() {
        json = TransferWorkflows.recordTransfer("transfer-2").toJson();
    }

    @Test
    void truncatedFileIsAFormatErrorNamingTheFile() throws IOException {
        Path file = write("truncated.json", json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(file, MoneyTransferImpl.class))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("truncated.json");
    }

    @Test
    void unknownEventTypeIsAFormatErrorNamingTheFileAndTheEvent() throws IOException {
        assertThat(json).contains("\"eventType\": \"TimerFired\"");
        Path file = write("unknown-type.json",
                json.replace("\"eventType\": \"TimerFired\"", "\"eventType\": \"TimerExploded\""));

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(file, MoneyTransferImpl.class))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("unknown-type.json")
                .hasMessageContaining("TimerExploded")
                .satisfies(e -> assertThat(((HistoryFormatException) e).getEventId()).isPresent());
    }

    @Test
    void gapInEventIdsIsAFormatErrorNamingTheFileAndTheEvent() throws IOException {
        Matcher last = LAST_EVENT_ID.matcher(json);
        assertThat(last.find()).isTrue();
        long lastId = Long.parseLong(last.group(2));
        String withGap = last.group(1) + (lastId + 1) + json.substring(last.end());
        Path file = write("gap.json", withGap);

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(file, MoneyTransferImpl.class))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("gap.json")
                .hasMessageContaining(String.valueOf(lastId + 1));
    }

    @Test
    void missingFileIsAnErrorNamingThePath() {
        Path missing = directory.resolve("no-such-history.json");

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(missing, MoneyTransferImpl.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    private Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
