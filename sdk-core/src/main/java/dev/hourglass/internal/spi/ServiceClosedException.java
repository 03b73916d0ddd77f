package dev.hourglass.internal.spi;

/**
 * Thrown by a closed workflow service at a call that asks it for work (a start, a poll, a signal…), and given to
 * the calls that were waiting on it when it closed (a result, a query). Workers stop polling when they see it.
 */
public final class ServiceClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was asked of the closed service. */
    public ServiceClosedException(String message) {
        super(message);
    }
}
