package dev.hourglass.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A tiny pool of connections to one database: a connection is made and {@linkplain Dialect#configure configured} when
 * none is idle, and kept for reuse after its transaction, up to a limit; the rest are closed. On SQLite it serves
 * reads (one writer connection of its own writes); on PostgreSQL every transaction, and a pooling {@code DataSource}
 * can be the {@link ConnectionSource} instead (its connections are then kept here as well, up to the limit).
 */
final class ConnectionPool implements AutoCloseable {

    /** Makes a new connection to the database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    private final ConnectionSource source;
    private final Dialect dialect;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(ConnectionSource source, Dialect dialect, int maxIdle) {
        this.source = source;
        this.dialect = dialect;
        this.maxIdle = maxIdle;
    }

    /** An idle connection, or a new configured one. */
    Connection borrow() throws SQLException {
        synchronized (idle) {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        return open();
    }

    /** A new configured connection that the pool does not keep: its taker closes it. */
    Connection open() throws SQLException {
        Connection connection = source.connect();
        try {
            dialect.configure(connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
        return connection;
    }

    /** Takes back a connection after its transaction: kept if {@code reusable} and there is room, else closed. */
    void release(Connection connection, boolean reusable) {
        synchronized (idle) {
            if (reusable && !closed && idle.size() < maxIdle) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection, null);
    }

    /** Closes the idle connections; those in use close when they are released. */
    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            while (!idle.isEmpty()) {
                closeQuietly(idle.pollFirst(), null);
            }
        }
    }

    /** Closes {@code connection}; an error is added to {@code primary} if there is one, else dropped. */
    static void closeQuietly(Connection connection, Throwable primary) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }
}
