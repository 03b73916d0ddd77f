package dev.hourglass.worker;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.internal.worker.WorkerFactoryImpl;
import org.apiguardian.api.API;

/**
 * Creates the workers of one process and runs them: one {@link Worker} per task queue, sharing a bounded
 * cache of workflow executions.
 *
 * <pre>{@code
 * WorkerFactory factory = WorkerFactory.newInstance(client);
 * Worker worker = factory.newWorker("transfers");
 * worker.registerWorkflowImplementationTypes(MoneyTransferImpl.class);
 * worker.registerActivitiesImplementations(new AccountActivitiesImpl());
 * factory.start();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkerFactory {

    /** Returns a factory with default options. */
    static WorkerFactory newInstance(WorkflowClient client) {
        return newInstance(client, WorkerFactoryOptions.getDefaultInstance());
    }

    /** Returns a factory with the given options. */
    static WorkerFactory newInstance(WorkflowClient client, WorkerFactoryOptions options) {
        return new WorkerFactoryImpl(client, options);
    }

    /**
     * Returns a new worker polling {@code taskQueue}; register its types before {@link #start()}.
     *
     * @param taskQueue the task queue, as clients name it in {@code WorkflowOptions.setTaskQueue}; must not be
     *                  {@code null} or blank
     * @return the worker, never {@code null}
     * @throws IllegalArgumentException if {@code taskQueue} is {@code null} or blank, or this factory already has
     *                                  a worker for it
     */
    Worker newWorker(String taskQueue);

    /**
     * Returns a new worker polling {@code taskQueue} with options of its own: concurrency limits and an activity
     * rate limit. What the options do not set comes from this factory's {@link WorkerFactoryOptions}.
     *
     * @param taskQueue the task queue; must not be {@code null} or blank
     * @param options the worker's options; must not be {@code null}
     * @return the worker, never {@code null}
     * @throws IllegalArgumentException if {@code taskQueue} is {@code null} or blank, or this factory already has
     *                                  a worker for it
     * @since 0.1
     */
    Worker newWorker(String taskQueue, WorkerOptions options);

    /** Starts polling on every worker of this factory. */
    void start();

    /** Stops polling, waits for running tasks and releases every cached execution and its threads. */
    void shutdown();

    /** Returns whether {@link #start()} was called and {@link #shutdown()} was not. */
    boolean isStarted();
}
