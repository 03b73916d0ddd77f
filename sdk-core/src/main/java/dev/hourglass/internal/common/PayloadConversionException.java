package dev.hourglass.internal.common;

/** A payload could not be encoded to or decoded from JSON. */
public final class PayloadConversionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying which value and type were involved. */
    public PayloadConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
