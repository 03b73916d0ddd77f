package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a payload may hold, a history holding it is written and read back, as text and through a file. */
class JsonLimitsTest {

    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path files;

    @Test
    void theLongestStringAPayloadMayHoldIsWrittenAndReadBack() {
        History history = startedWith("y".repeat(20_000_000));

        assertThat(History.fromJson(history.toJson())).isEqualTo(history);
    }

    @Test
    void theDeepestValueAPayloadMayHoldIsWrittenAndReadBack() {
        History history = startedWith(nested(500));
        Path file = files.resolve("deep.json");

        history.write(file);

        assertThat(History.read(file)).isEqualTo(history);
    }

    @Test
    void aStringWithALoneSurrogateIsWrittenToAFileAndReadBack() {
        History history = startedWith("a\uD800b\uDC00c \uD83D\uDE00");
        Path file = files.resolve("surrogates.json");

        history.write(file);

        assertThat(History.read(file)).isEqualTo(history);
    }

    @Test
    void aFileHoldsExactlyWhatToJsonReturnsAndANewline() throws Exception {
        History history = startedWith("a\uD800b \uD83D\uDE00 é");
        Path file = files.resolve("same.json");

        history.write(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(history.toJson() + "\n");
        assertThat(history.toJson()).contains("\"a\\uD800b \uD83D\uDE00 é\"");
    }

    private static History startedWith(Object argument) {
        return new History("limits", "run-1", "Limits", "q", List.of(new HistoryEvent(1, START,
                new WorkflowExecutionStartedAttributes("Limits", "q", Payload.ofArguments(argument), null, null, null,
                        null))));
    }

    private static List<Object> nested(int depth) {
        List<Object> outer = new ArrayList<>();
        List<Object> current = outer;
        for (int level = 1; level < depth; level++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        return outer;
    }
}
