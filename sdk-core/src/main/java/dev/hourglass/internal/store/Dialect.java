package dev.hourglass.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases the store runs on: where the schema scripts are, how a write transaction
 * begins, how to list the tables already there, how a broken key is reported, and the row locking of claims.
 * Everything else is the same SQL, so that one store implementation serves both.
 *
 * <p>Write transactions take the write lock when they begin, not at their first write: on SQLite a
 * {@code BEGIN IMMEDIATE} (a deferred transaction that reads and then writes fails with {@code SQLITE_BUSY} when
 * another connection wrote in between, without waiting); on PostgreSQL row locks and constraints do the work,
 * and schema migration takes a transaction-scoped advisory lock.
 */
public enum Dialect {

    /** SQLite through xerial's sqlite-jdbc: one file, several processes of one machine, one writer at a time. */
    SQLITE("sqlite") {
        @Override
        void configure(Connection connection) throws SQLException {
            // WAL lets readers read while one writer writes, across processes; NORMAL (SQLite's advice for WAL) has
            // each commit in the WAL when it returns, so that it survives any process crash, and syncs the WAL at
            // checkpoints: a power loss may cost the last commits, never consistency; the busy timeout makes a
            // writer wait for the lock, not fail, and the driver's connections wait in short steps
            execute(connection, "PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT_MILLIS);
            if (connection.isWrapperFor(SQLiteConnection.class)) {
                BusyHandler.setHandler(connection.unwrap(SQLiteConnection.class),
                        new SqliteBusyWait(SQLITE_BUSY_TIMEOUT_MILLIS));
            }
            execute(connection, "PRAGMA journal_mode = WAL");
            execute(connection, "PRAGMA synchronous = NORMAL");
            execute(connection, "PRAGMA foreign_keys = ON");
        }

        @Override
        void begin(Connection connection) throws SQLException {
            execute(connection, "BEGIN IMMEDIATE");
        }

        @Override
        void commit(Connection connection) throws SQLException {
            execute(connection, "COMMIT");
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            try {
                execute(connection, "ROLLBACK");
            } catch (SQLException e) {
                // some errors (a full disk, an I/O error) end the transaction themselves
                if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                    throw e;
                }
            }
        }

        @Override
        void lockSchema(Connection connection) {
            // BEGIN IMMEDIATE holds the database's one write lock already
        }

        @Override
        String listTablesSql() {
            return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                    + " ORDER BY name";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            // the driver reports extended result codes: a primary key or a unique index, not a CHECK or NOT NULL
            if (!(e instanceof SQLiteException)) {
                return false;
            }
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
        }

        @Override
        boolean isNotADatabase(SQLException e) {
            return e instanceof SQLiteException && (((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_NOTADB
                    || ((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT);
        }

        @Override
        String skipLocked() {
            return "";
        }

        @Override
        String forUpdate() {
            return ""; // the transaction holds the database's write lock from its BEGIN IMMEDIATE
        }

        @Override
        String asciiLowerCase(String expression) {
            return "LOWER(" + expression + ")"; // SQLite's LOWER folds ASCII letters alone
        }

        @Override
        boolean isTransient(SQLException e) {
            // the busy timeout waits for the lock, but SQLite reports BUSY at once where waiting could deadlock
            return e instanceof SQLiteException && (((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                    || ((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT);
        }
    },

    /** PostgreSQL through its JDBC driver (an optional dependency): many workers on many machines. */
    POSTGRESQL("postgresql") {
        @Override
        void configure(Connection connection) {
            // the server's defaults serve: read committed, with row locks taken by the statements that need them
        }

        @Override
        void begin(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
        }

        @Override
        void commit(Connection connection) throws SQLException {
            connection.commit();
            connection.setAutoCommit(true);
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        @Override
        void lockSchema(Connection connection) throws SQLException {
            // any constant both sides agree on: the bytes of "hourglas"
            execute(connection, "SELECT pg_advisory_xact_lock(7526752687133303155)");
        }

        @Override
        String listTablesSql() {
            // pg_tables, not information_schema.tables: the latter hides tables the user has no privilege on, and a
            // schema holding another role's tables must be refused, not taken for empty
            return "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        boolean isNotADatabase(SQLException e) {
            return false;
        }

        @Override
        String skipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        String forUpdate() {
            return " FOR UPDATE";
        }

        @Override
        String asciiLowerCase(String expression) {
            // not LOWER, which folds every letter of the database's locale: the same search must find the same runs
            // on every store
            return "TRANSLATE(" + expression + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
        }

        @Override
        boolean isTransient(SQLException e) {
            // serialization failure, deadlock detected: the server rolled the transaction back, which may run again
            return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
        }
    };

    /** How long a SQLite writer waits for another connection's (or process's) write lock before it fails. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    private final String scriptDirectory;

    Dialect(String scriptDirectory) {
        this.scriptDirectory = scriptDirectory;
    }

    /** The class path resource of a schema script of this dialect, such as {@code V1__runs.sql}. */
    String scriptResource(String root, String fileName) {
        return root + "/" + scriptDirectory + "/" + fileName;
    }

    /** Sets up a new connection before its first use. */
    abstract void configure(Connection connection) throws SQLException;

    /** Begins a write transaction on a connection in auto-commit mode. */
    abstract void begin(Connection connection) throws SQLException;

    /** Commits the transaction {@link #begin} began and leaves the connection in auto-commit mode. */
    abstract void commit(Connection connection) throws SQLException;

    /** Rolls back the transaction if one is open and leaves the connection in auto-commit mode. */
    abstract void rollback(Connection connection) throws SQLException;

    /** Serialises schema checks and migrations of concurrent opens, within the transaction begun. */
    abstract void lockSchema(Connection connection) throws SQLException;

    /** A query of one column: the names of the tables in the database (or schema), in name order. */
    abstract String listTablesSql();

    /** Whether {@code e} reports a broken primary key or unique constraint. */
    abstract boolean isUniqueViolation(SQLException e);

    /** Whether {@code e} says that the file opened is not a database of this kind, or a damaged one. */
    abstract boolean isNotADatabase(SQLException e);

    /** What a claim's {@code SELECT} ends with so that concurrent claimers pass over rows others lock. */
    abstract String skipLocked();

    /**
     * The clause that locks the rows a read of a write transaction selects until it ends, so that writers of one run
     * take turns (PostgreSQL runs them at once otherwise); empty where the transaction locks the database already.
     */
    abstract String forUpdate();

    /** Whether a failed transaction was rolled back for contention only, and may simply run again. */
    abstract boolean isTransient(SQLException e);

    /**
     * The SQL of {@code expression} (text) with the letters {@code A} to {@code Z} turned into {@code a} to {@code z}
     * and nothing else, as {@link dev.hourglass.internal.spi.WorkflowIdSearch#fold(String)} does.
     */
    abstract String asciiLowerCase(String expression);

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
