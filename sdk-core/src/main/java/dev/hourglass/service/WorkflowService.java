package dev.hourglass.service;

import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.internal.store.JdbcServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * The service that stores workflow executions and hands out their work: workflow tasks, activity attempts,
 * durable timers, retries and timeouts, signals, queries, cancellation and termination.
 *
 * <p>The service never runs user code: workers ask it for tasks and report what the code did. An application
 * creates a service, gives it to {@code WorkflowClient.newInstance} (and through the client to its workers),
 * and closes it when done; which service stands behind the interface (in memory, a database, the test
 * environment's virtual clock) changes nothing in workflow code.
 *
 * <p>Three services stand behind it:
 *
 * <ul>
 *   <li>{@link #sqlite(Path)}: the embedded durable store, one SQLite file. Executions, timers and activity attempts
 *       survive any restart; several processes on one machine (workers, clients, the command line) may open the
 *       file at once.
 *   <li>{@link #postgres(String, String, String)}: many workers on many machines share one PostgreSQL database.
 *   <li>{@link #inMemory()}: nothing survives the JVM; for demos and tests (the test environment has its own, on
 *       a virtual clock).
 * </ul>
 *
 * <pre>{@code
 * try (WorkflowService service = WorkflowService.sqlite(Path.of("hourglass.db"))) {
 *     WorkflowClient client = WorkflowClient.newInstance(service);
 *     // start workers and workflows; a run left open continues when a service on the file runs again
 * }
 * }</pre>
 *
 * <p>Only Hourglass implements this interface; {@code WorkflowClient.newInstance} rejects other implementations.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowService extends AutoCloseable {

    /**
     * Returns a new in-memory service on the system clock; its state lives as long as the object.
     *
     * @return the service; never {@code null}
     */
    static WorkflowService inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /**
     * Returns a new in-memory service whose event times and deadlines follow the given clock.
     *
     * @param clock the clock; never {@code null}
     * @return the service; never {@code null}
     */
    static WorkflowService inMemory(Clock clock) {
        return inMemory(clock, ServiceOptions.getDefaultInstance());
    }

    /**
     * Returns a new in-memory service on the given clock, tuned by {@code options} (task timeouts, history
     * limits).
     *
     * @param clock the clock; never {@code null}
     * @param options the tuning; never {@code null}
     * @return the service; never {@code null}
     */
    static WorkflowService inMemory(Clock clock, ServiceOptions options) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        return new InMemoryWorkflowService(clock, new RealTimeScheduler(clock), options);
    }

    /**
     * Opens the durable store in the SQLite file {@code file}, creating the file and its schema when it does not
     * exist; needs nothing on the class path beyond {@code hourglass-sdk-core}. Open executions in the file go on:
     * their due timers fire, and tasks held by a worker that died are handed out again once their lease (the
     * workflow task timeout, an activity's timeouts) ran out.
     *
     * @param file the database file; its directory must exist
     * @return the service, which closes the file when closed; never {@code null}
     * @throws IncompatibleDatabaseException if the file is not a SQLite database, holds another application's
     *     tables, or was written by a newer Hourglass; nothing in it is changed
     * @throws StoreException if the file cannot be opened
     */
    static WorkflowService sqlite(Path file) {
        return sqlite(file, ServiceOptions.getDefaultInstance());
    }

    /**
     * Opens the durable store in the SQLite file {@code file}, tuned by {@code options}; see {@link #sqlite(Path)}.
     *
     * @param file the database file; its directory must exist
     * @param options the tuning; never {@code null}
     * @return the service; never {@code null}
     * @throws IncompatibleDatabaseException if the file cannot be used as a store; nothing in it is changed
     * @throws StoreException if the file cannot be opened
     */
    static WorkflowService sqlite(Path file, ServiceOptions options) {
        return JdbcServices.sqlite(file, options);
    }

    /**
     * Opens the durable store in a PostgreSQL database, creating its schema (its own tables, prefixed
     * {@code hourglass_}) when the database has none. Many processes on many machines may open it at once: each task
     * is handed to one worker at a time ({@code FOR UPDATE SKIP LOCKED}), and a task whose worker died goes to
     * another once its lease ran out. Needs the driver {@code org.postgresql:postgresql} on the class path.
     *
     * @param jdbcUrl the database, as {@code jdbc:postgresql://host:5432/name}; never {@code null}
     * @param user the role to connect as, or {@code null} when the URL names it
     * @param password the role's password, or {@code null}
     * @return the service; never {@code null}
     * @throws IncompatibleDatabaseException if the database holds another application's tables or a schema of a
     *     newer Hourglass; nothing in it is changed
     * @throws StoreException if the database cannot be reached
     */
    static WorkflowService postgres(String jdbcUrl, String user, String password) {
        return postgres(jdbcUrl, user, password, ServiceOptions.getDefaultInstance());
    }

    /**
     * Opens the durable store in a PostgreSQL database, tuned by {@code options}; see
     * {@link #postgres(String, String, String)}.
     *
     * @param jdbcUrl the database, as {@code jdbc:postgresql://host:5432/name}; never {@code null}
     * @param user the role to connect as, or {@code null} when the URL names it
     * @param password the role's password, or {@code null}
     * @param options the tuning; never {@code null}
     * @return the service; never {@code null}
     * @throws IncompatibleDatabaseException if the database cannot be used as a store; nothing in it is changed
     * @throws StoreException if the database cannot be reached
     */
    static WorkflowService postgres(String jdbcUrl, String user, String password, ServiceOptions options) {
        return JdbcServices.postgres(jdbcUrl, user, password, options);
    }

    /**
     * Opens the durable store in the PostgreSQL database that {@code dataSource} connects to, such as an
     * application's connection pool; see {@link #postgres(String, String, String)}. The service keeps a few of its
     * connections open and returns them when closed.
     *
     * @param dataSource connects to the database; never {@code null}
     * @return the service; never {@code null}
     * @throws IncompatibleDatabaseException if the database cannot be used as a store; nothing in it is changed
     * @throws StoreException if the data source gives no connection
     */
    static WorkflowService postgres(DataSource dataSource) {
        return postgres(dataSource, ServiceOptions.getDefaultInstance());
    }

    /**
     * Opens the durable store in the PostgreSQL database that {@code dataSource} connects to, tuned by
     * {@code options}; see {@link #postgres(DataSource)}.
     *
     * @param dataSource connects to the database; never {@code null}
     * @param options the tuning; never {@code null}
     * @return the service; never {@code null}
     * @throws IncompatibleDatabaseException if the database cannot be used as a store; nothing in it is changed
     * @throws StoreException if the data source gives no connection
     */
    static WorkflowService postgres(DataSource dataSource, ServiceOptions options) {
        return JdbcServices.postgres(dataSource, options);
    }

    /**
     * Returns the clock that stamps event times and drives deadlines.
     *
     * @return the clock; never {@code null}
     */
    Clock getClock();

    /** Releases the service's threads and connections. Declares no checked exception. */
    @Override
    void close();
}
