package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Base of the failures that workflow code may catch and that fail the workflow execution, not just a workflow
 * task, when thrown out of a workflow method.
 *
 * <p>{@link #getMessage()} may add details to the message; {@link #getOriginalMessage()} returns it as given.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class HourglassFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalMessage;

    /**
     * Creates a failure.
     *
     * @param message the message; may be {@code null}
     * @param cause the cause; may be {@code null}
     */
    protected HourglassFailure(String message, Throwable cause) {
        super(message, cause);
        this.originalMessage = message;
    }

    /**
     * Returns the message as it was given, without the details {@link #getMessage()} may add.
     *
     * @return the message; may be {@code null}
     */
    public String getOriginalMessage() {
        return originalMessage;
    }
}
