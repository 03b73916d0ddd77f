package dev.hourglass.internal.store;

import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.testsupport.Prerequisites;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own, new and empty, for one test in the PostgreSQL test database; dropped when the test ends. Tests
 * of other modules use it through this module's test jar: {@link #name()} is the URL to connect to, with the schema.
 *
 * <p>The database is named by environment variables: {@value #URL} (such as
 * {@code jdbc:postgresql://127.0.0.1:5432/hourglass_test}), {@value #USER} and {@value #PASSWORD}; the user must be
 * allowed to create schemas there. Without {@value #URL} the PostgreSQL tests are skipped, with a message that says
 * how to run them, unless {@value #REQUIRED} is {@code true} (as {@code .ci/run} sets it): then they fail. A URL that
 * is set but names no reachable database fails them too.
 */
public final class PostgresTestDatabase implements TestDatabase {

    static final String URL = "HOURGLASS_TEST_POSTGRES_URL";
    static final String USER = "HOURGLASS_TEST_POSTGRES_USER";
    static final String PASSWORD = "HOURGLASS_TEST_POSTGRES_PASSWORD";
    static final String REQUIRED = "HOURGLASS_TEST_POSTGRES_REQUIRED";

    private static final String HOW_TO_RUN = "set " + URL + " (and " + USER + ", " + PASSWORD + ") to a PostgreSQL"
            + " database where the user may create schemas, such as jdbc:postgresql://127.0.0.1:5432/hourglass_test,"
            + " or run `bash .ci/run`, which sets up a local server (as root, on Debian) and runs the whole build";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String schema;

    private PostgresTestDatabase(String serverUrl, String user, String password, String schema) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /**
     * Creates a new schema in the test database.
     *
     * @throws org.opentest4j.TestAbortedException if no database is configured and none is required: the test is
     *     skipped
     * @throws IllegalStateException if one is required but not configured, or cannot be reached
     */
    public static PostgresTestDatabase newSchema() {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            Prerequisites.unavailable(REQUIRED, "PostgreSQL store tests", URL + " is not set", HOW_TO_RUN);
        }
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        PostgresTestDatabase database = new PostgresTestDatabase(url, System.getenv(USER), System.getenv(PASSWORD),
                schema);
        try (Connection connection = DriverManager.getConnection(url, database.user, database.password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema for a test in the PostgreSQL test database " + url
                    + " (" + URL + ") as user " + database.user + ": " + e.getMessage() + "; is the server running?"
                    + " To run these tests, " + HOW_TO_RUN, e);
        }
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    /** The test database's URL with the schema as its current schema: what stores of the test connect to. */
    @Override
    public String name() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public JdbcStore open(Clock clock) {
        return JdbcStore.open(name(), user, password, Dialect.POSTGRESQL, clock, IdGenerator.seeded(42));
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(name(), user, password);
    }

    @Override
    public List<String> tables() throws SQLException {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'"
                + " ORDER BY table_name COLLATE \"C\"");
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL schema " + schema + " of " + serverUrl;
    }
}
