package dev.hourglass.internal.worker;

import dev.hourglass.failure.PotentialDeadlockException;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.WorkflowExecutor;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs workflow tasks and queries of one worker, using the factory's execution cache. */
final class WorkflowTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(WorkflowTaskHandler.class);

    private final WorkflowServiceSpi service;
    private final WorkflowCache cache;
    private final Map<String, WorkflowImplementation> implementations;
    private final String taskQueue;
    private final boolean strictReplay;
    private final int inlineHistoryLimit;
    private final PayloadConverter converter;
    /** Whether the determinism agent, when installed, checks the workflow code of this worker. */
    private final BooleanSupplier determinismChecked;
    private final Map<String, RepeatedFailure> repeatedFailures = new ConcurrentHashMap<>();
    private final Duration deadlockTimeout;
    /** Executors whose task was abandoned as stuck, by run id, until their stuck thread comes back. */
    private final Map<String, WorkflowExecutor> stuckExecutors = new ConcurrentHashMap<>();
    /** Told of a thread stuck in workflow code that does not yield (the test environment moves its driver on). */
    private final Consumer<Thread> stuckThreads;

    /** The worker's activities, which local activities run from; empty until {@link #enableLocalActivities}. */
    private Map<String, ActivityTaskHandler.ActivityImplementation> localActivities = Map.of();
    /** Whether local activities run on virtual time; see {@link LocalActivityAttempts}. */
    private boolean localActivitiesOnVirtualTime;
    /** Runs local activity attempts; created with the first task that may need it. */
    private volatile ExecutorService localActivityThreads;
    /** The worker interceptors the runs and local activity attempts go through, the first the outermost. */
    private List<WorkerInterceptor> interceptors = List.of();
    /** What the worker measures; set before the handler runs its first task. */
    private WorkerMetrics metrics = WorkerMetrics.NONE;

    /** How many executions keep their workflow thread before short ones run inline instead. */
    static final int THREADED_EXECUTIONS = 32;

    /** How often a failure that repeats is logged again in full. */
    static final int REPEAT_LOG_INTERVAL = 100;

    /** The failure a run's workflow tasks keep failing with, and how many times in a row. */
    private record RepeatedFailure(String signature, int attempts) {
    }

    WorkflowTaskHandler(WorkflowServiceSpi service, WorkflowCache cache,
            Map<String, WorkflowImplementation> implementations, String taskQueue, boolean strictReplay) {
        this(service, cache, implementations, taskQueue, strictReplay, 0,
                WorkerFactoryOptions.getDefaultInstance().getDeadlockDetectionTimeout(), stuck -> { },
                PayloadConverter.getDefault(), () -> true);
    }

    /**
     * With {@code inlineHistoryLimit} above 0, once the cache holds {@link #THREADED_EXECUTIONS} executions (or
     * is full), an execution that is not cached and whose history has at most that many events runs its task
     * with the workflow method on the calling thread (no thread hand-off, no thread kept) and is not cached
     * afterwards, as if evicted at once: its next task replays the short history again, which costs less
     * than two hand-offs between OS threads and keeps no thread parked while it sleeps. Longer executions
     * run on a workflow thread and stay cached, so replay never grows quadratic past the limit; and while
     * few executions are open, each keeps its thread, so its code runs once as in a worker with room in
     * its cache.
     */
    WorkflowTaskHandler(WorkflowServiceSpi service, WorkflowCache cache,
            Map<String, WorkflowImplementation> implementations, String taskQueue, boolean strictReplay,
            int inlineHistoryLimit, Duration deadlockTimeout, Consumer<Thread> stuckThreads,
            PayloadConverter converter, BooleanSupplier determinismChecked) {
        this.converter = converter;
        this.determinismChecked = determinismChecked;
        this.inlineHistoryLimit = inlineHistoryLimit;
        this.deadlockTimeout = deadlockTimeout;
        this.stuckThreads = stuckThreads;
        this.strictReplay = strictReplay;
        this.service = service;
        this.cache = cache;
        this.implementations = implementations;
        this.taskQueue = taskQueue;
    }

    void handle(WorkflowTask task) {
        handle(task, false);
    }

    /**
     * Lets the workflow code of this worker call {@code activities} as local activities; on {@code virtualTime} (the
     * test environment), their retries wait on timers and the time they take does not count.
     */
    void enableLocalActivities(Map<String, ActivityTaskHandler.ActivityImplementation> activities,
            boolean virtualTime) {
        this.localActivities = activities;
        this.localActivitiesOnVirtualTime = virtualTime;
    }

    /** Makes the runs and local activity attempts go through {@code workerInterceptors}, the first the outermost. */
    void setInterceptors(List<WorkerInterceptor> workerInterceptors) {
        this.interceptors = List.copyOf(workerInterceptors);
    }

    /** Stops the local activity threads; attempts still running are interrupted. */
    void shutdown() {
        ExecutorService threads = localActivityThreads;
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    /**
     * What runs the local activities of a task that begins now: it may start attempts until half the service's
     * workflow task timeout has passed, leaving the rest for the code and the completion.
     */
    private LocalActivityAttempts localActivityAttempts() {
        long budget = service.getWorkflowTaskTimeout().toNanos() / 2;
        return new LocalActivityAttempts(localActivities, converter, localActivityThreads(), System.nanoTime() + budget,
                localActivitiesOnVirtualTime, interceptors);
    }

    private ExecutorService localActivityThreads() {
        ExecutorService threads = localActivityThreads;
        if (threads == null) {
            synchronized (this) {
                threads = localActivityThreads;
                if (threads == null) {
                    AtomicInteger number = new AtomicInteger();
                    threads = Executors.newCachedThreadPool(runnable -> {
                        Thread thread = new Thread(runnable, "hourglass-local-activity-" + taskQueue + "-"
                                + number.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                    localActivityThreads = threads;
                }
            }
        }
        return threads;
    }

    /** Makes the handler record what it does in {@code workerMetrics}. */
    void setMetrics(WorkerMetrics workerMetrics) {
        this.metrics = workerMetrics;
    }

    /**
     * Runs the task and reports its outcome; with {@code takeNext}, a completion also takes the next due task of the
     * task queue from the service ({@link WorkflowServiceSpi#completeWorkflowTaskAndTakeNext}), which the caller runs
     * next instead of polling.
     *
     * @return the next task, or {@code null} if the service handed none out (the caller polls)
     */
    WorkflowTask handle(WorkflowTask task, boolean takeNext) {
        if (task.isQuery()) {
            answerQuery(task);
            return null;
        }
        long received = System.nanoTime();
        History history = task.history();
        WorkflowImplementation implementation = WorkflowImplementation.lookup(implementations,
                history.getWorkflowType());
        if (implementation == null) {
            metrics.workflowTaskFailed(history.getWorkflowType());
            service.failWorkflowTask(task.taskToken(), new IllegalStateException("no implementation of workflow type '"
                    + history.getWorkflowType() + "' is registered on the worker of task queue '" + taskQueue
                    + "'; registered: " + implementations.keySet()));
            return null;
        }
        if (failIfStillStuck(task)) {
            return null;
        }
        WorkflowExecutor cached = cachedExecutor(history.getRunId(), task.completedEventCount());
        if (task.completedEventCount() > 0) {
            metrics.cacheLookedUp(cached != null);
        }
        boolean inline = cached == null && history.getEvents().size() <= inlineHistoryLimit
                && cache.size() >= Math.min(THREADED_EXECUTIONS, cache.capacity());
        WorkflowExecutor executor = cached != null ? cached : newExecutor(implementation);
        executor.setHistoryLimits(task.historyLimits());
        executor.setDeterminismChecked(determinismChecked.getAsBoolean());
        executor.deliverUpdates(task.updates());
        executor.setLocalActivityRunner(localActivityAttempts());
        WorkflowExecutor.TaskResult result;
        Thread caller = Thread.currentThread();
        try {
            result = executor.processWorkflowTask(history, inline, deadlockTimeout, stuck -> {
                // on the deadlock detector's thread: the calling thread may be the stuck one and never come back
                stuckExecutors.put(history.getRunId(), executor);
                logFailure(history, stuck);
                service.failWorkflowTask(task.taskToken(), stuck);
                stuckThreads.accept(caller);
            });
        } catch (RuntimeException | Error e) {
            result = new WorkflowExecutor.TaskResult(java.util.List.of(), e);
        } finally {
            executor.setLocalActivityRunner(null);
        }
        if (result.failure() != null) {
            metrics.workflowTaskFailed(history.getWorkflowType());
        }
        if (result.failure() instanceof PotentialDeadlockException) {
            executor.destroy(); // reported when it was found
            return null;
        }
        if (result.failure() != null) {
            executor.destroy();
            logFailure(history, result.failure());
            service.failWorkflowTask(task.taskToken(), result.failure());
            return null;
        }
        repeatedFailures.remove(history.getRunId());
        // Cached before the service hears of the completion: from then on the run's next task, or a query,
        // may arrive on another poller and must find this execution rather than rebuild an older copy.
        if (executor.isClosed() || inline) {
            executor.destroy();
        } else {
            cache.put(history.getRunId(), new WorkflowCache.Entry(executor,
                    history.getEvents().size() + result.commands().size()));
        }
        try {
            if (!result.rejections().isEmpty()) {
                service.rejectUpdates(task.taskToken(), result.rejections());
            }
            WorkflowTask next = takeNext
                    ? service.completeWorkflowTaskAndTakeNext(task.taskToken(), result.commands(), taskQueue)
                    : completed(task, result);
            metrics.workflowTaskCompleted(history.getWorkflowType(), Duration.ofNanos(System.nanoTime() - received));
            return next;
        } catch (RuntimeException e) {
            WorkflowCache.Entry stale = cache.take(history.getRunId());
            if (stale != null) {
                stale.executor().destroy();
            }
            throw e;
        }
    }

    private WorkflowTask completed(WorkflowTask task, WorkflowExecutor.TaskResult result) {
        service.completeWorkflowTask(task.taskToken(), result.commands());
        return null;
    }

    /**
     * Fails the task at once if an earlier task of its run left workflow code stuck that has not come back, so
     * that retries do not pile up stuck threads; returns whether it did.
     */
    private boolean failIfStillStuck(WorkflowTask task) {
        String runId = task.history().getRunId();
        WorkflowExecutor stuck = stuckExecutors.get(runId);
        if (stuck == null) {
            return false;
        }
        PotentialDeadlockException report = stuck.stillStuck();
        if (report == null) {
            stuckExecutors.remove(runId);
            return false;
        }
        logFailure(task.history(), report);
        service.failWorkflowTask(task.taskToken(), report);
        return true;
    }

    /**
     * Logs a failed workflow task: in full the first time, and once more every {@value #REPEAT_LOG_INTERVAL}
     * attempts while the same failure repeats (a bug fails the task again at every retry until a fix is
     * deployed, and on a virtual clock retries come at once); in between at debug level.
     */
    private void logFailure(History history, Throwable failure) {
        String signature = failure.getClass().getName() + ": " + failure.getMessage();
        RepeatedFailure previous = repeatedFailures.get(history.getRunId());
        int attempt = previous != null && previous.signature().equals(signature) ? previous.attempts() + 1 : 1;
        repeatedFailures.put(history.getRunId(), new RepeatedFailure(signature, attempt));
        if (attempt == 1) {
            log.error("workflow task of {} (workflowId={}, runId={}) failed; it will be retried:",
                    history.getWorkflowType(), history.getWorkflowId(), history.getRunId(), failure);
        } else if (attempt % REPEAT_LOG_INTERVAL == 0) {
            log.error("workflow task of {} (workflowId={}, runId={}) failed again, {} times in a row now, with the"
                    + " same failure: {}", history.getWorkflowType(), history.getWorkflowId(), history.getRunId(),
                    attempt, signature);
        } else {
            log.debug("workflow task of {} (workflowId={}) failed again (attempt {}): {}",
                    history.getWorkflowType(), history.getWorkflowId(), attempt, signature);
        }
    }

    /** The cached execution of a run if it has processed exactly the completed events, else {@code null}. */
    private WorkflowExecutor cachedExecutor(String runId, int completedEventCount) {
        WorkflowCache.Entry cached = cache.take(runId);
        if (cached != null) {
            if (cached.processedEventCount() == completedEventCount) {
                return cached.executor();
            }
            cached.executor().destroy();
        }
        return null;
    }

    private void answerQuery(WorkflowTask task) {
        History history = task.history();
        WorkflowImplementation implementation = WorkflowImplementation.lookup(implementations,
                history.getWorkflowType());
        if (implementation == null) {
            service.respondQueryTask(task.taskToken(), null, JsonPayload.of(FailureConverter.toJson(
                    new IllegalStateException("no implementation of workflow type '" + history.getWorkflowType()
                            + "' is registered"))));
            return;
        }
        WorkflowCache.Entry cached = cache.take(history.getRunId());
        if (cached != null && cached.processedEventCount() != history.getEvents().size()) {
            // the cached execution has not seen every event of the history the query is about: answer from
            // a replay of that history and keep the cached one for the run's next task
            cache.put(history.getRunId(), cached);
            cached = null;
        }
        WorkflowExecutor executor = cached != null ? cached.executor() : newExecutor(implementation);
        executor.setHistoryLimits(task.historyLimits());
        executor.setDeterminismChecked(determinismChecked.getAsBoolean());
        try {
            if (cached == null) {
                executor.replay(history);
            }
            Payload answer = executor.query(task.queryType(), task.queryArgs());
            service.respondQueryTask(task.taskToken(), answer, null);
        } catch (RuntimeException | Error e) {
            service.respondQueryTask(task.taskToken(), null,
                    JsonPayload.of(FailureConverter.toJson(e, converter)));
        } finally {
            if (cached != null) {
                cache.put(history.getRunId(), cached);
            } else {
                executor.destroy();
            }
        }
    }

    /** A new executor of a run of {@code implementation}, its calls going through the worker's interceptors. */
    private WorkflowExecutor newExecutor(WorkflowImplementation implementation) {
        WorkflowExecutor executor = new WorkflowExecutor(implementation, strictReplay, converter);
        executor.setWorkerInterceptors(interceptors);
        return executor;
    }
}
