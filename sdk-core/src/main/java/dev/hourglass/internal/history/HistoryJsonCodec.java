package dev.hourglass.internal.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Converts {@link History} to and from history format version 1.
 *
 * <p>Reading uses Jackson's tree model only ({@code ObjectMapper.readTree}); it never binds JSON to
 * arbitrary classes. Duplicate field names and content after the top-level object are rejected.
 * Unknown top-level fields and unknown attributes are ignored, so that histories written by later
 * versions that add fields can still be read. All methods are thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HistoryJsonCodec {

    /** The value of the top-level {@code format} field. */
    public static final String FORMAT = "hourglass-history";

    /** The format version this codec writes and reads. */
    public static final int VERSION = 1;

    /** The source name of histories read from a string. */
    public static final String STRING_SOURCE = "<string>";

    /**
     * Shared and thread-safe once built; never reconfigured.
     *
     * <p>The fast double writer is Jackson's own shortest-decimal conversion, so that floating-point payloads
     * are written the same way on every JDK (the JDK's {@code Double.toString} changed in JDK 19) and a
     * {@code float} read back as a {@code double} is written with the same digits again.
     *
     * <p>Numbers are built by {@link CanonicalNodeFactory}, and read through
     * {@link CanonicalNodeFactory#exactNumbers}, so that a payload read back is the tree it was written from:
     * {@code 420.00} stays {@code 420.00}, not the {@code double} 420.0.
     *
     * <p>The mapper reads and writes within the one set of {@link JsonLimits}. It writes UTF-8 bytes: a
     * character outside the Basic Multilingual Plane as itself, and a lone surrogate (a {@code char} that Java
     * strings may hold but UTF-8 cannot encode) as a JSON escape (a backslash, {@code u} and four hex digits),
     * which reads back as the same {@code char}. {@link #toJson(History)}, {@link #write(History, Path)} and
     * payloads' JSON text all come from these bytes.
     */
    static final JsonMapper MAPPER =
            JsonMapper.builder(JsonFactory.builder()
                            .streamReadConstraints(JsonLimits.READ)
                            .streamWriteConstraints(JsonLimits.WRITE)
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                            .build())
                    .nodeFactory(CanonicalNodeFactory.INSTANCE)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .build();

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private static final ObjectWriter COMPACT = MAPPER.writer();

    /** The bytes of {@code {"eventId":,"eventTime":"","eventType":"","attributes":}}. */
    private static final int ENVELOPE_BYTES =
            "{\"eventId\":,\"eventTime\":\"\",\"eventType\":\"\",\"attributes\":}".length();

    private HistoryJsonCodec() {}

    /**
     * Returns a history as pretty-printed, deterministic JSON.
     *
     * @param history the history; never {@code null}
     * @return the JSON text, lines separated by {@code "\n"}, without a trailing newline; never {@code null}
     * @throws IllegalStateException if the history breaks the {@link JsonLimits} (only possible for a
     *     history built from payloads that did not come from a data converter) or a payload holds a Java
     *     object that Jackson cannot serialise
     */
    public static String toJson(History history) {
        return new String(encode(history), StandardCharsets.UTF_8);
    }

    /** The JSON text of one payload, compact, as the same bytes a history holds it as. */
    static String toJson(JsonNode payload) {
        try {
            return new String(COMPACT.writeValueAsBytes(payload), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] encode(History history) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        ObjectNode root = nodes.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("workflowId", history.getWorkflowId());
        root.put("runId", history.getRunId());
        root.put("workflowType", history.getWorkflowType());
        root.put("taskQueue", history.getTaskQueue());
        ArrayNode events = root.putArray("events");
        for (HistoryEvent event : history.getEvents()) {
            events.add(eventNode(event));
        }
        try {
            return WRITER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "history of " + history.getWorkflowId() + " cannot be written as JSON: "
                            + e.getOriginalMessage() + "; a history holds at most " + JsonLimits.MAX_DEPTH
                            + " levels of arrays and objects, and its payloads at most "
                            + JsonLimits.MAX_PAYLOAD_DEPTH + " (see docs/data-conversion.md)",
                    e);
        }
    }

    private static ObjectNode eventNode(HistoryEvent event) {
        ObjectNode node = MAPPER.getNodeFactory().objectNode();
        node.put("eventId", event.getEventId());
        node.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(event.getEventTime()));
        node.put("eventType", event.getEventType().name());
        node.set("attributes", attributes(event));
        return node;
    }

    /**
     * Returns one event as compact JSON, the element of a history's {@code events} array: how a durable store
     * keeps each event, so that {@link #fromEventJson} reads the history back as it was written.
     *
     * @param event the event; never {@code null}
     * @return the JSON text; never {@code null}
     * @throws IllegalStateException if a payload holds a Java object that Jackson cannot serialise
     */
    public static String eventToJson(HistoryEvent event) {
        return toJson(eventNode(event));
    }

    /**
     * Reads a history from its parts as a store keeps them: the run's identifying fields and the JSON text of each
     * event ({@link #eventToJson}), oldest first. The events are checked as a history file's are.
     *
     * @param events the events' JSON texts; never {@code null}
     * @param source the name used in error messages, such as the store and run; never {@code null}
     * @return the history; never {@code null}
     * @throws HistoryFormatException if an event is not well-formed, or the events are not 1, 2, 3… in order
     */
    public static History fromEventJson(String workflowId, String runId, String workflowType, String taskQueue,
            List<String> events, String source) {
        ObjectNode root = MAPPER.getNodeFactory().objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("workflowId", workflowId);
        root.put("runId", runId);
        root.put("workflowType", workflowType);
        root.put("taskQueue", taskQueue);
        ArrayNode array = root.putArray("events");
        HistoryJsonReader reader = new HistoryJsonReader(source);
        for (String event : events) {
            array.add(reader.parseEvent(event));
        }
        return reader.read(root);
    }

    /**
     * Returns the size of one event as compact JSON in the bytes a history file holds: the measure of the
     * service's history limits, the same for an event however often and wherever it is computed.
     *
     * @param event the event; never {@code null}
     * @return the number of bytes
     * @throws IllegalStateException if a payload holds a Java object that Jackson cannot serialise
     */
    public static long eventSize(HistoryEvent event) {
        // {"eventId":N,"eventTime":"T","eventType":"X","attributes":A}: the envelope is counted, the attributes
        // (which hold the payloads) are written
        ByteCounter counter = new ByteCounter();
        try {
            COMPACT.writeValue(counter, attributes(event));
        } catch (IOException e) {
            throw new IllegalStateException("event " + event.getEventId() + " cannot be written as JSON: " + e, e);
        }
        return ENVELOPE_BYTES + Long.toString(event.getEventId()).length() + timeLength(event.getEventTime())
                + event.getEventType().name().length() + counter.count;
    }

    /** The length of {@link DateTimeFormatter#ISO_INSTANT}'s text of {@code time}, without formatting it. */
    private static int timeLength(Instant time) {
        int nanos = time.getNano();
        long seconds = time.getEpochSecond();
        // years 0000 to 9999 print as yyyy-MM-ddTHH:mm:ss and a Z; others are rare enough to format
        if (seconds < -62_167_219_200L || seconds >= 253_402_300_800L) {
            return DateTimeFormatter.ISO_INSTANT.format(time).length();
        }
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 4 : nanos % 1_000 == 0 ? 7 : 10;
        return 20 + fraction;
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class ByteCounter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    /** The attributes of an event as JSON: those of its schema in order, then those this version does not know. */
    private static ObjectNode attributes(HistoryEvent event) {
        ObjectNode attributes = EventSchema.of(event.getAttributes()).toJson(event.getAttributes());
        JsonNode unknown = JsonPayload.node(event.getUnknownAttributes());
        if (unknown != null && unknown.isObject()) {
            unknown.properties().forEach(field -> attributes.set(field.getKey(), field.getValue()));
        }
        return attributes;
    }

    /**
     * Reads a history from JSON text.
     *
     * @param json the text; never {@code null}
     * @param source the name used in error messages: a file name or {@link #STRING_SOURCE}; never
     *     {@code null}
     * @return the history; never {@code null}
     * @throws HistoryFormatException if the text is not a well-formed version 1 history
     */
    public static History fromJson(String json, String source) {
        return new HistoryJsonReader(source).read(json);
    }

    /**
     * Reads a history from UTF-8 encoded JSON, as a file holds it; a UTF-8 byte order mark is skipped. Faster than
     * decoding the bytes to a string and reading that.
     *
     * @param json the bytes; never {@code null}
     * @param source the name used in error messages, such as the file name; never {@code null}
     * @return the history; never {@code null}
     * @throws HistoryFormatException if the bytes are not valid UTF-8 or not a well-formed version 1 history
     */
    public static History fromJson(byte[] json, String source) {
        return new HistoryJsonReader(source).read(json);
    }

    /**
     * Reads a history from a UTF-8 file.
     *
     * @param path the file; never {@code null}
     * @return the history; never {@code null}
     * @throws HistoryFormatException if the file is not valid UTF-8 or not a well-formed version 1 history
     * @throws UncheckedIOException if the file cannot be read
     */
    public static History read(Path path) {
        String source = path.toString();
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new HistoryFormatException(
                    "history " + source + ": the file is not valid UTF-8; expected UTF-8 encoded JSON", source, e);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("history file " + source + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history file " + source + ": " + e, e);
        }
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        return fromJson(json, source);
    }

    /**
     * Writes a history to a file as UTF-8: {@link #toJson(History)} followed by a newline.
     *
     * @param history the history; never {@code null}
     * @param path the file, replaced if it exists; never {@code null}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(History history, Path path) {
        byte[] json = encode(history);
        byte[] file = Arrays.copyOf(json, json.length + 1);
        file[json.length] = '\n';
        try {
            Files.write(path, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history file " + path + ": " + e, e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators =
                Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
