package dev.hourglass.service;

import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import java.time.Clock;
import java.util.Objects;
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
 * <pre>{@code
 * WorkflowService service = WorkflowService.inMemory();
 * WorkflowClient client = WorkflowClient.newInstance(service);
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
        Objects.requireNonNull(clock, "clock");
        return new InMemoryWorkflowService(clock, new RealTimeScheduler(clock), ServiceOptions.getDefaultInstance());
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
