package dev.hourglass.service;

import org.apiguardian.api.API;

/**
 * The database cannot be opened as an Hourglass store, and the store refused it before changing anything: it was
 * made by a newer Hourglass, it holds some other application's tables, or the file is not a database at all. The
 * message says which database, what was found and what to do.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IncompatibleDatabaseException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** Why a database was refused. */
    public enum Reason {
        /** Its schema version is newer than this code knows: the database was made or upgraded by a newer Hourglass. */
        NEWER_SCHEMA,
        /** It holds tables but no Hourglass schema version table: it belongs to something else. */
        NOT_AN_HOURGLASS_DATABASE,
        /** The file is not a SQLite database (foreign or corrupt). */
        NOT_A_DATABASE
    }

    private final Reason reason;

    /** An exception for {@code reason}, with a message and the driver's cause ({@code null} for none). */
    public IncompatibleDatabaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the database was refused; never {@code null}. */
    public Reason getReason() {
        return reason;
    }
}
