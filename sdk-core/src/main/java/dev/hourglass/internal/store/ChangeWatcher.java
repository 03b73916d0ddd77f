package dev.hourglass.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a service at once when another process (or another service of this one) changed the database, so that its
 * idle pollers and result waits need not read the database over and over to find out: they sleep until told, or
 * until their fallback interval passed (work that comes due by time alone, such as a lease that ran out, tells
 * nobody).
 *
 * <p>One daemon thread per service, on a connection of its own:
 *
 * <ul>
 *   <li>SQLite: reads {@code PRAGMA data_version} every {@link #SQLITE_CHECK_INTERVAL}; the number changes when any
 *       other connection, of this process or another, committed a change. The pragma reads no table: it costs no more
 *       than a look at the database's shared memory.
 *   <li>PostgreSQL: {@code LISTEN}s on {@value #CHANNEL}, which the schema's triggers notify when a task becomes
 *       claimable or a run closes; the thread blocks in the driver until a notification arrives, reading nothing.
 * </ul>
 *
 * <p>A lost connection is logged and opened again after {@link #RECONNECT_DELAY}; meanwhile the fallback intervals
 * keep everything going, only slower.
 */
final class ChangeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeWatcher.class);

    /** The PostgreSQL notification channel of the schema's triggers. */
    static final String CHANNEL = "hourglass_work";
    static final Duration SQLITE_CHECK_INTERVAL = Duration.ofMillis(250);
    static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final int LISTEN_WAIT_MILLIS = 500;
    private static final AtomicLong THREADS = new AtomicLong();

    private final JdbcStore store;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    private ChangeWatcher(JdbcStore store, Runnable onChange) {
        this.store = store;
        this.onChange = onChange;
        this.thread = new Thread(this::watch, "hourglass-store-watcher-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Starts watching the store's database; {@code onChange} runs on the watcher's thread after each change seen. */
    static ChangeWatcher start(JdbcStore store, Runnable onChange) {
        ChangeWatcher watcher = new ChangeWatcher(store, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void watch() {
        boolean warned = false;
        while (!closed) {
            try {
                connection = store.dedicatedConnection();
                if (store.dialect() == Dialect.POSTGRESQL) {
                    PostgresListener.listen(connection, () -> closed, onChange);
                } else {
                    pollDataVersion(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!warned) {
                    log.warn("watching {} for changes failed; idle workers look at it less often until it works"
                            + " again", store.database(), e);
                    warned = true;
                }
            } finally {
                closeConnection();
            }
            if (closed) {
                return;
            }
            onChange.run(); // a change may have been missed meanwhile
            sleep(RECONNECT_DELAY.toMillis());
        }
    }

    private void pollDataVersion(Connection watching) throws SQLException {
        long seen = dataVersion(watching);
        while (!closed) {
            sleep(SQLITE_CHECK_INTERVAL.toMillis());
            long version = dataVersion(watching);
            if (version != seen) {
                seen = version;
                onChange.run();
            }
        }
    }

    private static long dataVersion(Connection watching) throws SQLException {
        try (Statement statement = watching.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA data_version")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // close() interrupts: the loop sees closed
        }
    }

    private void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                log.debug("closing the watcher's connection to {} failed", store.database(), e);
            }
        }
    }

    /**
     * The PostgreSQL side, in a class of its own so that the driver's classes (an optional dependency) are loaded only
     * when a PostgreSQL store runs.
     */
    private static final class PostgresListener {

        private PostgresListener() {
        }

        static void listen(Connection watching, BooleanSupplier closed, Runnable onChange) throws SQLException {
            try (Statement statement = watching.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            PGConnection listener = watching.unwrap(PGConnection.class);
            while (!closed.getAsBoolean()) {
                PGNotification[] notifications = listener.getNotifications(LISTEN_WAIT_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    onChange.run();
                }
            }
        }
    }

    /** Stops the thread and closes its connection. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
