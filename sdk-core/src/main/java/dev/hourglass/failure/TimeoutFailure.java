package dev.hourglass.failure;

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
        super(message, lastFailure);
        if (timeoutType == null) {
            throw new IllegalArgumentException("timeoutType must not be null");
        }
        this.timeoutType = timeoutType;
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
