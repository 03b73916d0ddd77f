package dev.hourglass.cli;

import dev.hourglass.service.StoreException;
import dev.hourglass.service.WorkflowService;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a durable store is: a SQLite file or a PostgreSQL database, as {@code --store} names it.
 *
 * @param file the SQLite file, or {@code null} for PostgreSQL
 * @param jdbcUrl the PostgreSQL JDBC URL, or {@code null} for SQLite
 * @param user the PostgreSQL role, or {@code null} when the URL names it
 * @param password the role's password, or {@code null}
 */
record Store(Path file, String jdbcUrl, String user, String password) {

    private static final String SQLITE = "sqlite:";
    private static final String JDBC_SQLITE = "jdbc:sqlite:";
    private static final String JDBC_POSTGRESQL = "jdbc:postgresql://";
    private static final String EXPECTED = "expected sqlite:PATH, postgresql://HOST:PORT/DATABASE or"
            + " jdbc:postgresql://HOST:PORT/DATABASE";

    /** The store that the options name, or else the environment. */
    static Store of(StoreOptions options, Map<String, String> environment) {
        String location = options.store;
        if (location == null || location.isBlank()) {
            location = environment.get(HourglassCli.STORE_VARIABLE);
        }
        if (location == null || location.isBlank()) {
            throw CliException.usage("no store: give --store sqlite:PATH or --store postgresql://HOST:PORT/DATABASE,"
                    + " or set " + HourglassCli.STORE_VARIABLE);
        }
        String password = options.password != null ? options.password
                : environment.get(HourglassCli.PASSWORD_VARIABLE);
        return parse(location.strip(), options.user, password);
    }

    /** The store that {@code location} names. */
    static Store parse(String location, String user, String password) {
        if (location.startsWith(SQLITE) || location.startsWith(JDBC_SQLITE)) {
            String path = location.substring(location.startsWith(SQLITE) ? SQLITE.length() : JDBC_SQLITE.length());
            if (path.isEmpty()) {
                throw CliException.usage("bad --store '" + location + "': the SQLite file is missing; " + EXPECTED);
            }
            try {
                return new Store(Path.of(path), null, null, null);
            } catch (InvalidPathException e) {
                throw CliException.usage("bad --store '" + location + "': " + e.getMessage());
            }
        }
        for (String scheme : new String[] {"postgresql://", "postgres://", JDBC_POSTGRESQL}) {
            if (location.startsWith(scheme)) {
                String rest = location.substring(scheme.length());
                if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?")) {
                    throw CliException.usage("bad --store '" + withoutParameters(location) + "': the host is"
                            + " missing; " + EXPECTED);
                }
                return new Store(null, JDBC_POSTGRESQL + rest, user, password);
            }
        }
        throw CliException.usage("bad --store '" + withoutParameters(location) + "': " + EXPECTED);
    }

    /** The store as messages name it: {@code sqlite:PATH}, or the URL without its parameters (a password). */
    String displayName() {
        return file != null ? SQLITE + file : withoutParameters(jdbcUrl);
    }

    /**
     * Opens the store; a SQLite file must exist, so that a mistyped path gives an error rather than a new, empty
     * store.
     */
    WorkflowService open() {
        try {
            if (file != null) {
                if (!Files.exists(file)) {
                    throw CliException.failed("no database file " + file + " (check --store; hourglass never"
                            + " creates one)", null);
                }
                if (Files.isDirectory(file)) {
                    throw CliException.failed(file + " is a directory, not a database file (check --store)", null);
                }
                return WorkflowService.sqlite(file);
            }
            return WorkflowService.postgres(jdbcUrl, user, password);
        } catch (StoreException e) { // IncompatibleDatabaseException too; their messages name the file or URL
            throw CliException.failed(RootCommand.oneLine(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad --store '" + displayName() + "': " + RootCommand.oneLine(e.getMessage()));
        }
    }

    /** The display name: never the password. */
    @Override
    public String toString() {
        return displayName();
    }

    private static String withoutParameters(String location) {
        int query = location.indexOf('?');
        return query < 0 ? location : location.substring(0, query);
    }
}
