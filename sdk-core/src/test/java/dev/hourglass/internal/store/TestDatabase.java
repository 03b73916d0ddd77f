package dev.hourglass.internal.store;

import dev.hourglass.internal.service.IdGenerator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An empty database for one test of the store, in either dialect: a new SQLite file, or a new schema of the
 * PostgreSQL test server ({@link PostgresTestDatabase}). Tests open stores on it and look at it through plain JDBC.
 */
public interface TestDatabase extends AutoCloseable {

    /** A new, empty database of {@code dialect}; a SQLite file goes in {@code dir}. */
    static TestDatabase create(Dialect dialect, Path dir) {
        return switch (dialect) {
            case SQLITE -> new SqliteFile(dir.resolve("hourglass.db"));
            case POSTGRESQL -> PostgresTestDatabase.newSchema();
        };
    }

    Dialect dialect();

    /** How the store's messages name the database: the SQLite file or the JDBC URL. */
    String name();

    /** A store on the database, with ids seeded alike in every store, so that stores of one test race on them. */
    JdbcStore open(Clock clock);

    /** A connection of its own, in auto-commit mode. */
    Connection connect() throws SQLException;

    /** The values of a one-column query, through a connection of its own. */
    default List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Runs statements, through a connection of its own. */
    default void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The names of the tables in the database (or schema), sorted. */
    List<String> tables() throws SQLException;

    /** Removes what the test left, where it would outlive the test. */
    @Override
    void close() throws SQLException;

    /** A SQLite file in a test's temporary directory, which JUnit removes. */
    record SqliteFile(Path file) implements TestDatabase {

        @Override
        public Dialect dialect() {
            return Dialect.SQLITE;
        }

        @Override
        public String name() {
            return file.toAbsolutePath().toString();
        }

        @Override
        public JdbcStore open(Clock clock) {
            return JdbcStore.sqlite(file, clock, IdGenerator.seeded(42));
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        }

        @Override
        public List<String> tables() throws SQLException {
            return query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                    + " ORDER BY name");
        }

        @Override
        public void close() {
        }
    }
}
