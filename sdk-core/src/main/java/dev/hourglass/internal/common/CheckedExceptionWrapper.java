package dev.hourglass.internal.common;

/**
 * Carries a checked exception through code that may only throw unchecked ones ({@code Activity.wrap}). Failure
 * conversion looks through it: the failure recorded is that of the checked exception, with its type, so that a
 * retry policy's {@code doNotRetry} names the real type.
 */
public final class CheckedExceptionWrapper extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}, a checked exception; the message is the cause's {@code toString()}. */
    public CheckedExceptionWrapper(Exception cause) {
        super(cause.toString(), cause);
    }

    /** The exception a wrapper stands for: its cause if {@code e} is one (nested ones too), else {@code e}. */
    public static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof CheckedExceptionWrapper && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
