package dev.hourglass.internal.store;

import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/** Opens the durable services that {@code WorkflowService.sqlite} and {@code WorkflowService.postgres} return. */
public final class JdbcServices {

    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    private JdbcServices() {
    }

    /** A service on the SQLite file {@code file}, created with its schema if it does not exist. */
    public static JdbcWorkflowService sqlite(Path file, ServiceOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return new JdbcWorkflowService(JdbcStore.sqlite(file, Clock.systemUTC(), IdGenerator.random()), options);
    }

    /** A service on the PostgreSQL database at {@code jdbcUrl}, whose schema is created if it has none. */
    public static JdbcWorkflowService postgres(String jdbcUrl, String user, String password, ServiceOptions options) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(options, "options");
        if (!jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            throw new IllegalArgumentException("'" + displayName(jdbcUrl) + "' is not a PostgreSQL JDBC URL: it"
                    + " must start with " + POSTGRESQL_PREFIX + "//, as in jdbc:postgresql://localhost:5432/hourglass");
        }
        requirePostgresDriver();
        JdbcStore store = JdbcStore.open(() -> DriverManager.getConnection(jdbcUrl, user, password),
                Dialect.POSTGRESQL, displayName(jdbcUrl), Clock.systemUTC(), IdGenerator.random());
        return new JdbcWorkflowService(store, options);
    }

    /** A service on the PostgreSQL database that {@code dataSource} connects to. */
    public static JdbcWorkflowService postgres(DataSource dataSource, ServiceOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        String name;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equalsIgnoreCase(product)) {
                throw new IllegalArgumentException("the DataSource connects to " + product + ", not PostgreSQL;"
                        + " use WorkflowService.sqlite for a file store");
            }
            name = displayName(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new StoreException("cannot open the store: the DataSource " + dataSource.getClass().getName()
                    + " gave no connection: " + e.getMessage(), e);
        }
        JdbcStore store = JdbcStore.open(dataSource::getConnection, Dialect.POSTGRESQL, name, Clock.systemUTC(),
                IdGenerator.random());
        return new JdbcWorkflowService(store, options);
    }

    /** The URL as messages show it: without its parameters, which may hold a password. */
    static String displayName(String jdbcUrl) {
        int parameters = jdbcUrl.indexOf('?');
        return parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters);
    }

    private static void requirePostgresDriver() {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL JDBC driver is not on the class path: add the dependency"
                    + " org.postgresql:postgresql to use WorkflowService.postgres", e);
        }
    }
}
