package dev.hourglass.failure;

import dev.hourglass.common.Values;
import dev.hourglass.internal.common.EncodedValues;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Reports that an activity or a workflow execution timed out.
 *
 * <p>{@link #getMessage()} adds the timeout type to the message.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class TimeoutFailure extends HourglassFailure {

    private static final long serialVersionUID = 1L;

    private final TimeoutType timeoutType;
    /** Not serialized with the exception: details may be of any type. {@code null} after deserialization. */
    private final transient Values lastHeartbeatDetails;

    /**
     * Creates a timeout failure with the details of the last heartbeat before it, for tests and activity code that
     * reports a timeout as the service would (the same constructor as Temporal's).
     *
     * <p>To create one with a cause and no details, call
     * {@link #TimeoutFailure(String, TimeoutType, Throwable)}; {@code new TimeoutFailure(message, type, null)} is
     * ambiguous between the two and does not compile.
     *
     * @param message the message; may be {@code null}
     * @param lastHeartbeatDetails the details of the last heartbeat, which {@link #getLastHeartbeatDetails()}
     *     returns as its only value; {@code null} for none
     * @param timeoutType which timeout passed; must not be {@code null}
     * @throws IllegalArgumentException if {@code timeoutType} is {@code null}
     */
    public TimeoutFailure(String message, Object lastHeartbeatDetails, TimeoutType timeoutType) {
        this(message, lastHeartbeatDetails == null ? EncodedValues.empty() : EncodedValues.of(lastHeartbeatDetails),
                timeoutType, null);
    }

    /**
     * Creates a timeout failure with heartbeat details already held as {@link Values} and a cause.
     *
     * @param message the message; may be {@code null}
     * @param lastHeartbeatDetails the details of the last heartbeat; must not be {@code null} (empty for none)
     * @param timeoutType which timeout passed; must not be {@code null}
     * @param cause the failure of the last attempt before the timeout; may be {@code null}
     * @throws IllegalArgumentException if {@code timeoutType} is {@code null}
     */
    public TimeoutFailure(String message, Values lastHeartbeatDetails, TimeoutType timeoutType, Throwable cause) {
        super(message, cause);
        if (timeoutType == null) {
            throw new IllegalArgumentException("timeoutType must not be null");
        }
        this.timeoutType = timeoutType;
        this.lastHeartbeatDetails = Objects.requireNonNull(lastHeartbeatDetails, "lastHeartbeatDetails");
    }

    /**
     * Creates a timeout failure.
     *
     * @param message the message; may be {@code null}
     * @param timeoutType which timeout passed; must not be {@code null}
     * @param lastFailure the failure of the last attempt before the timeout, which becomes the cause; may be
     *     {@code null}
     * @throws IllegalArgumentException if {@code timeoutType} is {@code null}
     */
    public TimeoutFailure(String message, TimeoutType timeoutType, Throwable lastFailure) {
        this(message, EncodedValues.empty(), timeoutType, lastFailure);
    }

    /**
     * Returns the details of the last heartbeat before the timeout, as given when the failure was created or
     * recorded in the history.
     *
     * @return the details: empty, or one value; never {@code null}
     */
    public Values getLastHeartbeatDetails() {
        return lastHeartbeatDetails == null ? EncodedValues.empty() : lastHeartbeatDetails;
    }

    /**
     * Returns which timeout passed.
     *
     * @return the timeout type, never {@code null}
     */
    public TimeoutType getTimeoutType() {
        return timeoutType;
    }

    /**
     * Returns the failure of the last attempt before the timeout; the same as {@link #getCause()}.
     *
     * @return the last failure; may be {@code null}
     */
    public Throwable getLastFailure() {
        return getCause();
    }

    /**
     * Returns the message followed by the timeout type, in the form {@code <message>, timeoutType=<type>}.
     *
     * @return the decorated message, never {@code null}
     */
    @Override
    public String getMessage() {
        String message = getOriginalMessage();
        return (message == null ? "" : message + ", ") + "timeoutType=" + timeoutType;
    }
}
