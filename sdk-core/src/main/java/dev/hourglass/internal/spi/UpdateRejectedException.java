package dev.hourglass.internal.spi;

import dev.hourglass.history.Payload;

/**
 * Completes the futures of an {@link UpdateCall} whose update a worker rejected; the client turns it into a
 * {@code WorkflowUpdateException} whose cause is the decoded failure.
 */
public final class UpdateRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Payload failure;

    /** Creates the exception for a rejection with {@code failure}, a failure object. */
    public UpdateRejectedException(Payload failure) {
        super("the update was rejected", null, false, false);
        this.failure = failure;
    }

    /** The failure object the worker rejected the update with; never {@code null}. */
    public Payload failure() {
        return failure;
    }
}
