package dev.hourglass.common;

import org.apiguardian.api.API;

/**
 * Thrown when a value cannot be converted to the JSON a history records, or recorded JSON cannot be converted
 * to the type code asks for.
 *
 * <p>The message says which value (an argument, a result, a signal's argument…) of which workflow or
 * activity, what is wrong with it and what to do. Thrown by the client when it is called with such an
 * argument (nothing is recorded), by {@code getResult} and queries when the result does not fit the type asked
 * for, and into workflow code, where it fails the workflow task.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class DataConverterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, returned as is by {@link #getMessage()}; never {@code null}
     * @param cause the problem Jackson reported, if any; may be {@code null}
     */
    public DataConverterException(String message, Throwable cause) {
        super(message, cause);
    }
}
