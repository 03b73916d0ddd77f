package dev.hourglass.service;

import org.apiguardian.api.API;

/**
 * A store operation failed in the database: it could not be reached, a statement failed, or a lock was not granted
 * in time. The message names the operation and the database, and the cause is the driver's exception. Unchecked,
 * as every exception users see.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message and the driver's cause ({@code null} for none). */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
