package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * A business failure with a type, raised by workflow or activity code.
 *
 * <p>Thrown out of a workflow method it fails the workflow execution. Thrown out of an activity it fails the
 * attempt; the activity is retried unless the failure is non-retryable or its type is in the retry policy's
 * {@code doNotRetry} list. Any other exception thrown by an activity is converted with
 * {@link #fromThrowable(Throwable)}.
 *
 * <pre>{@code
 * throw ApplicationFailure.newNonRetryableFailure("balance is 10, needs 25", "InsufficientFunds");
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ApplicationFailure extends HourglassFailure {

    private static final long serialVersionUID = 1L;

    /** The type of a failure created with a {@code null} type. */
    private static final String DEFAULT_TYPE = "ApplicationFailure";

    private final String type;
    private final boolean nonRetryable;

    private ApplicationFailure(String message, String type, boolean nonRetryable, Throwable cause) {
        super(message, cause);
        this.type = type == null ? DEFAULT_TYPE : type;
        this.nonRetryable = nonRetryable;
    }

    /**
     * Creates a retryable failure.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type, matched against a retry policy's {@code doNotRetry}; {@code null} means
     *     {@code "ApplicationFailure"}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newFailure(String message, String type) {
        return new ApplicationFailure(message, type, false, null);
    }

    /**
     * Creates a failure that is never retried, whatever the retry policy says.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type; {@code null} means {@code "ApplicationFailure"}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newNonRetryableFailure(String message, String type) {
        return new ApplicationFailure(message, type, true, null);
    }

    /**
     * Creates a retryable failure with a cause.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type; {@code null} means {@code "ApplicationFailure"}
     * @param cause the cause; may be {@code null}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newFailureWithCause(String message, String type, Throwable cause) {
        return new ApplicationFailure(message, type, false, cause);
    }

    /**
     * Creates a failure with a cause that is never retried, whatever the retry policy says.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type; {@code null} means {@code "ApplicationFailure"}
     * @param cause the cause; may be {@code null}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newNonRetryableFailureWithCause(String message, String type, Throwable cause) {
        return new ApplicationFailure(message, type, true, cause);
    }

    /**
     * Converts any throwable into an application failure.
     *
     * @param throwable the throwable; must not be {@code null}
     * @return {@code throwable} itself if it is an {@code ApplicationFailure}, otherwise a retryable failure
     *     whose type is the fully qualified class name of {@code throwable}, whose message is its message and
     *     whose cause is {@code throwable}; never {@code null}
     * @throws IllegalArgumentException if {@code throwable} is {@code null}
     */
    public static ApplicationFailure fromThrowable(Throwable throwable) {
        if (throwable == null) {
            throw new IllegalArgumentException("throwable to convert must not be null");
        }
        if (throwable instanceof ApplicationFailure) {
            return (ApplicationFailure) throwable;
        }
        return newFailureWithCause(throwable.getMessage(), throwable.getClass().getName(), throwable);
    }

    /**
     * Returns the failure type.
     *
     * @return the type, never {@code null}
     */
    public String getType() {
        return type;
    }

    /**
     * Tells whether the failure must not be retried.
     *
     * @return {@code true} if the failure was created non-retryable
     */
    public boolean isNonRetryable() {
        return nonRetryable;
    }

    /**
     * Returns the message with the type, in the form {@code message=<m>, type=<t>}, followed by
     * {@code , nonRetryable=true} for a non-retryable failure.
     *
     * @return the decorated message, never {@code null}
     */
    @Override
    public String getMessage() {
        return "message=" + getOriginalMessage() + ", type=" + type + (nonRetryable ? ", nonRetryable=true" : "");
    }
}
