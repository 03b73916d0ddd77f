package dev.hourglass.internal.store;

import dev.hourglass.service.IncompatibleDatabaseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The versioned schema of the store: an ordered list of migrations, each a SQL script per dialect, and the table
 * {@code hourglass_schema} that records which were applied (version, description, when).
 *
 * <p>{@link #migrate} brings a database to the latest version in one transaction that holds the write lock (SQLite)
 * or an advisory lock (PostgreSQL) from the first look at the tables to the commit, so that processes opening the
 * same database at once see each other's work, and a migration that fails leaves the database as it was. It refuses,
 * before changing anything, a database of a newer schema and one that holds other tables but no version table.
 *
 * <p>Scripts live at {@code dev/hourglass/store/<dialect>/V<n>__<description>.sql}. Statements end with a semicolon at
 * the end of a line; lines that begin with {@code --} are comments.
 */
final class Schema {

    /** One step of the schema: {@code fileName} under each dialect's directory takes the schema to {@code version}. */
    record Migration(int version, String description, String fileName) {
        Migration {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(fileName, "fileName");
        }
    }

    static final String VERSION_TABLE = "hourglass_schema";

    /** The schema of this code. */
    static final Schema CURRENT = new Schema("dev/hourglass/store", List.of(
            new Migration(1, "runs, histories, task queues and timers", "V1__runs_histories_tasks_timers.sql"),
            new Migration(2, "runs by close time", "V2__runs_by_close_time.sql"),
            new Migration(3, "search attributes", "V3__search_attributes.sql"),
            new Migration(4, "updates", "V4__updates.sql"),
            new Migration(5, "updates across continue-as-new", "V5__updates_across_continue_as_new.sql")));

    private final String resourceRoot;
    private final List<Migration> migrations;

    /**
     * A schema whose scripts are under {@code resourceRoot}.
     *
     * @throws IllegalArgumentException if the versions are not 1, 2, 3… in order
     */
    Schema(String resourceRoot, List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " has version " + migrations.get(i).version()
                        + "; expected versions 1, 2, 3… in order");
            }
        }
        this.resourceRoot = resourceRoot;
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations, oldest first. */
    List<Migration> migrations() {
        return migrations;
    }

    /** The latest version: the one a migrated database has. */
    int latestVersion() {
        return migrations.size();
    }

    /**
     * Creates the schema in an empty database or migrates an older one, in one transaction.
     *
     * @param connection a connection in auto-commit mode, configured for {@code dialect}
     * @param database the name of the database in messages: its file or URL
     * @param now the time recorded as when migrations were applied
     * @return the version the database had before: 0 for an empty one
     * @throws IncompatibleDatabaseException if the database is newer or not an Hourglass database
     */
    int migrate(Connection connection, Dialect dialect, String database, Instant now) throws SQLException {
        dialect.begin(connection);
        try {
            dialect.lockSchema(connection);
            int found = versionOf(connection, dialect, database);
            if (found > latestVersion()) {
                throw new IncompatibleDatabaseException(IncompatibleDatabaseException.Reason.NEWER_SCHEMA,
                        "database " + database + " was created by a newer Hourglass (schema " + found + ", this code knows"
                                + " up to " + latestVersion() + "): upgrade Hourglass to open it; it was left unchanged",
                        null);
            }
            if (found == 0 && !tables(connection, dialect).contains(VERSION_TABLE)) {
                Dialect.execute(connection, "CREATE TABLE " + VERSION_TABLE + " (version INTEGER NOT NULL PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            }
            for (Migration migration : migrations.subList(found, migrations.size())) {
                apply(connection, dialect, migration, now);
            }
            dialect.commit(connection);
            return found;
        } catch (SQLException | RuntimeException e) {
            try {
                dialect.rollback(connection);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** The database's schema version: 0 when it is empty; refuses one that holds tables but no version table. */
    private static int versionOf(Connection connection, Dialect dialect, String database) throws SQLException {
        List<String> tables = tables(connection, dialect);
        if (!tables.contains(VERSION_TABLE)) {
            if (tables.isEmpty()) {
                return 0;
            }
            throw new IncompatibleDatabaseException(IncompatibleDatabaseException.Reason.NOT_AN_HOURGLASS_DATABASE,
                    "database " + database + " is not an Hourglass store: it holds " + tables.size()
                            + (tables.size() == 1 ? " table " : " tables ") + describe(tables) + " but no table "
                            + VERSION_TABLE + "; give Hourglass a database (or file) of its own, new or empty,"
                            + " and it creates its schema there",
                    null);
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<String> tables(Connection connection, Dialect dialect) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(dialect.listTablesSql())) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Up to five names, then how many more. */
    private static String describe(List<String> tables) {
        int shown = Math.min(tables.size(), 5);
        String names = String.join(", ", tables.subList(0, shown));
        return tables.size() > shown ? names + " and " + (tables.size() - shown) + " more" : names;
    }

    private void apply(Connection connection, Dialect dialect, Migration migration, Instant now) throws SQLException {
        String resource = dialect.scriptResource(resourceRoot, migration.fileName());
        for (String sql : statements(read(resource))) {
            try {
                Dialect.execute(connection, sql);
            } catch (SQLException e) {
                throw new SQLException("schema migration to version " + migration.version() + " (" + resource
                        + ") failed at: " + sql.lines().findFirst().orElse(sql) + ": " + e.getMessage(),
                        e.getSQLState(), e.getErrorCode(), e);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.description());
            insert.setString(3, now.toString());
            insert.executeUpdate();
        }
    }

    private static String read(String resource) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " is missing from the class path;"
                        + " the Hourglass jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema script " + resource, e);
        }
    }

    /** The statements of a script: comment lines dropped, split after each line that ends with a semicolon. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line.stripTrailing()).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("a schema script ends with a statement without its semicolon: " + current);
        }
        return statements;
    }
}
