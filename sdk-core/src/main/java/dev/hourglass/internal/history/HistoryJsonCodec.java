package dev.hourglass.internal.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
     */
    static final JsonMapper MAPPER =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build();

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    /** The bytes of {@code {"eventId":,"eventTime":"","eventType":"","attributes":}}. */
    private static final int ENVELOPE_BYTES =
            "{\"eventId\":,\"eventTime\":\"\",\"eventType\":\"\",\"attributes\":}".length();

    private HistoryJsonCodec() {}

    /**
     * Returns a history as pretty-printed, deterministic JSON.
     *
     * @param history the history; never {@code null}
     * @return the JSON text, lines separated by {@code "\n"}, without a trailing newline; never {@code null}
     * @throws IllegalStateException if a payload holds a Java object that Jackson cannot serialise (only
     *     possible when someone put a POJO node into a payload)
     */
    public static String toJson(History history) {
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
            return WRITER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "history of " + history.getWorkflowId() + " cannot be written as JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Returns the size of one event as compact UTF-8 JSON: the measure of {@code HistoryLimits}, the same for an
     * event however often and wherever it is computed.
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
            MAPPER.writeValue(counter, attributes(event));
        } catch (IOException e) {
            throw new IllegalStateException("event " + event.getEventId() + " cannot be written as JSON: " + e, e);
        }
        return ENVELOPE_BYTES + digits(event.getEventId()) + timeLength(event.getEventTime())
                + event.getEventType().name().length() + counter.count;
    }

    private static int digits(long value) {
        return Long.toString(value).length();
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

    private static ObjectNode eventNode(HistoryEvent event) {
        ObjectNode node = MAPPER.getNodeFactory().objectNode();
        node.put("eventId", event.getEventId());
        node.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(event.getEventTime()));
        node.put("eventType", event.getEventType().name());
        node.set("attributes", attributes(event));
        return node;
    }

    /** Counts the UTF-8 bytes of the characters written to it and keeps none. */
    private static final class ByteCounter extends Writer {
        private long count;

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                add(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                add(text.charAt(i));
            }
        }

        @Override
        public void write(int c) {
            add((char) c);
        }

        /** A surrogate pair takes four bytes in all: two for each half. */
        private void add(char c) {
            if (c < 0x80) {
                count += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                count += 2;
            } else {
                count += 3;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
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
        String json = toJson(history) + "\n";
        try {
            Files.writeString(path, json, StandardCharsets.UTF_8);
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
