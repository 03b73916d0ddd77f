package dev.hourglass.internal.store;

import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.store.ConnectionPool.ConnectionSource;
import dev.hourglass.service.IncompatibleDatabaseException;
import dev.hourglass.service.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store of executions in a relational database, over plain JDBC: runs, their histories (each event as
 * its history JSON), and the task queues, one implementation for SQLite and PostgreSQL ({@link Dialect}).
 *
 * <p>Opening a store {@linkplain Schema#migrate creates or migrates its schema} and refuses, with an
 * {@link IncompatibleDatabaseException}, a database it must not touch. Each operation is one transaction that
 * either happens whole or not at all, so that processes sharing the database (several on one machine for a SQLite
 * file, many machines for PostgreSQL) keep the service's rules between them through the database alone:
 *
 * <ul>
 *   <li>a workflow id has at most one open run: a unique index says so, whoever starts it
 *       ({@link #startRun});
 *   <li>a history only grows, 1, 2, 3…, each event written once: the primary key (run, event id) and the run's
 *       next event id, which an append checks and moves in the same transaction ({@link #appendEvents});
 *   <li>a workflow task is held by one worker at a time, for a lease ({@link #claimWorkflowTask}).
 * </ul>
 *
 * <p>Times come from the store's {@link Clock}, at the millisecond precision of histories; run ids from its
 * {@link IdGenerator}. Thread-safe: on SQLite the writes of a process share transactions on one writer connection
 * ({@link GroupWriter}); reads, and every call on PostgreSQL, take a connection of their own from a small pool.
 */
public final class JdbcStore implements AutoCloseable {

    /**
     * Idle connections kept for reuse: on SQLite for reads (one writer connection writes), on PostgreSQL for the
     * transactions of a worker's threads at once (its pollers and the activities it runs), since a new connection
     * there starts a server process.
     */
    private static final int SQLITE_POOLED_CONNECTIONS = 4;
    private static final int POSTGRESQL_POOLED_CONNECTIONS = 16;
    /** How often a transaction rolled back for contention alone is run, in all. */
    static final int TRANSIENT_ATTEMPTS = 5;
    private static final long TRANSIENT_BACKOFF_MILLIS = 10;
    /** How often opening a database is tried while other processes open it too (about 2 s of waiting in all). */
    private static final int OPEN_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

    private final ConnectionPool pool;
    /** On SQLite, where one connection writes at a time: the store's write transactions, run together. */
    private final GroupWriter groupWriter;
    /** On SQLite: checkpoints the log the group writer's commits append to. */
    private final SqliteCheckpointer checkpointer;
    private final Dialect dialect;
    private final String database;
    private final Clock clock;
    private final IdGenerator ids;
    private final RunRecords runs;
    private final WorkflowTaskQueue workflowTasks;

    private JdbcStore(ConnectionPool pool, Dialect dialect, String database, Clock clock, IdGenerator ids) {
        this.pool = pool;
        this.groupWriter = dialect == Dialect.SQLITE ? new GroupWriter(pool, dialect) : null;
        this.checkpointer = groupWriter == null ? null
                : new SqliteCheckpointer(pool, groupWriter::transactions, SqliteCheckpointer.INTERVAL);
        this.dialect = dialect;
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.runs = new RunRecords(database);
        this.workflowTasks = new WorkflowTaskQueue(dialect);
    }

    /**
     * Opens the SQLite store in {@code file}, creating the file and its schema if it does not exist.
     *
     * @throws IncompatibleDatabaseException if the file is not a SQLite database, is another application's, or was
     *     made by a newer Hourglass
     * @throws StoreException if the file cannot be opened
     */
    public static JdbcStore sqlite(Path file, Clock clock, IdGenerator ids) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new StoreException("cannot open the store " + absolute + ": its directory " + directory
                    + " does not exist; create it first", null);
        }
        return open(() -> DriverManager.getConnection("jdbc:sqlite:" + absolute, sqliteProperties()), Dialect.SQLITE,
                absolute.toString(), clock, ids);
    }

    /**
     * The driver's settings for the store's SQLite connections: the driver's own read of {@code last_insert_rowid()}
     * after each insert (a statement prepared and run each time) is off, since the store reads no generated keys.
     */
    private static Properties sqliteProperties() {
        Properties properties = new Properties();
        properties.setProperty("jdbc.get_generated_keys", "false");
        return properties;
    }

    /**
     * Opens the store at a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql://…}); {@code user} and
     * {@code password} may be {@code null} when the URL or the database needs none.
     */
    public static JdbcStore open(String jdbcUrl, String user, String password, Dialect dialect, Clock clock,
            IdGenerator ids) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return open(() -> DriverManager.getConnection(jdbcUrl, user, password), dialect, jdbcUrl, clock, ids);
    }

    /**
     * Opens the store in the database that {@code source} connects to, such as a {@code DataSource::getConnection}.
     *
     * @param database how messages name the database: its file or URL; never {@code null}
     * @throws IncompatibleDatabaseException if the database is not one the store may use
     * @throws StoreException if the database cannot be reached or its schema not created
     */
    public static JdbcStore open(ConnectionSource source, Dialect dialect, String database, Clock clock,
            IdGenerator ids) {
        JdbcStore store = new JdbcStore(new ConnectionPool(source, dialect,
                dialect == Dialect.SQLITE ? SQLITE_POOLED_CONNECTIONS : POSTGRESQL_POOLED_CONNECTIONS),
                Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(database, "database"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(ids, "ids"));
        try {
            store.migrate(Schema.CURRENT);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Brings the schema to {@code schema}'s latest version; returns the version found. */
    int migrate(Schema schema) {
        for (int attempt = 1; ; attempt++) {
            // processes opening one new database at once contend for its lock, even in a connection's set-up (a new
            // SQLite file's switch to WAL): the one that lost looks again
            Connection connection;
            try {
                connection = pool.borrow();
            } catch (SQLException e) {
                if (attempt < OPEN_ATTEMPTS && dialect.isTransient(e)) {
                    log.debug("opening {} met contention (attempt {}); trying again", database, attempt, e);
                    pause(attempt);
                    continue;
                }
                throw failure("open", e);
            }
            boolean reusable = false;
            try {
                int found = schema.migrate(connection, dialect, database, now());
                reusable = true;
                return found;
            } catch (SQLException e) {
                if (attempt < OPEN_ATTEMPTS && dialect.isTransient(e)) {
                    log.debug("opening {} met contention (attempt {}); trying again", database, attempt, e);
                    pause(attempt);
                    continue;
                }
                throw failure("open", e);
            } finally {
                pool.release(connection, reusable);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(TRANSIENT_BACKOFF_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The schema version of the database. */
    int schemaVersion() {
        return read("read the schema version", connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT MAX(version) FROM " + Schema.VERSION_TABLE)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * Starts a run: records it with its {@code WorkflowExecutionStarted} event and queues its first workflow task, in
     * one transaction. A request without a workflow id gets a new one.
     *
     * @return the run started; never {@code null}
     * @throws WorkflowExecutionAlreadyStartedException if the id has an open run, or its last run closed in a way the
     *     request's reuse policy does not allow to start again; also when another start of the id won a race
     */
    public WorkflowExecution startRun(StartWorkflowRequest request) {
        StartWorkflowRequest named = request.workflowId() != null ? request
                : request.withWorkflowId(ids.newWorkflowId());
        return write("start workflow " + named.workflowId(), connection -> {
            WorkflowExecution started = runs.start(connection, named, ids, now());
            workflowTasks.enqueue(connection, started.getRunId(), named.taskQueue(), now());
            return started;
        }, () -> read("start workflow " + named.workflowId(), connection -> runs.raceLost(connection, named)));
    }

    /**
     * Appends events to an open run's history, numbered from {@code expectedNextEventId} and timed now, in one
     * transaction; an event that closes the run closes it in the store.
     *
     * @param expectedNextEventId the id the writer expects the first event to get: the number of events it has seen,
     *     plus one
     * @return the events appended; never {@code null}
     * @throws HistoryConflictException if the history has another next event id, or the run is closed; nothing is
     *     written then
     * @throws WorkflowNotFoundException if there is no such run
     */
    public List<HistoryEvent> appendEvents(String runId, long expectedNextEventId, List<EventAttributes> events) {
        Objects.requireNonNull(runId, "runId");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events to append to run " + runId);
        }
        return write("append " + events.size() + " events to run " + runId,
                connection -> runs.append(connection, runId, expectedNextEventId, events, now()), null);
    }

    /**
     * Reads a run's history, as it was written.
     *
     * @param runId the run, or {@code null} for the latest run of the workflow id
     * @throws WorkflowNotFoundException if there is no such run
     */
    public History readHistory(String workflowId, String runId) {
        Objects.requireNonNull(workflowId, "workflowId");
        return read("read the history of workflow " + workflowId, connection -> runs.history(connection, workflowId,
                runId));
    }

    /**
     * Hands the next workflow task of {@code taskQueue} whose time has come to {@code owner} for {@code lease}: a
     * queued one, or one whose last holder's lease ran out.
     *
     * @return the task, or empty if none can be handed out now
     */
    public Optional<WorkflowTaskLease> claimWorkflowTask(String taskQueue, String owner, Duration lease) {
        return write("claim a workflow task of task queue " + taskQueue,
                connection -> workflowTasks.claim(connection, taskQueue, owner, now(), lease), null);
    }

    /**
     * Ends a claimed workflow task: removes it if {@code lease} is still its current hand-out and has not run out.
     *
     * @return whether it was (false: the lease ran out, so the task is due again or was handed out again, or the
     *     task was ended already)
     */
    public boolean completeWorkflowTask(WorkflowTaskLease lease) {
        return write("complete the workflow task of run " + lease.runId(),
                connection -> workflowTasks.complete(connection, lease, now()), null);
    }

    /** Closes the store's idle connections; connections in use close when their calls end. */
    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (groupWriter != null) {
            groupWriter.close();
        }
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcStore[" + dialect + " " + database + "]";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A unit of work in a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What to do when a write broke a unique key because another writer won a race; {@code null}: fail. */
    @FunctionalInterface
    interface RaceLost {
        RuntimeException describe();
    }

    /**
     * Runs {@code work} in a write transaction; {@code what} is the operation as messages name it. A transaction that
     * the database rolled back for contention alone (a PostgreSQL deadlock or serialization failure, a SQLite busy
     * lock it would not wait for) runs again, up to {@value #TRANSIENT_ATTEMPTS} times in all.
     */
    private <T> T write(String what, Work<T> work, RaceLost raceLost) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(what, work, raceLost);
            } catch (StoreException e) {
                if (attempt >= TRANSIENT_ATTEMPTS || !(e.getCause() instanceof SQLException cause)
                        || !dialect.isTransient(cause) || e instanceof IncompatibleDatabaseException) {
                    throw e;
                }
                log.debug("{} met contention in {} (attempt {}); running it again", what, database, attempt, e);
                pause(attempt);
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
        }
    }

    private <T> T writeOnce(String what, Work<T> work, RaceLost raceLost) {
        try {
            // SQLite has one write lock per database, and a connection that waits for it sleeps in steps of up to
            // 100 ms, not woken when it frees: the writers of this process share transactions instead
            return groupWriter != null ? groupWriter.write(work) : writeAlone(work);
        } catch (SQLException e) {
            if (raceLost != null && dialect.isUniqueViolation(e)) {
                RuntimeException lost = raceLost.describe();
                lost.addSuppressed(e);
                throw lost;
            }
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in a transaction of its own, on a connection of the pool. */
    private <T> T writeAlone(Work<T> work) throws SQLException {
        Connection connection = pool.borrow();
        boolean reusable = true;
        try {
            dialect.begin(connection);
            try {
                T result = work.run(connection);
                dialect.commit(connection);
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    dialect.rollback(connection);
                } catch (SQLException rollback) {
                    reusable = false;
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } finally {
            pool.release(connection, reusable);
        }
    }

    /** Runs {@code work} in auto-commit mode: for reads that are one statement, which sees one snapshot. */
    private <T> T read(String what, Work<T> work) {
        Connection connection = connect(what);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            pool.release(connection, true);
        }
    }

    private Connection connect(String what) {
        try {
            return pool.borrow();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in one write transaction of the store, for the layers above it in this package (the workflow
     * service); {@code raceLost} as for the store's own writes, {@code null}: fail.
     */
    <T> T transaction(String what, Work<T> work, RaceLost raceLost) {
        return write(what, work, raceLost);
    }

    /**
     * Runs {@code work} in auto-commit mode, for the layers above it in this package: for reads that are one
     * statement, which sees one snapshot.
     */
    <T> T query(String what, Work<T> work) {
        return read(what, work);
    }

    /**
     * A connection of its own, outside the store's pool, for a watcher that holds it open (such as a PostgreSQL
     * {@code LISTEN}); the caller closes it.
     */
    Connection dedicatedConnection() throws SQLException {
        return pool.open();
    }

    /** The store's current time, at the millisecond precision of histories. */
    Instant currentTime() {
        return now();
    }

    /** The SQL of runs and histories, for work in a {@link #transaction}. */
    RunRecords runRecords() {
        return runs;
    }

    /** The SQL of workflow task leases, for work in a {@link #transaction}. */
    WorkflowTaskQueue workflowTaskQueue() {
        return workflowTasks;
    }

    /** The store's generator of workflow and run ids. */
    IdGenerator ids() {
        return ids;
    }

    /** The database the store runs on, for the SQL of the layers above it in this package. */
    Dialect dialect() {
        return dialect;
    }

    /** The store's clock. */
    Clock clock() {
        return clock;
    }

    /** How messages name the database: its file or URL. */
    String database() {
        return database;
    }

    private StoreException failure(String what, SQLException e) {
        if (dialect.isNotADatabase(e)) {
            return new IncompatibleDatabaseException(IncompatibleDatabaseException.Reason.NOT_A_DATABASE,
                    "cannot " + what + ": the store's file " + database + " is not a SQLite database, or it is"
                            + " damaged (" + e.getMessage() + "); give Hourglass a file of its own, new or"
                            + " empty, or restore this one from a backup",
                    e);
        }
        return new StoreException("cannot " + what + " (store " + database + "): " + e.getMessage(), e);
    }
}
