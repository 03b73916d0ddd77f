package dev.hourglass.internal.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.internal.statemachines.MarkerStateMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and checks one history document; one instance per read, not thread-safe.
 *
 * <p>Every rejection is a {@link HistoryFormatException} whose message has the shape
 * {@code history <source>: event <n> (events[<index>], <type>): <what is wrong>; <what was expected>},
 * without the event part when the problem is not in one event.
 */
final class HistoryJsonReader {

    private static final String EXPECTED_DOCUMENT =
            "expected a JSON object with \"format\": \"" + HistoryJsonCodec.FORMAT + "\"";

    private static final String KNOWN_EVENT_TYPES =
            Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", "));

    private static final String TIME_EXAMPLE = "2024-05-01T12:00:00.123Z";

    /** The range of event times: replay counts time in milliseconds since 1970, in a {@code long}. */
    private static final Instant FIRST_MILLISECOND = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LAST_MILLISECOND = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final String source;
    /** How many stored events {@link #parseEvent} parsed so far: the index of the next one. */
    private int storedEvents;

    HistoryJsonReader(String source) {
        this.source = source;
    }

    History read(String json) {
        return read(parse(json));
    }

    /**
     * Reads UTF-8 bytes (a UTF-8 byte order mark is skipped): Jackson decodes them as it parses, which saves
     * decoding the whole document to a string first.
     */
    History read(byte[] json) {
        return read(parse(json));
    }

    /** Reads a history document already parsed, such as one a store assembled from its events. */
    History read(JsonNode root) {
        checkFormatAndVersion(root);
        String workflowId = requiredString(root, "workflowId");
        String runId = requiredString(root, "runId");
        String workflowType = requiredString(root, "workflowType");
        String taskQueue = requiredString(root, "taskQueue");
        JsonNode events = root.get("events");
        if (events == null) {
            throw fail("field 'events' is missing; expected a JSON array of events");
        }
        if (!events.isArray()) {
            throw fail("field 'events' is " + JsonValues.describe(events) + "; expected a JSON array of events");
        }
        if (events.isEmpty()) {
            throw fail(
                    "field 'events' is an empty array; expected at least the "
                            + EventType.WorkflowExecutionStarted + " event");
        }
        List<HistoryEvent> result = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            HistoryEvent event = readEvent(events.get(index), index);
            checkOrder(event, index, index == 0 ? null : result.get(index - 1));
            result.add(event);
        }
        return new History(workflowId, runId, workflowType, taskQueue, result);
    }

    /**
     * Parses the JSON text of one event as a store keeps it; the event itself is checked when the history it is part
     * of is {@linkplain #read(JsonNode) read}.
     */
    JsonNode parseEvent(String json) {
        try (JsonParser parser = HistoryJsonCodec.MAPPER.createParser(json)) {
            JsonNode event = HistoryJsonCodec.MAPPER.readTree(CanonicalNodeFactory.exactNumbers(parser));
            if (event == null || parser.nextToken() != null) {
                throw fail("a stored event (events[" + storedEvents + "]) is empty or has content after its"
                        + " value; expected one JSON object per event");
            }
            storedEvents++;
            return event;
        } catch (JsonProcessingException e) {
            throw new HistoryFormatException(prefix() + "a stored event (events[" + storedEvents
                    + "]) is not valid JSON" + location(e) + ": "
                    + oneLine(e.getOriginalMessage()) + "; expected one JSON object per event", source, e);
        } catch (IOException e) {
            // Reading from a String does no I/O; kept for the checked signature.
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String json) {
        try (JsonParser parser = HistoryJsonCodec.MAPPER.createParser(json)) {
            return parse(parser);
        } catch (IOException e) {
            // Reading from a String does no I/O; kept for the checked signature.
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(byte[] json) {
        if (looksLikeUtf16Or32(json)) {
            throw notUtf8("it starts like UTF-16 or UTF-32 text", null);
        }
        try (JsonParser parser = HistoryJsonCodec.MAPPER.createParser(json)) {
            return parse(parser);
        } catch (HistoryFormatException e) {
            if (e.getCause() instanceof JsonProcessingException) {
                String message = ((JsonProcessingException) e.getCause()).getOriginalMessage();
                if (message != null && message.startsWith("Invalid UTF-8")) {
                    throw notUtf8(oneLine(message) + location((JsonProcessingException) e.getCause()), e.getCause());
                }
            }
            throw e;
        } catch (IOException e) {
            // Reading from a byte array does no I/O; kept for the checked signature.
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the bytes begin with a UTF-16 byte order mark, or with a zero byte as UTF-16 and UTF-32 text do. */
    private static boolean looksLikeUtf16Or32(byte[] json) {
        if (json.length >= 2 && (json[0] == (byte) 0xFE && json[1] == (byte) 0xFF
                || json[0] == (byte) 0xFF && json[1] == (byte) 0xFE)) {
            return true;
        }
        for (int i = 0; i < Math.min(json.length, 4); i++) {
            if (json[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private HistoryFormatException notUtf8(String detail, Throwable cause) {
        return new HistoryFormatException(prefix() + "the file is not valid UTF-8 (" + detail
                + "); expected UTF-8 encoded JSON", source, cause);
    }

    private JsonNode parse(JsonParser parser) throws IOException {
        JsonNode root;
        try {
            root = HistoryJsonCodec.MAPPER.readTree(CanonicalNodeFactory.exactNumbers(parser));
            if (root != null && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw fail(
                        "unexpected content after the top-level value at line " + at.getLineNr() + ", column "
                                + at.getColumnNr() + "; expected one JSON object and nothing after it");
            }
        } catch (JsonProcessingException e) {
            throw new HistoryFormatException(
                    prefix() + "not valid JSON" + location(e) + ": " + oneLine(e.getOriginalMessage()) + "; "
                            + EXPECTED_DOCUMENT,
                    source,
                    e);
        }
        if (root == null || root.isMissingNode()) {
            throw fail("the input is empty; " + EXPECTED_DOCUMENT);
        }
        if (!root.isObject()) {
            throw fail("the top-level value is " + JsonValues.describe(root) + "; " + EXPECTED_DOCUMENT);
        }
        return root;
    }

    private void checkFormatAndVersion(JsonNode root) {
        JsonNode format = root.get("format");
        if (format == null) {
            throw fail(
                    "field 'format' is missing; expected \"format\": \"" + HistoryJsonCodec.FORMAT
                            + "\" (is this an Hourglass history?)");
        }
        if (!HistoryJsonCodec.FORMAT.equals(format.textValue())) {
            throw fail(
                    "field 'format' is " + JsonValues.describe(format) + "; expected \"" + HistoryJsonCodec.FORMAT
                            + "\" (is this an Hourglass history?)");
        }
        JsonNode version = root.get("version");
        if (version == null) {
            throw fail("field 'version' is missing; expected \"version\": " + HistoryJsonCodec.VERSION);
        }
        if (!version.isIntegralNumber()) {
            throw fail(
                    "field 'version' is " + JsonValues.describe(version) + "; expected the integer "
                            + HistoryJsonCodec.VERSION);
        }
        if (!version.canConvertToInt() || version.intValue() != HistoryJsonCodec.VERSION) {
            throw fail(
                    "unsupported history format version " + version.asText() + "; this reader understands version "
                            + HistoryJsonCodec.VERSION);
        }
    }

    private String requiredString(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null) {
            throw fail("field '" + field + "' is missing; expected a JSON string");
        }
        if (!value.isTextual()) {
            throw fail("field '" + field + "' is " + JsonValues.describe(value) + "; expected a JSON string");
        }
        return value.textValue();
    }

    private HistoryEvent readEvent(JsonNode node, int index) {
        long position = index + 1L;
        if (!node.isObject()) {
            throw failEvent(
                    position,
                    "events[" + index + "]",
                    "the event is " + JsonValues.describe(node)
                            + "; expected an object with eventId, eventTime, eventType and attributes");
        }
        JsonNode idNode = node.get("eventId");
        boolean idUsable = idNode != null && idNode.isIntegralNumber() && idNode.canConvertToLong();
        // The id the message and the exception report: the recorded one when usable, else the position.
        long reportedId = idUsable && idNode.longValue() >= 0 ? idNode.longValue() : position;
        JsonNode typeNode = node.get("eventType");
        String where =
                "events[" + index + "]" + (typeNode != null && typeNode.isTextual() ? ", " + typeNode.textValue() : "");

        if (idNode == null) {
            throw failEvent(reportedId, where, "field 'eventId' is missing; expected eventId " + position);
        }
        if (!idUsable) {
            throw failEvent(
                    reportedId,
                    where,
                    "field 'eventId' is " + JsonValues.describe(idNode) + ", not an integer; expected eventId "
                            + position);
        }
        long recordedId = idNode.longValue();
        if (recordedId != position) {
            String kind = recordedId > position ? "gap" : "repeated or out of order";
            throw failEvent(
                    reportedId,
                    where,
                    "expected eventId " + position + " but found " + recordedId + " (" + kind
                            + "); eventIds count 1, 2, 3, ... in order, without gaps");
        }

        Instant eventTime = readEventTime(node.get("eventTime"), reportedId, where);
        EventType eventType = readEventType(typeNode, reportedId, where);
        if (index == 0 && eventType != EventType.WorkflowExecutionStarted) {
            throw failEvent(
                    reportedId,
                    where,
                    "the first event is " + eventType + "; expected " + EventType.WorkflowExecutionStarted);
        }
        return readAttributes(node.get("attributes"), eventType, reportedId, eventTime, where);
    }

    /**
     * Checks what replay needs of the order of events: the run starts once, with its first event (checked when
     * the event is read), and closes once, with its last.
     */
    private void checkOrder(HistoryEvent event, int index, HistoryEvent previous) {
        String where = "events[" + index + "], " + event.getEventType();
        if (index > 0 && event.getEventType() == EventType.WorkflowExecutionStarted) {
            throw failEvent(event.getEventId(), where, "a second " + EventType.WorkflowExecutionStarted
                    + "; a run starts once, with its first event");
        }
        if (previous != null && previous.getEventType().isClosing()) {
            throw failEvent(event.getEventId(), where, "an event after event " + previous.getEventId() + ", "
                    + previous.getEventType() + ", which closed the run; a closing event is the last event of a"
                    + " history");
        }
    }

    private Instant readEventTime(JsonNode value, long eventId, String where) {
        if (value == null) {
            throw failEvent(
                    eventId,
                    where,
                    "field 'eventTime' is missing; expected an ISO-8601 UTC timestamp such as " + TIME_EXAMPLE);
        }
        if (value.isTextual()) {
            Instant time;
            try {
                time = parseUtc(value.textValue());
                if (time == null) {
                    time = DateTimeFormatter.ISO_INSTANT.parse(value.textValue(), Instant::from);
                }
            } catch (DateTimeException e) {
                time = null; // reported below
            }
            if (time != null) {
                if (time.isBefore(FIRST_MILLISECOND) || time.isAfter(LAST_MILLISECOND)) {
                    throw failEvent(eventId, where, "field 'eventTime' is " + JsonValues.describe(value).replace(
                            " (a string)", "") + ", beyond the times that whole milliseconds since 1970 can count;"
                            + " expected a time from " + FIRST_MILLISECOND + " to " + LAST_MILLISECOND);
                }
                return time;
            }
        }
        throw failEvent(
                eventId,
                where,
                "field 'eventTime' is " + JsonValues.describe(value)
                        + ", not an ISO-8601 timestamp; expected an ISO-8601 UTC timestamp such as " + TIME_EXAMPLE);
    }

    /**
     * Parses the form the writer writes, {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with up to nine digits of fraction, as
     * {@link DateTimeFormatter#ISO_INSTANT} would but several times faster (a history has an event time per event);
     * returns {@code null} for any other text, which is then left to {@code ISO_INSTANT}.
     *
     * @throws DateTimeException if the fields are out of range, such as February 30
     */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                .toInstant(java.time.ZoneOffset.UTC);
    }

    /** The decimal number of the digits {@code text[from, to)}, or {@code -1} if one is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private EventType readEventType(JsonNode value, long eventId, String where) {
        if (value == null) {
            throw failEvent(
                    eventId, where, "field 'eventType' is missing; expected one of " + KNOWN_EVENT_TYPES);
        }
        if (value.isTextual()) {
            for (EventType type : EventType.values()) {
                if (type.name().equals(value.textValue())) {
                    return type;
                }
            }
        }
        throw failEvent(
                eventId,
                where,
                "unknown eventType " + JsonValues.describe(value) + "; expected one of " + KNOWN_EVENT_TYPES);
    }

    private HistoryEvent readAttributes(JsonNode value, EventType type, long eventId, Instant eventTime,
            String where) {
        if (value == null) {
            value = HistoryJsonCodec.MAPPER.getNodeFactory().objectNode();
        }
        if (!value.isObject()) {
            throw failEvent(
                    eventId,
                    where,
                    "field 'attributes' is " + JsonValues.describe(value)
                            + "; expected a JSON object (or no 'attributes' field for none)");
        }
        AttributeReader.Result read = new AttributeReader(problem -> failEvent(eventId, where, problem))
                .read(type, (ObjectNode) value);
        if (read.attributes() instanceof MarkerRecordedAttributes) {
            checkVersionMarker((MarkerRecordedAttributes) read.attributes(), eventId, where);
        }
        return new HistoryEvent(eventId, eventTime, read.attributes(),
                read.unknown().isEmpty() ? null : JsonPayload.of(read.unknown()));
    }

    /** A version marker holds the version that {@code Workflow.getVersion} returns on replay. */
    private void checkVersionMarker(MarkerRecordedAttributes marker, long eventId, String where) {
        if (!MarkerStateMachine.VERSION.equals(marker.markerName())) {
            return;
        }
        JsonNode details = JsonPayload.node(marker.details());
        JsonNode version = details == null ? null : details.get("version");
        if (version != null && version.isIntegralNumber() && version.canConvertToInt()) {
            return;
        }
        String found = details == null ? "missing"
                : !details.isObject() ? JsonValues.describe(details)
                : version == null ? "an object without 'version'"
                : "an object whose 'version' is " + JsonValues.describe(version);
        throw failEvent(eventId, where, "attribute 'details' of a Version marker is " + found + "; expected"
                + " {\"version\": <an integer>}, the version Workflow.getVersion chose");
    }

    private String prefix() {
        return "history " + source + ": ";
    }

    private HistoryFormatException fail(String problem) {
        return new HistoryFormatException(prefix() + problem, source, null);
    }

    private HistoryFormatException failEvent(long eventId, String where, String problem) {
        return new HistoryFormatException(
                prefix() + "event " + eventId + " (" + where + "): " + problem, source, eventId, null);
    }

    private static String location(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
