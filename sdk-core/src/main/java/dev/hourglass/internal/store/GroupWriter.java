package dev.hourglass.internal.store;

import dev.hourglass.internal.store.JdbcStore.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write transactions of one SQLite store, run together: SQLite lets one connection write at a time, so the
 * threads of a process that want to write queue their work here, and whichever finds no one writing runs the work
 * queued so far, its own included, in one transaction on the store's writer connection, each unit inside a savepoint
 * of its own; work queued while it runs joins the transaction before it commits. The others wait for their outcome.
 *
 * <p>A unit that fails rolls back to its savepoint: only its own writes are undone, and its caller gets its
 * exception, as if it had run alone. When the transaction itself fails (its begin, its commit, or a rollback to a
 * savepoint), nothing of the batch is written and every unit of it gets that failure; the store runs units whose
 * failure was contention alone again.
 *
 * <p>Sharing transactions saves what each costs, whatever it writes: taking the database's lock, and writing the
 * pages it changed to the log (a page that several units change is written once). One writer connection keeps its
 * page cache, which another connection's write would make stale.
 */
final class GroupWriter implements AutoCloseable {

    /** The most units one transaction runs. */
    private static final int MAX_BATCH = 64;

    private final ConnectionPool pool;
    private final Dialect dialect;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final ArrayDeque<Unit<?>> queue = new ArrayDeque<>();
    private boolean writing;
    private long transactions;
    private volatile boolean closed;
    /** The writer connection, kept between transactions; touched by the thread that is writing only. */
    private Connection connection;
    private PreparedStatement savepoint;
    private PreparedStatement release;
    private PreparedStatement rollbackTo;

    GroupWriter(ConnectionPool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** One caller's work and, once run, its outcome. */
    private static final class Unit<T> {
        private final Work<T> work;
        private boolean done;
        private T result;
        private Throwable failure;

        Unit(Work<T> work) {
            this.work = work;
        }

        void succeeded(T value) {
            result = value;
            failure = null;
        }

        void failed(Throwable cause) {
            result = null;
            failure = cause;
        }

        T outcome() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }

        void runIn(Connection connection) throws SQLException {
            succeeded(work.run(connection));
        }
    }

    /**
     * Runs {@code work} in a write transaction, alone or with the work of other threads, and returns its result.
     *
     * @throws SQLException what the work threw, or what failed the transaction it ran in
     */
    <T> T write(Work<T> work) throws SQLException {
        Unit<T> mine = new Unit<>(work);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            queue.add(mine);
            while (true) {
                while (writing && !mine.done) {
                    finished.awaitUninterruptibly();
                }
                if (mine.done) {
                    return mine.outcome();
                }
                // no one writes: this caller runs what is queued, in the order it came (more than a transaction
                // runs ahead of it, and its own work comes with a later one)
                writing = true;
                transactions++;
                List<Unit<?>> batch = new ArrayList<>();
                while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(queue.poll());
                }
                lock.unlock();
                try {
                    run(batch);
                } finally {
                    lock.lock();
                    for (Unit<?> unit : batch) {
                        unit.done = true;
                    }
                    writing = false;
                    if (closed) {
                        closeConnection();
                    }
                    finished.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the units of {@code batch} in one transaction, each in a savepoint of its own; units queued meanwhile join
     * it before it commits, as long as there is room: they would otherwise wait for the commit, then pay for one of
     * their own. {@code batch} grows by the units that joined.
     */
    private void run(List<Unit<?>> batch) {
        Connection writer;
        try {
            writer = connection();
            dialect.begin(writer);
        } catch (SQLException | RuntimeException e) {
            failAll(batch, e);
            if (e instanceof SQLException failure) {
                discardConnection(failure);
            }
            return;
        }
        int next = 0;
        do {
            for (; next < batch.size(); next++) {
                try {
                    savepoint.execute();
                    runInSavepoint(batch.get(next), writer);
                } catch (SQLException broken) {
                    // the transaction is no longer usable: nothing of the batch stays, and the next transaction
                    // starts on a new connection, with statements of its own
                    rollback(writer, broken);
                    closeConnection();
                    failAll(batch, broken);
                    return;
                }
            }
        } while (takeQueued(batch));
        commit(batch, writer);
    }

    /** Adds the units queued now to {@code batch}, as many as a transaction runs; returns whether any were. */
    private boolean takeQueued(List<Unit<?>> batch) {
        lock.lock();
        try {
            int before = batch.size();
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
            return batch.size() > before;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Unit<?>> batch, Connection writer) {
        try {
            dialect.commit(writer);
        } catch (SQLException e) {
            rollback(writer, e);
            failAll(batch, e);
        }
    }

    /** Runs one unit of several; its failure undoes its own writes only. Throws when the transaction broke. */
    private void runInSavepoint(Unit<?> unit, Connection writer) throws SQLException {
        try {
            unit.runIn(writer);
            release.execute();
        } catch (SQLException | RuntimeException | Error e) {
            unit.failed(e);
            try {
                rollbackTo.execute();
                release.execute();
            } catch (SQLException broken) {
                broken.addSuppressed(e);
                throw broken;
            }
        }
    }

    private static void failAll(List<Unit<?>> batch, Throwable cause) {
        for (Unit<?> unit : batch) {
            unit.failed(cause);
        }
    }

    private void rollback(Connection writer, Throwable cause) {
        try {
            dialect.rollback(writer);
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
            discardConnection(e);
        }
    }

    private Connection connection() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (connection == null) {
            Connection opened = pool.open();
            try {
                // commits leave the log's pages to the store's checkpointer thread (SqliteCheckpointer)
                Dialect.execute(opened, "PRAGMA wal_autocheckpoint = 0");
                savepoint = opened.prepareStatement("SAVEPOINT unit");
                release = opened.prepareStatement("RELEASE unit");
                rollbackTo = opened.prepareStatement("ROLLBACK TO unit");
            } catch (SQLException e) {
                ConnectionPool.closeQuietly(opened, e);
                throw e;
            }
            connection = StatementCache.wrap(opened);
        }
        return connection;
    }

    /** Drops the writer connection after a failure that may have broken it; the next transaction opens another. */
    private void discardConnection(SQLException cause) {
        if (connection != null && !dialect.isTransient(cause)) {
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            ConnectionPool.closeQuietly(connection, null);
            connection = null;
        }
    }


    /** How many transactions the writer has begun: fewer than the units it ran when units ran together. */
    long transactions() {
        lock.lock();
        try {
            return transactions;
        } finally {
            lock.unlock();
        }
    }

    /** How many units wait for their turn. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the writer connection, at once when no one writes, else when the transaction running ends. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (!writing) {
                closeConnection();
            }
        } finally {
            lock.unlock();
        }
    }
}
