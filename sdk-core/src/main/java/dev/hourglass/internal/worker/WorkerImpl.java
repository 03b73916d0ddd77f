package dev.hourglass.internal.worker;

import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.WorkflowClassCheck;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.worker.WorkerOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.Functions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A worker of one task queue: workflow task pollers and an activity poller with a bounded executor. */
final class WorkerImpl implements Worker {

    private static final Logger log = LoggerFactory.getLogger(WorkerImpl.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /**
     * Driven workers (the test environment) run an execution's tasks on the driver thread, replaying its
     * history each time, while the history has at most this many events; see {@link WorkflowTaskHandler}.
     */
    private static final int DRIVEN_INLINE_HISTORY_LIMIT = 64;

    private final String taskQueue;
    /** The identity recorded on the attempts this worker runs; {@code null} for none. */
    private final String identity;
    private final WorkflowServiceSpi service;
    private final WorkflowCache cache;
    private final WorkerFactoryOptions options;
    private final int workflowTaskPollers;
    private final int maxConcurrentActivities;
    /** The least time between two activity starts, in nanoseconds; 0 for no rate limit. */
    private final long activityStartInterval;
    private final Map<String, WorkflowImplementation> workflows = new LinkedHashMap<>();
    private final Map<String, ActivityTaskHandler.ActivityImplementation> activities = new LinkedHashMap<>();
    private final List<Thread> pollers = new ArrayList<>();
    private final TaskDriver driver;
    private final PayloadConverter converter;
    private final BooleanSupplier determinismChecked;
    private ExecutorService activityExecutor;
    /** Whether the factory's interceptors apply: not to an internal worker. */
    private boolean intercepted = true;
    private ActivityTaskHandler activityHandler;
    private WorkflowTaskHandler workflowHandler;
    private DrivenWorker driven;
    private volatile boolean running;

    WorkerImpl(String taskQueue, WorkflowServiceSpi service, WorkflowCache cache, WorkerFactoryOptions options,
            WorkerOptions workerOptions, String identity, TaskDriver driver, PayloadConverter converter,
            BooleanSupplier determinismChecked) {
        this.identity = identity;
        this.workflowTaskPollers = workerOptions.getMaxConcurrentWorkflowTaskExecutionSize() > 0
                ? workerOptions.getMaxConcurrentWorkflowTaskExecutionSize() : options.getWorkflowTaskPollers();
        this.maxConcurrentActivities = workerOptions.getMaxConcurrentActivityExecutionSize() > 0
                ? workerOptions.getMaxConcurrentActivityExecutionSize() : options.getMaxConcurrentActivities();
        double perSecond = workerOptions.getMaxWorkerActivitiesPerSecond();
        this.activityStartInterval = perSecond > 0 ? Math.max(1, (long) Math.ceil(1e9 / perSecond)) : 0;
        this.converter = converter;
        this.determinismChecked = determinismChecked;
        this.taskQueue = taskQueue;
        this.service = service;
        this.cache = cache;
        this.options = options;
        this.driver = driver;
    }

    @Override
    public String getTaskQueue() {
        return taskQueue;
    }

    @Override
    public void registerWorkflowImplementationTypes(Class<?>... types) {
        registerWorkflowImplementationTypes(WorkflowImplementationOptions.getDefaultInstance(), types);
    }

    @Override
    public synchronized void registerWorkflowImplementationTypes(WorkflowImplementationOptions options,
            Class<?>... types) {
        Objects.requireNonNull(options, "options");
        requireEach(types, "workflowImplementationClasses");
        requireNotStarted();
        for (Class<?> type : types) {
            WorkflowImplementation implementation = WorkflowImplementation.of(type, options);
            WorkflowImplementation dynamic = workflows.get(WorkflowImplementation.DYNAMIC_TYPE);
            if (implementation.isDynamic() && dynamic != null && dynamic.implementationClass() != type) {
                throw new IllegalArgumentException(type.getName() + " is a DynamicWorkflow, but "
                        + dynamic.implementationClass().getName() + " is already registered as the DynamicWorkflow"
                        + " of task queue '" + taskQueue + "': a worker has at most one, which runs every workflow"
                        + " type no other implementation runs; register one, and branch on"
                        + " Workflow.getInfo().getWorkflowType() in it");
            }
            if (determinismChecked.getAsBoolean()) {
                WorkflowClassCheck.installed().check(type);
            }
            WorkflowImplementation previous = workflows.putIfAbsent(implementation.workflowType(), implementation);
            if (previous != null && previous.implementationClass() != type) {
                throw new IllegalArgumentException("workflow type '" + implementation.workflowType() + "' is already"
                        + " registered on task queue '" + taskQueue + "' by " + previous.implementationClass().getName());
            }
            if (previous != null && !previous.options().equals(options)) {
                throw new IllegalArgumentException(type.getName() + " is already registered on task queue '"
                        + taskQueue + "' with other options: " + previous.options() + "; register each"
                        + " implementation once, with the options its executions run with");
            }
        }
    }

    @Override
    public <T> void registerWorkflowImplementationFactory(Class<T> workflowInterface, Functions.Func<T> factory) {
        registerWorkflowImplementationFactory(workflowInterface, factory,
                WorkflowImplementationOptions.getDefaultInstance());
    }

    @Override
    public synchronized <T> void registerWorkflowImplementationFactory(Class<T> workflowInterface,
            Functions.Func<T> factory, WorkflowImplementationOptions options) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        requireNotStarted();
        WorkflowImplementation implementation = WorkflowImplementation.ofFactory(workflowInterface, factory::apply,
                options);
        WorkflowImplementation previous = workflows.putIfAbsent(implementation.workflowType(), implementation);
        if (previous != null) {
            throw new IllegalArgumentException("workflow type '" + implementation.workflowType() + "' is already"
                    + " registered on task queue '" + taskQueue + "' by " + previous.implementationClass().getName()
                    + ": register one implementation, class or factory, per workflow type and task queue");
        }
    }

    @Override
    public synchronized void registerActivitiesImplementations(Object... implementations) {
        requireEach(implementations, "activityImplementations");
        requireNotStarted();
        // all or nothing: a rejected object leaves none of the call's objects registered
        Map<String, ActivityTaskHandler.ActivityImplementation> added = new LinkedHashMap<>();
        for (Object implementation : implementations) {
            if (implementation instanceof DynamicActivity
                    && Interfaces.activityInterfacesOf(implementation.getClass()).isEmpty()) {
                continue; // registered below, for the types no other implementation runs
            }
            Interfaces.activityTypesOf(implementation).forEach((type, method) -> {
                ActivityTaskHandler.ActivityImplementation previous = activities.getOrDefault(type, added.get(type));
                if (previous != null) {
                    throw new IllegalArgumentException("activity type '" + type + "' of "
                            + implementation.getClass().getName() + " is already registered on task queue '"
                            + taskQueue + "' by " + previous.target().getClass().getName() + ": register each"
                            + " activity type once per task queue, or rename one with @ActivityMethod(name = \"...\")");
                }
                added.put(type, new ActivityTaskHandler.ActivityImplementation(implementation, method));
            });
        }
        for (Object implementation : implementations) {
            if (implementation instanceof DynamicActivity) {
                ActivityTaskHandler.ActivityImplementation previous = activities.getOrDefault(
                        ActivityTaskHandler.DYNAMIC_TYPE, added.get(ActivityTaskHandler.DYNAMIC_TYPE));
                if (previous != null) {
                    throw new IllegalArgumentException(implementation.getClass().getName() + " is a DynamicActivity,"
                            + " but " + previous.target().getClass().getName() + " is already registered as the"
                            + " DynamicActivity of task queue '" + taskQueue + "': a worker has at most one, which"
                            + " runs every activity type no other implementation runs; register one, and branch on"
                            + " Activity.getExecutionContext().getInfo().getActivityType() in it");
                }
                added.put(ActivityTaskHandler.DYNAMIC_TYPE, ActivityTaskHandler.ActivityImplementation.dynamic(
                        (DynamicActivity) implementation));
            }
        }
        activities.putAll(added);
    }

    /** Throws a {@link NullPointerException} naming {@code name} or its first {@code null} element. */
    private static void requireEach(Object[] values, String name) {
        Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], name + "[" + i + "]");
        }
    }

    private void requireNotStarted() {
        if (running) {
            throw new IllegalStateException("register implementations before WorkerFactory.start()");
        }
    }

    /** Runs this worker's workflows and activities without the factory's interceptors (an internal worker). */
    synchronized void withoutInterceptors() {
        intercepted = false;
    }

    private List<WorkerInterceptor> interceptors() {
        return intercepted ? options.getWorkerInterceptors() : List.of();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        WorkflowTaskHandler workflowHandler = workflows.isEmpty() ? null
                : new WorkflowTaskHandler(service, cache, inOrder(workflows), taskQueue, options.isStrictReplay(),
                        driver != null ? DRIVEN_INLINE_HISTORY_LIMIT : 0, options.getDeadlockDetectionTimeout(),
                        driver != null ? driver::released : stuck -> { }, converter, determinismChecked);
        if (workflowHandler != null) {
            workflowHandler.setInterceptors(interceptors());
            workflowHandler.enableLocalActivities(inOrder(activities), driver != null);
        }
        this.workflowHandler = workflowHandler;
        ActivityTaskHandler activityHandler = activities.isEmpty() ? null
                : new ActivityTaskHandler(service, inOrder(activities), converter);
        if (activityHandler != null) {
            activityHandler.setInterceptors(interceptors());
        }
        this.activityHandler = activityHandler;
        WorkerMetrics metrics = WorkerMetrics.of(options.getMeterRegistry(), taskQueue);
        if (workflowHandler != null) {
            workflowHandler.setMetrics(metrics);
        }
        if (activityHandler != null) {
            activityHandler.setMetrics(metrics);
        }
        metrics.watchBacklog(this, () -> service.taskQueueBacklog(taskQueue));
        if (driver != null) {
            driven = new DrivenWorker(taskQueue, identity, service, workflowHandler, activityHandler,
                    maxConcurrentActivities, driver);
            driver.register(driven);
            return;
        }
        if (activityHandler != null) {
            AtomicInteger number = new AtomicInteger();
            activityExecutor = Executors.newFixedThreadPool(maxConcurrentActivities, runnable -> {
                Thread thread = new Thread(runnable, "hourglass-activity-" + taskQueue + "-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        if (workflowHandler != null) {
            WorkflowTaskHandler handler = workflowHandler;
            for (int i = 0; i < workflowTaskPollers; i++) {
                pollers.add(startThread("hourglass-workflow-poller-" + taskQueue + "-" + i, () -> pollWorkflowTasks(handler)));
            }
        }
        if (activityHandler != null) {
            ActivityTaskHandler handler = activityHandler;
            pollers.add(startThread("hourglass-activity-poller-" + taskQueue, () -> pollActivityTasks(handler)));
        }
    }

    /**
     * An unmodifiable copy that keeps registration order, which reaches messages recorded in histories (the
     * types a worker has registered); {@code Map.copyOf} would order them differently in every JVM launch.
     */
    private static <V> Map<String, V> inOrder(Map<String, V> registered) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(registered));
    }

    private Thread startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * A workflow task poller: runs the tasks it polls for, and those a completion took from the service for it. A
     * task taken that way is run even when the worker shuts down meanwhile: it is claimed, and would otherwise wait
     * for its lease to run out; no further task is taken then.
     */
    private void pollWorkflowTasks(WorkflowTaskHandler handler) {
        WorkflowTask next = null;
        while (running || next != null) {
            try {
                WorkflowTask task = next != null ? next : service.pollWorkflowTask(taskQueue, POLL_TIMEOUT);
                next = null;
                if (task != null) {
                    next = handler.handle(task, running);
                }
            } catch (ServiceClosedException e) {
                log.debug("the service of task queue '{}' closed; its workflow task poller stops", taskQueue);
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.error("workflow task poller of '{}' failed; polling on", taskQueue, e);
                }
            }
        }
    }

    private void pollActivityTasks(ActivityTaskHandler handler) {
        Semaphore slots = new Semaphore(maxConcurrentActivities);
        long nextStart = System.nanoTime();
        while (running) {
            try {
                slots.acquire();
                if (activityStartInterval > 0) {
                    // the rate limit: a task is taken from the queue no sooner than one interval after the last
                    TimeUnit.NANOSECONDS.sleep(nextStart - System.nanoTime());
                }
                ActivityTask task = service.pollActivityTask(taskQueue, identity, POLL_TIMEOUT);
                if (task == null) {
                    slots.release();
                    continue;
                }
                nextStart = System.nanoTime() + activityStartInterval;
                activityExecutor.execute(() -> {
                    try {
                        runAttempts(handler, task);
                    } finally {
                        slots.release();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ServiceClosedException e) {
                log.debug("the service of task queue '{}' closed; its activity poller stops", taskQueue);
                return;
            } catch (RuntimeException e) {
                slots.release();
                if (running) {
                    log.error("activity poller of '{}' failed; polling on", taskQueue, e);
                }
            }
        }
    }

    /**
     * Runs an attempt in the slot it holds, and then each next attempt its completion took from the service, while
     * the worker runs and has no rate limit (a poll is what waits for the limit). An attempt taken that way is run
     * even when the worker shuts down meanwhile: it is claimed, and would otherwise wait for its timeout.
     */
    private void runAttempts(ActivityTaskHandler handler, ActivityTask first) {
        ActivityTask task = first;
        while (task != null) {
            ActivityTask current = task;
            task = null;
            try {
                task = handler.handle(current, () -> { }, running && activityStartInterval == 0, identity);
            } catch (ServiceClosedException e) {
                log.debug("the service closed before the outcome of activity {} attempt {} of {} was"
                        + " reported", current.activityType(), current.attempt(), current.workflowId());
            } catch (RuntimeException e) {
                // the service could not record the outcome: the attempt times out and is retried
                log.error("reporting the outcome of activity {} attempt {} of {} failed; the service"
                        + " retries the attempt when its timeout passes", current.activityType(),
                        current.attempt(), current.workflowId(), e);
            }
        }
    }

    synchronized void shutdown() {
        running = false;
        if (workflowHandler != null) {
            workflowHandler.shutdown(); // local activity threads
        }
        if (activityHandler != null) {
            activityHandler.shutdown(); // heartbeats of running attempts now tell them
        }
        if (driven != null) {
            driver.unregister(driven);
            driven = null;
        }
        // Wake pollers parked in a long poll; a task being handled is not disturbed: the engine waits
        // uninterruptibly and the poller only looks at the flag between tasks.
        pollers.forEach(Thread::interrupt);
        for (Thread poller : pollers) {
            try {
                poller.join(POLL_TIMEOUT.toMillis() * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pollers.clear();
        if (activityExecutor != null) {
            activityExecutor.shutdownNow();
            try {
                activityExecutor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
