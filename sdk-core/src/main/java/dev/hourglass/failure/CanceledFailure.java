package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Reports that an operation was canceled: an activity, a timer, a child workflow, a cancellation scope or the
 * workflow execution itself.
 *
 * <p>Thrown out of a workflow method after cancellation was requested, it reports the execution canceled.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class CanceledFailure extends HourglassFailure {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a canceled failure without a cause.
     *
     * @param message the message; may be {@code null}
     */
    public CanceledFailure(String message) {
        this(message, null);
    }

    /**
     * Creates a canceled failure.
     *
     * @param message the message; may be {@code null}
     * @param cause the cause; may be {@code null}
     */
    public CanceledFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
