package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.internal.common.PayloadCodecChain;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.timeline.TimelineHtml;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTimelineHtmlTest {

    private static final List<PayloadCodec> GZIP = List.of(PayloadCodecs.gzip());

    @TempDir
    Path dir;

    /** A transfer whose input and result are plain, or encoded with gzip. */
    private static History transfer(boolean encoded) {
        return Histories.of("transfer-1")
                .event(new WorkflowExecutionStartedAttributes("Transfer", "transfers",
                        JsonPayload.of(JsonNodeFactory.instance.arrayNode().add(value("alice", encoded))), null, null,
                        null, null))
                .scheduled("1", "withdraw")
                .event(new ActivityTaskStartedAttributes("1", 1))
                .event(new ActivityTaskCompletedAttributes("1", JsonPayload.of(value("tx-1", encoded))))
                .build();
    }

    private static JsonNode value(String text, boolean encoded) {
        JsonNode plain = JsonPayload.node(Payload.of(text));
        return encoded ? PayloadCodecChain.of(GZIP).encode(plain) : plain;
    }

    @Test
    void formatHtmlIsTheDocumentOfTheTimelineTitledWithTheWorkflowId() {
        History history = Histories.completedTransfer();

        assertThat(HistoryTimeline.formatHtml(history))
                .isEqualTo(TimelineHtml.document(history, "Timeline of transfer-1"))
                .contains("<title>Timeline of transfer-1</title>");
    }

    @Test
    void formatHtmlShowsEncodedPayloadsByTheirCodecs() {
        History encoded = transfer(true);

        assertThat(HistoryTimeline.formatHtml(encoded)).contains("[&lt;encoded with gzip&gt;]")
                .contains("encoded with gzip</pre>").doesNotContain("alice").doesNotContain("tx-1");
    }

    @Test
    void formatHtmlWithCodecsShowsTheDecodedValues() {
        History encoded = transfer(true);

        assertThat(HistoryTimeline.formatHtml(encoded, GZIP)).isEqualTo(HistoryTimeline.formatHtml(transfer(false)));
    }

    @Test
    void writeHtmlWritesTheDocumentInUtf8CreatingTheParentDirectories() throws Exception {
        History history = Histories.of("überweisung-1").started("zoë").build();
        Path file = dir.resolve("reports").resolve("nested").resolve("transfer.html");

        HistoryTimeline.writeHtml(history, file);

        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                .isEqualTo(HistoryTimeline.formatHtml(history)).contains("zoë");
    }

    @Test
    void writeHtmlWithCodecsWritesTheDecodedValues() throws Exception {
        History encoded = transfer(true);
        Path file = dir.resolve("transfer.html");

        HistoryTimeline.writeHtml(encoded, GZIP, file);

        assertThat(Files.readString(file)).isEqualTo(HistoryTimeline.formatHtml(transfer(false)));
    }

    @Test
    void writeHtmlReplacesAnExistingFile() throws Exception {
        Path file = dir.resolve("transfer.html");
        Files.writeString(file, "old");

        HistoryTimeline.writeHtml(Histories.completedTransfer(), file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void writeHtmlThatCannotWriteNamesTheFile() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        Path file = notADirectory.resolve("transfer.html");

        assertThatThrownBy(() -> HistoryTimeline.writeHtml(Histories.completedTransfer(), file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write the HTML timeline to " + file);
    }
}
