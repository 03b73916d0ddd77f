package dev.hourglass.failure;

import dev.hourglass.common.Values;
import dev.hourglass.internal.common.EncodedValues;
import java.util.Objects;
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
 * <p>A failure may carry details: values that the code catching it reads with {@link #getDetails()}. They are
 * recorded in the history with the data converter, as arguments are, and reach the workflow that catches an
 * {@link ActivityFailure} or {@link ChildWorkflowFailure} (as its cause) and the client that gets a
 * {@code WorkflowFailedException} (as its cause):
 *
 * <pre>{@code
 * throw ApplicationFailure.newNonRetryableFailure("card declined", "CardDeclined", new Decline("insufficient funds", 25));
 * // in the workflow
 * } catch (ActivityFailure e) {
 *     Decline decline = ((ApplicationFailure) e.getCause()).getDetails().get(0, Decline.class);
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
    /** Not serialized with the exception: values may be of any type. {@code null} after deserialization. */
    private final transient Values details;

    private ApplicationFailure(String message, String type, boolean nonRetryable, Values details, Throwable cause) {
        super(message, cause);
        this.type = type == null ? DEFAULT_TYPE : type;
        this.nonRetryable = nonRetryable;
        this.details = details;
    }

    /**
     * Creates a retryable failure.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type, matched against a retry policy's {@code doNotRetry}; {@code null} means
     *     {@code "ApplicationFailure"}
     * @param details values for the code that catches the failure (see {@link #getDetails()}); none if
     *     {@code null}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newFailure(String message, String type, Object... details) {
        return new ApplicationFailure(message, type, false, EncodedValues.of(details), null);
    }

    /**
     * Creates a failure that is never retried, whatever the retry policy says.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type; {@code null} means {@code "ApplicationFailure"}
     * @param details values for the code that catches the failure (see {@link #getDetails()}); none if
     *     {@code null}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newNonRetryableFailure(String message, String type, Object... details) {
        return new ApplicationFailure(message, type, true, EncodedValues.of(details), null);
    }

    /**
     * Creates a retryable failure with a cause.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type; {@code null} means {@code "ApplicationFailure"}
     * @param cause the cause; may be {@code null}
     * @param details values for the code that catches the failure (see {@link #getDetails()}); none if
     *     {@code null}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newFailureWithCause(String message, String type, Throwable cause,
            Object... details) {
        return new ApplicationFailure(message, type, false, EncodedValues.of(details), cause);
    }

    /**
     * Creates a failure with a cause that is never retried, whatever the retry policy says.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type; {@code null} means {@code "ApplicationFailure"}
     * @param cause the cause; may be {@code null}
     * @param details values for the code that catches the failure (see {@link #getDetails()}); none if
     *     {@code null}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newNonRetryableFailureWithCause(String message, String type, Throwable cause,
            Object... details) {
        return new ApplicationFailure(message, type, true, EncodedValues.of(details), cause);
    }

    /**
     * Creates a failure from details already held as {@link Values}, such as those of another failure.
     *
     * @param message the message; may be {@code null}
     * @param type the failure type; {@code null} means {@code "ApplicationFailure"}
     * @param nonRetryable whether retry policies must not retry it
     * @param details the details; must not be {@code null}
     * @param cause the cause; may be {@code null}
     * @return the failure, never {@code null}
     */
    public static ApplicationFailure newFromValues(String message, String type, boolean nonRetryable, Values details,
            Throwable cause) {
        Objects.requireNonNull(details, "details");
        return new ApplicationFailure(message, type, nonRetryable, details, cause);
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
     * Returns the details given when the failure was created, read with the type the caller expects, as in
     * {@code getDetails().get(0, Decline.class)}. After the failure crossed a history (an activity's failure
     * caught by its workflow, a workflow's failure seen by a client) the details are decoded by the data
     * converter of the side that reads them; a type that does not fit throws
     * {@link dev.hourglass.common.DataConverterException} naming the detail.
     *
     * @return the details, empty if none were given; never {@code null}
     */
    public Values getDetails() {
        return details == null ? EncodedValues.empty() : details;
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
