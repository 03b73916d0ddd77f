package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.internal.history.JsonPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void readingWrittenJsonGivesAnEqualHistory() {
        History history = SampleHistories.moneyTransfer();

        assertThat(History.fromJson(history.toJson())).isEqualTo(history);
    }

    @Test
    void writingAReadHistoryAgainIsByteIdentical() {
        String json = SampleHistories.moneyTransfer().toJson();

        assertThat(History.fromJson(json).toJson()).isEqualTo(json);
    }

    @Test
    void toJsonWritesTheDocumentedLayoutWithNewlineLineSeparators() {
        String expected =
                "{\n"
                        + "  \"format\": \"hourglass-history\",\n"
                        + "  \"version\": 1,\n"
                        + "  \"workflowId\": \"transfer-1\",\n"
                        + "  \"runId\": \"run-1\",\n"
                        + "  \"workflowType\": \"MoneyTransfer\",\n"
                        + "  \"taskQueue\": \"transfers\",\n"
                        + "  \"events\": [\n"
                        + "    {\n"
                        + "      \"eventId\": 1,\n"
                        + "      \"eventTime\": \"2024-05-01T12:00:00Z\",\n"
                        + "      \"eventType\": \"WorkflowExecutionStarted\",\n"
                        + "      \"attributes\": {\n"
                        + "        \"workflowType\": \"MoneyTransfer\",\n"
                        + "        \"taskQueue\": \"transfers\",\n"
                        + "        \"input\": []\n"
                        + "      }\n"
                        + "    }\n"
                        + "  ]\n"
                        + "}";

        assertThat(SampleHistories.justStarted().toJson()).isEqualTo(expected);
    }

    @Test
    void eventWithoutAttributesIsWrittenWithAnEmptyObject() {
        History history = withEvent(
                new HistoryEvent(2, SampleHistories.START, new WorkflowExecutionCanceledAttributes()));

        assertThat(history.toJson()).contains("\"attributes\": {}");
    }

    @Test
    void writtenFileReadsBackAsAnEqualHistory(@TempDir Path dir) {
        History history = SampleHistories.moneyTransfer();
        Path file = dir.resolve("transfer-42.json");

        history.write(file);

        assertThat(History.read(file)).isEqualTo(history);
    }

    @Test
    void writtenFileIsTheJsonInUtf8FollowedByANewline(@TempDir Path dir) throws Exception {
        History history = withEvent(new HistoryEvent(2, SampleHistories.START,
                new WorkflowExecutionCompletedAttributes(Payload.of("Überweisung ✓ 💸"))));
        Path file = dir.resolve("history.json");

        history.write(file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).isEqualTo((history.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(History.read(file).getLastEvent().getAttributes(WorkflowExecutionCompletedAttributes.class)
                .result().decode(String.class)).isEqualTo("Überweisung ✓ 💸");
    }

    @Test
    void payloadsAreWrittenAsPlainJsonValues() throws Exception {
        ObjectNode result = NODES.objectNode();
        result.put("status", "settled");
        result.putArray("legs").add(NODES.objectNode().put("account", "acct-1").put("cents", -10000)).addNull();
        result.putNull("note");
        History history = withEvent(new HistoryEvent(2, SampleHistories.START,
                new WorkflowExecutionCompletedAttributes(JsonPayload.of(result))));

        JsonNode written = PLAIN.readTree(history.toJson()).get("events").get(1).get("attributes").get("result");

        assertThat(written).isEqualTo(result);
        assertThat(JsonPayload.node(History.fromJson(history.toJson()).getLastEvent()
                .getAttributes(WorkflowExecutionCompletedAttributes.class).result())).isEqualTo(result);
    }

    @Test
    void nullResultIsWrittenAsJsonNull() throws Exception {
        History history = withEvent(new HistoryEvent(2, SampleHistories.START,
                new WorkflowExecutionCompletedAttributes(Payload.of(null))));

        JsonNode written = PLAIN.readTree(history.toJson()).get("events").get(1).get("attributes");

        assertThat(written.get("result").isNull()).isTrue();
        assertThat(History.fromJson(history.toJson())).isEqualTo(history);
    }

    @Test
    void eventTimesKeepMillisecondPrecision() {
        Instant time = Instant.parse("2024-05-01T12:00:00.123Z");
        History history = withEvent(new HistoryEvent(2, time, new TimerFiredAttributes("1")));

        assertThat(history.toJson()).contains("\"eventTime\": \"2024-05-01T12:00:00.123Z\"");
        assertThat(History.fromJson(history.toJson()).getLastEvent().getEventTime()).isEqualTo(time);
    }

    @Test
    void eventTimesKeepNanosecondPrecision() {
        Instant time = Instant.parse("2024-05-01T12:00:00.123456789Z");
        History history = withEvent(new HistoryEvent(2, time, new TimerFiredAttributes("1")));

        assertThat(History.fromJson(history.toJson()).getLastEvent().getEventTime()).isEqualTo(time);
    }

    @Test
    void durationsAreWrittenAsIntegerMillisecondsAndReadBackEqual() {
        History history = withEvent(
                new HistoryEvent(2, SampleHistories.START, new TimerStartedAttributes("1", Duration.ofSeconds(5))));

        History read = History.fromJson(history.toJson());

        assertThat(history.toJson()).contains("\"durationMillis\": 5000\n");
        assertThat(read.getLastEvent().getAttributes(TimerStartedAttributes.class).duration())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(read).isEqualTo(history);
        assertThat(read.hashCode()).isEqualTo(history.hashCode());
    }

    @Test
    void payloadNumbersReadBackEqualWhateverJavaTypeHeldThem() {
        ArrayNode asLong = NODES.arrayNode().add(5_000L);
        History history = withEvent(new HistoryEvent(2, SampleHistories.START,
                new WorkflowExecutionSignaledAttributes("deposit", JsonPayload.of(asLong))));

        History read = History.fromJson(history.toJson());

        assertThat(JsonPayload.node(read.getLastEvent().getAttributes(WorkflowExecutionSignaledAttributes.class)
                .input()).get(0).isInt()).isTrue();
        assertThat(read).isEqualTo(history);
        assertThat(read.hashCode()).isEqualTo(history.hashCode());
    }

    @Test
    void floatPayloadsAreWrittenWithTheSameDigitsAfterBeingReadBack() {
        History history = withEvent(new HistoryEvent(2, SampleHistories.START,
                new WorkflowExecutionCompletedAttributes(JsonPayload.of(NODES.numberNode(-1.1699289E20f)))));

        String json = history.toJson();

        assertThat(json).contains("\"result\": -1.1699289E20");
        assertThat(History.fromJson(json).toJson()).isEqualTo(json);
        assertThat(History.fromJson(json)).isEqualTo(history);
    }

    @Test
    void unknownTopLevelFieldsAreIgnored() throws Exception {
        ObjectNode root = (ObjectNode) PLAIN.readTree(SampleHistories.moneyTransfer().toJson());
        root.put("exportedBy", "a later version");
        root.putObject("extensions").put("region", "eu-1");

        assertThat(History.fromJson(PLAIN.writeValueAsString(root))).isEqualTo(SampleHistories.moneyTransfer());
    }

    @Test
    void unknownAttributesAreKept() {
        History history = withEvent(new HistoryEvent(2, SampleHistories.START, new TimerFiredAttributes("1"),
                Payload.fromJson("{\"summary\":\"hold funds\"}")));

        HistoryEvent read = History.fromJson(history.toJson()).getLastEvent();

        assertThat(read.getAttributes()).isEqualTo(new TimerFiredAttributes("1"));
        assertThat(read.getUnknownAttributes()).isEqualTo(Payload.fromJson("{\"summary\":\"hold funds\"}"));
        assertThat(read).isEqualTo(history.getLastEvent());
    }

    @Test
    void unknownAttributesAreReadInTheirOrderAndWrittenAfterTheKnownOnes() throws Exception {
        ObjectNode root = (ObjectNode) PLAIN.readTree(SampleHistories.moneyTransfer().toJson());
        ObjectNode fired = NODES.objectNode().put("summary", "hold funds").put("timerId", "2").put("owner", "treasury");
        ((ObjectNode) root.get("events").get(5)).set("attributes", fired);

        String written = History.fromJson(PLAIN.writeValueAsString(root)).toJson();

        assertThat(written).contains("\"attributes\": {\n"
                + "        \"timerId\": \"2\",\n"
                + "        \"summary\": \"hold funds\",\n"
                + "        \"owner\": \"treasury\"\n"
                + "      }");
    }

    @Test
    void attributesAreWrittenInSchemaOrderWhateverOrderTheyWereReadIn() throws Exception {
        ObjectNode root = (ObjectNode) PLAIN.readTree(SampleHistories.justStarted().toJson());
        ObjectNode reversed = NODES.objectNode();
        reversed.putArray("input");
        reversed.put("taskQueue", "transfers").put("workflowType", "MoneyTransfer");
        ((ObjectNode) root.get("events").get(0)).set("attributes", reversed);

        assertThat(History.fromJson(PLAIN.writeValueAsString(root)).toJson())
                .isEqualTo(SampleHistories.justStarted().toJson());
    }

    @Test
    void missingAttributesAreReadAsNoAttributes() throws Exception {
        ObjectNode root = (ObjectNode) PLAIN.readTree(SampleHistories.justStarted().toJson());
        ObjectNode canceled = ((ArrayNode) root.get("events")).addObject();
        canceled.put("eventId", 2).put("eventTime", "2024-05-01T12:00:01Z").put("eventType", "WorkflowExecutionCanceled");

        History history = History.fromJson(PLAIN.writeValueAsString(root));

        assertThat(history.getLastEvent().getAttributes()).isEqualTo(new WorkflowExecutionCanceledAttributes());
        assertThat(history.getLastEvent().getUnknownAttributes()).isNull();
    }

    @Test
    void readsCompactJsonAsWellAsPrettyJson() throws Exception {
        String compact = PLAIN.writeValueAsString(PLAIN.readTree(SampleHistories.moneyTransfer().toJson()));

        assertThat(History.fromJson(compact)).isEqualTo(SampleHistories.moneyTransfer());
    }

    @Test
    void readsAFileStartingWithAByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF" + SampleHistories.justStarted().toJson(), StandardCharsets.UTF_8);

        assertThat(History.read(file)).isEqualTo(SampleHistories.justStarted());
    }

    private static History withEvent(HistoryEvent second) {
        History started = SampleHistories.justStarted();
        return new History(
                started.getWorkflowId(),
                started.getRunId(),
                started.getWorkflowType(),
                started.getTaskQueue(),
                List.of(started.getEvents().get(0), second));
    }
}
