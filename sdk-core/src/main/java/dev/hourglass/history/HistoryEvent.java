package dev.hourglass.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hourglass.internal.history.HistoryEventAccess;
import dev.hourglass.internal.history.JsonValues;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One event of a workflow execution's {@link History}: its id, when it happened, its type and its
 * attributes.
 *
 * <p>Attributes are a JSON object whose fields depend on the {@link EventType}; payloads (inputs, results,
 * marker details) are plain JSON values. {@code docs/history-format.md} lists them per event type.
 *
 * <p>An event is immutable as long as nobody modifies the attributes object handed to the constructor or
 * the nodes returned by {@link #getAttribute(String)}; {@link #getAttributes()} returns a copy that the
 * caller may modify freely.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HistoryEvent {

    static {
        HistoryEventAccess.setAttributesReader(event -> event.attributes);
    }

    private final long eventId;
    private final Instant eventTime;
    private final EventType eventType;
    private final ObjectNode attributes;

    /**
     * Creates an event.
     *
     * <p>The attributes object is not copied, because events are created on a hot path: the caller hands
     * over ownership and must not modify it afterwards.
     *
     * @param eventId the event's id; ids count 1, 2, 3… in a history
     * @param eventTime when the event happened; never {@code null}
     * @param eventType the kind of event; never {@code null}
     * @param attributes the event's attributes; {@code null} means an empty object
     * @throws NullPointerException if {@code eventTime} or {@code eventType} is {@code null}
     */
    public HistoryEvent(long eventId, Instant eventTime, EventType eventType, ObjectNode attributes) {
        this.eventId = eventId;
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.attributes = attributes != null ? attributes : JsonNodeFactory.instance.objectNode();
    }

    /**
     * Returns the event's id, its 1-based position in the history.
     *
     * @return the event id
     */
    public long getEventId() {
        return eventId;
    }

    /**
     * Returns when the event happened.
     *
     * @return the event time; never {@code null}
     */
    public Instant getEventTime() {
        return eventTime;
    }

    /**
     * Returns the kind of event.
     *
     * @return the event type; never {@code null}
     */
    public EventType getEventType() {
        return eventType;
    }

    /**
     * Returns a copy of the event's attributes.
     *
     * <p>The copy is deep, so modifying it does not change the event. To read one attribute without
     * copying, use {@link #getAttribute(String)}.
     *
     * @return a new object; never {@code null}, empty when the event has no attributes
     */
    public ObjectNode getAttributes() {
        return attributes.deepCopy();
    }

    /**
     * Returns one attribute's value without copying it.
     *
     * <p>The returned node belongs to the event: callers must not modify it.
     *
     * @param name the attribute's name; never {@code null}
     * @return the value, a {@link com.fasterxml.jackson.databind.node.NullNode} when the attribute is JSON
     *     {@code null}, or {@code null} when the attribute is absent
     */
    public JsonNode getAttribute(String name) {
        return attributes.get(name);
    }

    /**
     * Returns a string attribute's value.
     *
     * @param name the attribute's name; never {@code null}
     * @return the string, or {@code null} when the attribute is absent or JSON {@code null}
     * @throws IllegalStateException if the attribute holds a value other than a string or {@code null}
     */
    public String getStringAttribute(String name) {
        JsonNode value = attributes.get(name);
        if (value instanceof TextNode) {
            return value.textValue();
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalStateException(
                    "attribute '" + name + "' of event " + this.eventId + " (" + eventType + ") is "
                            + JsonValues.describe(value) + "; expected a string");
        }
        return value.textValue();
    }

    /**
     * Returns an integral attribute's value.
     *
     * <p>A number with an integral value, such as {@code 5.0}, counts as integral.
     *
     * @param name the attribute's name; never {@code null}
     * @param defaultValue what to return when the attribute is absent or JSON {@code null}
     * @return the value, or {@code defaultValue}
     * @throws IllegalStateException if the attribute holds something other than an integer that fits in a
     *     {@code long}, or {@code null}
     */
    public long getLongAttribute(String name, long defaultValue) {
        JsonNode value = attributes.get(name);
        if (value instanceof IntNode || value instanceof LongNode) {
            return value.longValue();
        }
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw new IllegalStateException(
                "attribute '" + name + "' of event " + this.eventId + " (" + eventType + ") is "
                        + JsonValues.describe(value) + "; expected an integer that fits in a long");
    }

    /**
     * Returns whether another object is an event with the same id, time, type and attributes.
     *
     * <p>Attributes are compared as JSON: objects regardless of field order, and numbers by value, so
     * {@code 5} held as an {@code int} equals {@code 5} held as a {@code long}. An event therefore equals
     * itself after a trip through {@link History#toJson()} and {@link History#fromJson(String)}.
     *
     * @param other the object to compare with; may be {@code null}
     * @return whether the two are equal
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof HistoryEvent)) {
            return false;
        }
        HistoryEvent that = (HistoryEvent) other;
        return eventId == that.eventId
                && eventType == that.eventType
                && eventTime.equals(that.eventTime)
                && JsonValues.equivalent(attributes, that.attributes);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(eventId, eventTime, eventType, JsonValues.hash(attributes));
    }

    /**
     * Returns the event on one line, such as {@code 3 TimerStarted {"timerId":"1","durationMillis":5000}}.
     *
     * @return the event id, type and compact attribute JSON; never {@code null}
     */
    @Override
    public String toString() {
        return eventId + " " + eventType.name() + " " + attributes;
    }
}
