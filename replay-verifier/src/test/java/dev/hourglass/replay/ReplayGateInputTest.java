package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.replay.ReplayResult.Status;
import dev.hourglass.replay.TransferWorkflows.GreetingImpl;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files the gate reads, and how it reports input it cannot check: each bad file is an ERROR result whose cause
 * names the file, the event when there is one, and what is wrong; the run goes on.
 */
class ReplayGateInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() {
        json = GateHistories.closedTransfer("transfer-1").toJson();
    }

    private static ReplayReport gate(Path fileOrDirectory, Class<?> implementation) {
        return ReplayGate.newBuilder().registerWorkflowImplementationTypes(implementation)
                .addHistories(fileOrDirectory).build().run();
    }

    /** The one result of replaying one file against the code that recorded it. */
    private static ReplayResult replay(Path file) {
        ReplayReport report = gate(file, MoneyTransferImpl.class);
        assertThat(report.getResults()).hasSize(1);
        return report.getResults().get(0);
    }

    private static String cause(ReplayResult result) {
        assertThat(result.getStatus()).isEqualTo(Status.ERROR);
        return result.getFailure().orElseThrow().getMessage();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static String edited(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        edit.accept(root);
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode event(ObjectNode root, int index) {
        return (ObjectNode) root.get("events").get(index);
    }

    @Test
    void aRecordedHistoryFileIsCompatible() throws IOException {
        assertThat(replay(write("a.json", json)).getStatus()).isEqualTo(Status.COMPATIBLE);
    }

    @Test
    void aGzippedHistoryFileIsReadLikeAPlainOne() throws IOException {
        ReplayResult result = replay(write("a.json.gz", gzip(json.getBytes(StandardCharsets.UTF_8))));

        assertThat(result.getStatus()).isEqualTo(Status.COMPATIBLE);
        assertThat(result.getWorkflowId()).isEqualTo("transfer-1");
    }

    @Test
    void malformedJsonIsAnErrorNamingTheFile() throws IOException {
        Path file = write("malformed.json", "{ not json");

        assertThat(cause(replay(file))).startsWith("history " + file + ": not valid JSON at line 1, column 3");
    }

    @Test
    void aTruncatedFileIsAnErrorNamingTheFile() throws IOException {
        Path file = write("truncated.json", json.substring(0, json.length() / 2));

        assertThat(cause(replay(file))).startsWith("history " + file + ": not valid JSON")
                .contains("end-of-input");
    }

    @Test
    void aTruncatedGzipFileIsAnErrorSayingItIsNotValidGzip() throws IOException {
        byte[] gz = gzip(json.getBytes(StandardCharsets.UTF_8));
        Path file = write("truncated.json.gz", Arrays.copyOf(gz, gz.length / 2));

        ReplayResult result = replay(file);

        assertThat(cause(result)).startsWith("history " + file + ": the file is not valid gzip");
        assertThat(result.getFailure()).get().isInstanceOf(HistoryFormatException.class);
    }

    @Test
    void anotherFormatVersionIsAnErrorNamingTheVersion() throws IOException {
        Path file = write("v2.json", edited(root -> root.put("version", 2)));

        assertThat(cause(replay(file))).isEqualTo("history " + file + ": unsupported history format version 2;"
                + " this reader understands version 1");
    }

    @Test
    void anUnknownEventTypeIsAnErrorNamingTheEvent() throws IOException {
        Path file = write("unknown-type.json", edited(root -> event(root, 2).put("eventType", "ActivityExploded")));

        ReplayResult result = replay(file);

        assertThat(cause(result)).startsWith("history " + file + ": event 3 (events[2], ActivityExploded): ")
                .contains("ActivityExploded");
        assertThat(((HistoryFormatException) result.getFailure().orElseThrow()).getEventId()).hasValue(3);
    }

    @Test
    void aGapInEventIdsIsAnErrorNamingTheEvent() throws IOException {
        Path file = write("gap.json", edited(root -> event(root, 3).put("eventId", 5)));

        assertThat(cause(replay(file))).startsWith("history " + file + ": event 5 (events[3], ")
                .contains("expected eventId 4 but found 5 (gap)");
    }

    @Test
    void aHistoryOfAWorkflowTypeNoRegisteredClassImplementsIsAnErrorThatSaysSo() throws IOException {
        ReplayResult result = gate(write("transfer.json", json), GreetingImpl.class).getResults().get(0);

        assertThat(cause(result)).startsWith("no registered class implements workflow type 'MoneyTransfer'"
                + " (registered: [Greeting])");
        assertThat(result.getWorkflowId()).isEqualTo("transfer-1");
    }

    @Test
    void anEmptyFileIsAnErrorSayingItIsEmpty() throws IOException {
        Path file = write("empty.json", new byte[0]);

        assertThat(cause(replay(file))).startsWith("history " + file + ": the file is empty");
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorSayingSo() throws IOException {
        Path file = write("latin1.json", json.replace("alice", "Zoë").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(cause(replay(file))).startsWith("history " + file + ": the file is not valid UTF-8 (");
    }

    @Test
    void aUtf16FileIsAnErrorSayingItIsNotUtf8() throws IOException {
        Path file = write("utf16.json", json.getBytes(StandardCharsets.UTF_16));

        assertThat(cause(replay(file))).startsWith("history " + file + ": the file is not valid UTF-8 (");
    }

    @Test
    void aBadFileDoesNotStopTheRun() throws IOException {
        write("a.json", "{ not json");
        write("b.json", json);

        assertThat(gate(dir, MoneyTransferImpl.class).getResults()).extracting(ReplayResult::getStatus)
                .containsExactly(Status.ERROR, Status.COMPATIBLE);
    }

    @Test
    void filesThatAreNotHistoriesAreSkipped() throws IOException {
        write("a.json", json);
        write("README.md", "histories from production");
        write("b.json.bak", json);
        write("c.gz", gzip(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(gate(dir, MoneyTransferImpl.class).getResults()).extracting(ReplayResult::getSource)
                .containsExactly(dir.resolve("a.json").toString());
    }

    @Test
    void nestedDirectoriesAreReadRecursivelyInTheOrderOfTheirPaths() throws IOException {
        write("b/2.json", json);
        write("a/z/1.json.gz", gzip(json.getBytes(StandardCharsets.UTF_8)));
        write("c.json", json);
        write("a/y.json", json);

        assertThat(gate(dir, MoneyTransferImpl.class).getResults()).extracting(ReplayResult::getSource)
                .containsExactly(dir.resolve("a/y.json").toString(), dir.resolve("a/z/1.json.gz").toString(),
                        dir.resolve("b/2.json").toString(), dir.resolve("c.json").toString());
    }

    @Test
    void historiesAndFilesAreReportedInTheOrderTheyWereAdded() throws IOException {
        History history = History.fromJson(json);
        Path file = write("a.json", json);

        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(MoneyTransferImpl.class)
                .addHistory(history).addHistories(file).addHistory(history).setParallelism(3).build().run();

        assertThat(report.getResults()).extracting(ReplayResult::getSource).containsExactly(
                "transfer-1/" + history.getRunId(), file.toString(), "transfer-1/" + history.getRunId());
    }
}
