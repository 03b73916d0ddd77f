package dev.hourglass.history;

import dev.hourglass.internal.history.EventText;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One event of a workflow execution's {@link History}: its id, when it happened, and its attributes, which
 * also tell its {@link EventType}.
 *
 * <p>Attributes are one record per event type ({@link EventAttributes}); read them with a type test or with
 * {@link #getAttributes(Class)}:
 *
 * <pre>{@code
 * TimerStartedAttributes timer = event.getAttributes(TimerStartedAttributes.class);
 * Duration hold = timer.duration();
 * }</pre>
 *
 * <p>An event is immutable. It may also keep attributes that this version of Hourglass does not know (read from
 * a history written by a later version), so that writing it again loses nothing.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HistoryEvent {

    private final long eventId;
    private final Instant eventTime;
    private final EventAttributes attributes;
    private final Payload unknownAttributes;

    /**
     * Creates an event.
     *
     * @param eventId the event's id; ids count 1, 2, 3… in a history
     * @param eventTime when the event happened; never {@code null}
     * @param attributes the event's attributes, which also give its type; never {@code null}
     * @throws NullPointerException if {@code eventTime} or {@code attributes} is {@code null}
     */
    public HistoryEvent(long eventId, Instant eventTime, EventAttributes attributes) {
        this(eventId, eventTime, attributes, null);
    }

    /**
     * Creates an event that also keeps attributes this version does not know.
     *
     * @param eventId the event's id; ids count 1, 2, 3… in a history
     * @param eventTime when the event happened; never {@code null}
     * @param attributes the event's attributes, which also give its type; never {@code null}
     * @param unknownAttributes a JSON object of further attributes, written after the known ones; {@code null}
     *     or an empty object for none
     * @throws NullPointerException if {@code eventTime} or {@code attributes} is {@code null}
     */
    public HistoryEvent(long eventId, Instant eventTime, EventAttributes attributes, Payload unknownAttributes) {
        this.eventId = eventId;
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        this.unknownAttributes = unknownAttributes == null || "{}".equals(unknownAttributes.toJson())
                ? null : unknownAttributes;
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
        return attributes.eventType();
    }

    /**
     * Returns the event's attributes.
     *
     * @return the attributes, the record of {@link #getEventType()}; never {@code null}
     */
    public EventAttributes getAttributes() {
        return attributes;
    }

    /**
     * Returns the event's attributes as the record of its type.
     *
     * @param type the record class, such as {@code ActivityTaskScheduledAttributes.class}; never {@code null}
     * @param <A> the record type
     * @return the attributes; never {@code null}
     * @throws IllegalStateException if the event is of another type; the message names both
     */
    public <A extends EventAttributes> A getAttributes(Class<A> type) {
        if (!type.isInstance(attributes)) {
            throw new IllegalStateException("event " + eventId + " is " + getEventType() + ", whose attributes are "
                    + attributes.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(attributes);
    }

    /**
     * Returns the attributes that this version of Hourglass does not know, kept from the history it was read
     * from.
     *
     * @return a JSON object, or {@code null} when there are none
     */
    public Payload getUnknownAttributes() {
        return unknownAttributes;
    }

    /**
     * Returns whether another object is an event with the same id, time and attributes.
     *
     * <p>Payloads are compared as JSON values (see {@link Payload}), so an event equals itself after a trip
     * through {@link History#toJson()} and {@link History#fromJson(String)}.
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
                && eventTime.equals(that.eventTime)
                && attributes.equals(that.attributes)
                && Objects.equals(unknownAttributes, that.unknownAttributes);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(eventId, eventTime, attributes, unknownAttributes);
    }

    /**
     * Returns the event on one line: its id, type and attributes, such as
     * {@code 5 TimerStarted timerId=1 duration=3d}.
     *
     * @return the text; never {@code null}
     */
    @Override
    public String toString() {
        return EventText.line(this);
    }
}
