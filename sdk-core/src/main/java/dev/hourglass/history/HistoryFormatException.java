package dev.hourglass.history;

import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Thrown when history JSON is malformed or of a format version this reader does not understand.
 *
 * <p>The message names the source, the event (when the problem is in one), what is wrong and what was
 * expected, in the shape {@code history <source>: event <n> (events[<index>], <type>): <what is wrong>;
 * <what was expected>}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HistoryFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Sentinel for "not in an event"; event ids and positions are never negative. */
    private static final long NO_EVENT = -1;

    /** The file name, or {@code "<string>"}. */
    private final String source;

    /** The offending event's id or position, or {@link #NO_EVENT}. */
    private final long eventId;

    /**
     * Creates an exception about the history as a whole, not about one event.
     *
     * @param message the complete message; never {@code null}
     * @param source the file name, or {@code "<string>"}; never {@code null}
     * @param cause the underlying problem, for example a JSON parse error; may be {@code null}
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public HistoryFormatException(String message, String source, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.eventId = NO_EVENT;
    }

    /**
     * Creates an exception about one event.
     *
     * @param message the complete message; never {@code null}
     * @param source the file name, or {@code "<string>"}; never {@code null}
     * @param eventId the offending event's id, or its 1-based position when its id is unusable; not
     *     negative
     * @param cause the underlying problem; may be {@code null}
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public HistoryFormatException(String message, String source, long eventId, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        if (eventId < 0) {
            throw new IllegalArgumentException("eventId must not be negative, but was " + eventId);
        }
        this.source = Objects.requireNonNull(source, "source");
        this.eventId = eventId;
    }

    /**
     * Returns where the history came from.
     *
     * @return the file name as it was given to {@link History#read(java.nio.file.Path)}, or
     *     {@code "<string>"} for {@link History#fromJson(String)}; never {@code null}
     */
    public String getSource() {
        return source;
    }

    /**
     * Returns the id of the event the problem is in.
     *
     * <p>When the event has no usable {@code eventId} (it is missing or not an integer), this is the
     * event's 1-based position in the {@code events} array instead.
     *
     * @return the event id, or empty when the problem is not in one event (for example an unsupported
     *     version); never {@code null}
     */
    public OptionalLong getEventId() {
        return eventId == NO_EVENT ? OptionalLong.empty() : OptionalLong.of(eventId);
    }
}
