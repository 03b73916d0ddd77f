package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryFormatException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A history that {@code History.fromJson} accepts replays, or fails with a documented exception: never with an
 * internal or a raw JDK exception. The histories are recorded runs of a workflow that uses every kind of
 * command, each changed at random (attributes set to {@code null}, to values of another type, or removed;
 * events duplicated, dropped, swapped or retyped; times moved to the ends of {@code Instant}) from the seed
 * each case names. Re-run one case with {@link #oneSeed()}.
 */
class AcceptedHistoryReplayProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TIMES = List.of("+1000000000-12-31T23:59:59.999999999Z",
            "-1000000000-01-01T00:00:00Z", "+292278994-08-17T07:12:55.808Z", "9999-12-31T23:59:59.999999999Z",
            "1970-01-01T00:00:00Z");

    private static String recorded;

    @BeforeAll
    static void record() {
        recorded = Errands.record();
    }

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @Test
    void oneSeed() throws Exception {
        aChangedHistoryIsRejectedByTheReaderOrReplaysOrFailsWithADocumentedException(0);
    }

    @Test
    void theRecordedHistoryReplays() {
        WorkflowReplayer.replayWorkflowExecution(History.fromJson(recorded), Errands.ErrandImpl.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aChangedHistoryIsRejectedByTheReaderOrReplaysOrFailsWithADocumentedException(long seed) throws Exception {
        String changed = change(recorded, new Random(seed));
        History history;
        try {
            history = History.fromJson(changed);
        } catch (HistoryFormatException rejected) {
            return;
        }
        try {
            WorkflowReplayer.replayWorkflowExecution(history, Errands.ErrandImpl.class);
        } catch (NonDeterministicException | DataConverterException documented) {
            assertThat(documented.getMessage()).as("message of seed %d", seed).isNotBlank();
        } catch (RuntimeException | Error other) {
            throw new AssertionError("seed " + seed + ": replay of an accepted history threw " + other
                    + "\nhistory:\n" + changed, other);
        }
    }

    /** The history with one to three random changes. */
    private static String change(String json, Random random) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        ArrayNode events = (ArrayNode) root.get("events");
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            changeOnce(events, random);
        }
        for (int i = 0; i < events.size(); i++) {
            ((ObjectNode) events.get(i)).put("eventId", i + 1);
        }
        return JSON.writeValueAsString(root);
    }

    private static void changeOnce(ArrayNode events, Random random) {
        int index = random.nextInt(events.size());
        ObjectNode event = (ObjectNode) events.get(index);
        ObjectNode attributes = (ObjectNode) event.get("attributes");
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "result" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(9)) {
            case 0:
                attributes.putNull(name);
                break;
            case 1:
                attributes.set(name, randomValue(random));
                break;
            case 2:
                attributes.remove(name);
                break;
            case 3:
                event.put("eventTime", TIMES.get(random.nextInt(TIMES.size())));
                break;
            case 4:
                events.insert(index + 1, event.deepCopy());
                break;
            case 5:
                if (events.size() > 1) {
                    events.remove(index);
                }
                break;
            case 6:
                if (index + 1 < events.size()) {
                    JsonNode next = events.get(index + 1);
                    events.set(index + 1, event);
                    events.set(index, next);
                }
                break;
            case 7:
                event.put("eventType", randomEventType(events, random));
                break;
            default:
                events.add(events.get(random.nextInt(events.size())).deepCopy());
                break;
        }
    }

    private static String randomEventType(ArrayNode events, Random random) {
        List<String> types = new ArrayList<>();
        Iterator<JsonNode> all = events.elements();
        all.forEachRemaining(event -> types.add(event.get("eventType").asText()));
        return types.get(random.nextInt(types.size()));
    }

    private static JsonNode randomValue(Random random) {
        switch (random.nextInt(7)) {
            case 0:
                return NODES.textNode("x" + random.nextInt(10));
            case 1:
                return NODES.numberNode(random.nextInt());
            case 2:
                return NODES.numberNode(random.nextDouble() * 1e6);
            case 3:
                return NODES.objectNode().put("version", random.nextBoolean() ? "one" : "1");
            case 4:
                return NODES.arrayNode().add(random.nextInt(3)).add("y");
            case 5:
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.numberNode(Long.MAX_VALUE);
        }
    }
}
