package dev.hourglass.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a SQLite store's write-ahead log on a thread of its own: copies the pages that commits appended to the
 * log into the database file, so that the log stays short.
 *
 * <p>SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages: that commit copies the
 * pages and syncs the file before it returns, and every write of the process waits for it, since the process writes on
 * one connection ({@link GroupWriter}). So the writer connection does not checkpoint ({@code wal_autocheckpoint = 0}),
 * and this thread runs a passive checkpoint every interval in which the process wrote: it copies what no reader still
 * needs, waits for no one, and the writer goes on meanwhile. Other processes that write the file checkpoint it the
 * same way; SQLite runs one checkpoint at a time and another simply finds less to copy.
 */
final class SqliteCheckpointer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);

    /** How often the log is checkpointed while the process writes. */
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final ConnectionPool pool;
    private final LongSupplier writes;
    private final ScheduledThreadPoolExecutor thread;
    // only the checkpointing thread (or a test calling checkpoint) uses these
    private long checkpointedWrites;
    private long checkpoints;
    private Connection connection;

    /**
     * Starts checkpointing every {@code interval} in which {@code writes}, a count of the process's write
     * transactions, grew.
     */
    SqliteCheckpointer(ConnectionPool pool, LongSupplier writes, Duration interval) {
        this.pool = pool;
        this.writes = writes;
        this.checkpointedWrites = writes.getAsLong();
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread daemon = new Thread(runnable, "hourglass-sqlite-checkpoint");
            daemon.setDaemon(true);
            return daemon;
        });
        long millis = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(this::checkpoint, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs a passive checkpoint if the process wrote since the last one; never throws. */
    synchronized void checkpoint() {
        long written = writes.getAsLong();
        if (written == checkpointedWrites) {
            return;
        }
        try {
            if (connection == null) {
                connection = pool.open();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            checkpointedWrites = written;
            checkpoints++;
        } catch (SQLException | RuntimeException e) {
            // the next interval tries again, on a new connection
            log.debug("checkpointing the SQLite log failed; trying again", e);
            closeConnection(e);
        }
    }

    /** How many checkpoints ran. */
    synchronized long checkpoints() {
        return checkpoints;
    }

    /** Stops the thread; a checkpoint that runs now finishes first. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeConnection(null);
        }
    }

    private void closeConnection(Throwable cause) {
        if (connection != null) {
            ConnectionPool.closeQuietly(connection, cause);
            connection = null;
        }
    }
}
