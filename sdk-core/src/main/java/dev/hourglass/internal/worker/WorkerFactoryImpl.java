package dev.hourglass.internal.worker;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.schedules.ScheduleActivitiesImpl;
import dev.hourglass.internal.schedules.ScheduleWorkflow;
import dev.hourglass.internal.schedules.ScheduleWorkflowImpl;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link WorkerFactory}: its workers share one execution cache. */
public final class WorkerFactoryImpl implements WorkerFactory {

    private final WorkflowClient client;
    private final WorkerFactoryOptions options;
    private final WorkflowCache cache;
    private final TaskDriver driver;
    private final PayloadConverter converter;
    private final List<WorkerImpl> workers = new ArrayList<>();
    private boolean started;
    private volatile boolean determinismChecked = true;

    /** Creates a factory whose workers poll for tasks on threads of their own, converting payloads as the client does. */
    public WorkerFactoryImpl(WorkflowClient client, WorkerFactoryOptions options) {
        this(client, options, null);
    }

    /**
     * Creates a factory whose workers, if {@code driver} is not {@code null}, start no pollers and let the
     * driver run their tasks instead.
     */
    public WorkerFactoryImpl(WorkflowClient client, WorkerFactoryOptions options, TaskDriver driver) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        this.cache = new WorkflowCache(options.getWorkflowCacheSize());
        this.driver = driver;
        this.converter = PayloadConverter.of(client.getOptions().getDataConverter(),
                client.getOptions().getPayloadCodecs());
        if (options.isRunSchedules()) {
            registerSchedules();
        }
    }

    /**
     * Adds the worker of the internal task queue on which schedules run, so that every started factory runs the
     * schedules of its service.
     */
    private void registerSchedules() {
        WorkerImpl schedules = (WorkerImpl) newWorker(ScheduleWorkflow.TASK_QUEUE, WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(1).setMaxConcurrentActivityExecutionSize(2).build());
        // the user's interceptors see the user's workflows and activities, not Hourglass's own
        schedules.withoutInterceptors();
        schedules.registerWorkflowImplementationTypes(ScheduleWorkflowImpl.class);
        schedules.registerActivitiesImplementations(new ScheduleActivitiesImpl(client.getWorkflowService()));
    }

    /**
     * Sets whether the determinism agent, when installed, checks the workflow code of this factory's workers
     * (default on); a test environment created with the agent off turns it off.
     */
    public void setDeterminismChecked(boolean checked) {
        this.determinismChecked = checked;
    }

    @Override
    public Worker newWorker(String taskQueue) {
        return newWorker(taskQueue, WorkerOptions.getDefaultInstance());
    }

    @Override
    public synchronized Worker newWorker(String taskQueue, WorkerOptions workerOptions) {
        requireTaskQueue("WorkerFactory.newWorker", taskQueue);
        Objects.requireNonNull(workerOptions, "options");
        if (driver != null && workerOptions.getMaxWorkerActivitiesPerSecond() > 0) {
            throw new IllegalArgumentException("the worker of task queue '" + taskQueue + "' sets"
                    + " maxWorkerActivitiesPerSecond, which the test environment does not support: its activities"
                    + " start at frozen virtual time, so a rate cannot be kept without stopping the clock; test the"
                    + " worker without the rate limit, or against a real-time service");
        }
        requireOpenService("create a worker for task queue '" + taskQueue + "'");
        for (WorkerImpl worker : workers) {
            if (worker.getTaskQueue().equals(taskQueue)) {
                throw new IllegalArgumentException("this factory already has a worker for task queue '" + taskQueue
                        + "'; register more types on that worker");
            }
        }
        // a worker's own identity overrides its client's, as in the Temporal SDK
        String identity = workerOptions.getIdentity() != null ? workerOptions.getIdentity()
                : client.getOptions().getIdentity();
        WorkerImpl worker = new WorkerImpl(taskQueue, service(), cache, options, workerOptions, identity, driver,
                converter, () -> determinismChecked);
        workers.add(worker);
        if (started) {
            worker.start();
        }
        return worker;
    }

    @Override
    public synchronized void start() {
        requireOpenService("start the workers");
        started = true;
        workers.forEach(WorkerImpl::start);
    }

    @Override
    public synchronized void shutdown() {
        started = false;
        workers.forEach(WorkerImpl::shutdown);
        cache.clear();
    }

    @Override
    public synchronized boolean isStarted() {
        return started;
    }

    /**
     * Rejects a null or blank task queue, which no client could start a workflow on.
     *
     * @param caller the method the user called, named in the message
     * @throws IllegalArgumentException if {@code taskQueue} is {@code null} or blank
     */
    public static void requireTaskQueue(String caller, String taskQueue) {
        if (taskQueue == null || taskQueue.isBlank()) {
            throw new IllegalArgumentException(caller + ": taskQueue must not be null or blank, was "
                    + (taskQueue == null ? "null" : "'" + taskQueue + "'") + ": pass the task queue the worker polls,"
                    + " the one clients name with WorkflowOptions.setTaskQueue");
        }
    }

    /** The shared execution cache, for tests of eviction. */
    public WorkflowCache cache() {
        return cache;
    }

    private WorkflowServiceSpi service() {
        return WorkflowServiceSpi.of(client.getWorkflowService());
    }

    private void requireOpenService(String what) {
        if (service().isClosed()) {
            throw new IllegalStateException("cannot " + what + ": the workflow service of this factory's client is"
                    + " closed; create a new service, client and factory");
        }
    }
}
