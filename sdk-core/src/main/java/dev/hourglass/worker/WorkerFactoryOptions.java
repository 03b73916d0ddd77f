package dev.hourglass.worker;

import io.micrometer.core.instrument.MeterRegistry;
import dev.hourglass.interceptors.WorkerInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Options of a {@link WorkerFactory}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkerFactoryOptions {

    private static final WorkerFactoryOptions DEFAULT = newBuilder().build();

    private final int workflowCacheSize;
    private final int workflowTaskPollers;
    private final int maxConcurrentActivities;
    private final boolean strictReplay;
    private final Duration deadlockDetectionTimeout;
    private final MeterRegistry meterRegistry;
    private final List<WorkerInterceptor> workerInterceptors;
    private final boolean runSchedules;

    private WorkerFactoryOptions(Builder builder) {
        this.runSchedules = builder.runSchedules;
        this.workerInterceptors = builder.workerInterceptors;
        this.meterRegistry = builder.meterRegistry;
        this.strictReplay = builder.strictReplay;
        this.deadlockDetectionTimeout = builder.deadlockDetectionTimeout;
        this.workflowCacheSize = builder.workflowCacheSize;
        this.workflowTaskPollers = builder.workflowTaskPollers;
        this.maxConcurrentActivities = builder.maxConcurrentActivities;
    }

    /** Returns a builder with the defaults. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns the defaults: a cache of 600 executions, 2 workflow task pollers, 20 concurrent activities, a
     * deadlock detection timeout of 1 s.
     */
    public static WorkerFactoryOptions getDefaultInstance() {
        return DEFAULT;
    }

    /** How many idle executions stay in memory; the least recently used beyond it are evicted. */
    public int getWorkflowCacheSize() {
        return workflowCacheSize;
    }

    /** How many threads of each worker poll for and run workflow tasks. */
    public int getWorkflowTaskPollers() {
        return workflowTaskPollers;
    }

    /** How many activities each worker runs at once. */
    public int getMaxConcurrentActivities() {
        return maxConcurrentActivities;
    }

    /**
     * Whether a replay that differs from the history only in arguments or durations fails the workflow task
     * (strict) instead of logging a warning (the default).
     */
    public boolean isStrictReplay() {
        return strictReplay;
    }

    /**
     * How long workflow code may hold its execution without calling the Hourglass API before its workflow task
     * fails with a {@link dev.hourglass.failure.PotentialDeadlockException}.
     *
     * @return the timeout; {@link Duration#ZERO} when detection is off; never {@code null}
     */
    public Duration getDeadlockDetectionTimeout() {
        return deadlockDetectionTimeout;
    }

    /**
     * Returns the Micrometer registry the workers record their metrics in.
     *
     * @return the registry, or {@code null} when the workers record none (the default)
     * @since 0.1
     */
    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    /**
     * Returns the interceptors the workers' workflow runs and activity attempts go through, the first the outermost.
     *
     * @return the interceptors, in the order set; empty (never {@code null}) for none (the default)
     * @since 0.1
     */
    public List<WorkerInterceptor> getWorkerInterceptors() {
        return workerInterceptors;
    }

    /**
     * Returns whether the factory's workers run schedules ({@code ScheduleClient}), on the internal task queue
     * {@code hourglass.schedules}.
     *
     * @return {@code true} (the default) if they do
     * @since 0.1
     */
    public boolean isRunSchedules() {
        return runSchedules;
    }

    /** Builds {@link WorkerFactoryOptions}. */
    public static final class Builder {
        private int workflowCacheSize = 600;
        private int workflowTaskPollers = 2;
        private int maxConcurrentActivities = 20;
        private boolean strictReplay;
        private Duration deadlockDetectionTimeout = Duration.ofSeconds(1);
        private MeterRegistry meterRegistry;
        private List<WorkerInterceptor> workerInterceptors = List.of();
        private boolean runSchedules = true;

        private Builder() {
        }

        /**
         * Sets whether the factory's workers run schedules. Every factory does by default, polling the internal
         * task queue {@code hourglass.schedules}, so that schedules run wherever workers run. Turn it off on the
         * factories of processes that should leave schedules to others (each factory that runs them polls one more
         * task queue); a service whose factories all have it off starts no scheduled runs.
         *
         * @param run whether to run schedules
         * @return this builder
         * @since 0.1
         */
        public Builder setRunSchedules(boolean run) {
            this.runSchedules = run;
            return this;
        }

        /**
         * Sets the interceptors that the workflow runs and activity attempts of the factory's workers go through
         * (see {@link WorkerInterceptor}); they replace any set before.
         *
         * <p>They are applied in the given order, the first the outermost: it sees the calls into workflow and
         * activity code first, and the calls the workflow code makes last. Workflow-side interceptors run as workflow
         * code, again on every replay; a replay of the runs' histories (the test environment's self-check, a replay
         * test) needs the same interceptors when they change what the runs record.
         *
         * @param interceptors the interceptors; none for none (the default)
         * @return this builder
         * @throws NullPointerException if {@code interceptors} or one of them is {@code null}
         * @since 0.1
         */
        public Builder setWorkerInterceptors(WorkerInterceptor... interceptors) {
            Objects.requireNonNull(interceptors, "interceptors");
            for (int i = 0; i < interceptors.length; i++) {
                Objects.requireNonNull(interceptors[i], "interceptors[" + i + "]");
            }
            this.workerInterceptors = List.of(interceptors);
            return this;
        }

        /** Makes argument and duration differences found on replay fail the workflow task. */
        public Builder setStrictReplay(boolean strict) {
            this.strictReplay = strict;
            return this;
        }

        /** Sets the number of cached executions; 0 disables the cache (every task replays). */
        public Builder setWorkflowCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("workflowCacheSize must be >= 0 but was " + size);
            }
            this.workflowCacheSize = size;
            return this;
        }

        /** Sets the number of workflow task pollers per worker (at least 1). */
        public Builder setWorkflowTaskPollers(int pollers) {
            if (pollers < 1) {
                throw new IllegalArgumentException("workflowTaskPollers must be >= 1 but was " + pollers);
            }
            this.workflowTaskPollers = pollers;
            return this;
        }

        /** Sets the number of activities each worker runs at once (at least 1). */
        public Builder setMaxConcurrentActivities(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentActivities must be >= 1 but was " + max);
            }
            this.maxConcurrentActivities = max;
            return this;
        }

        /**
         * Sets how long workflow code may hold its execution without calling the Hourglass API (it spins, or
         * blocks on a JDK lock, a latch, {@code Thread.sleep} or I/O) before its workflow task fails with a
         * {@link dev.hourglass.failure.PotentialDeadlockException} that shows where the code is, and the worker
         * goes on with other executions. The default is 1 s; {@link Duration#ZERO} turns detection off.
         * Detection is also off while a debugger is attached to the JVM, so that a breakpoint in workflow code
         * does not count as a deadlock.
         *
         * @param timeout the timeout; zero for none; never {@code null} or negative
         * @return this builder
         */
        public Builder setDeadlockDetectionTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("deadlockDetectionTimeout must not be negative but was " + timeout);
            }
            this.deadlockDetectionTimeout = timeout;
            return this;
        }

        /**
         * Makes the workers record metrics in a Micrometer registry; by default they record none, and Micrometer
         * need not be on the class path.
         *
         * <p>The meters, each tagged with {@code task_queue} (and {@code workflow_type} or {@code activity_type}
         * where it applies):
         * <ul>
         *   <li>{@code hourglass.workflow.task.latency} (timer): how long the worker took to run a workflow task,
         *       from receiving it to answering it;
         *   <li>{@code hourglass.workflow.task.failures} (counter): workflow tasks that failed (a bug, a
         *       nondeterminism);
         *   <li>{@code hourglass.workflow.cache} (counter, tag {@code result}: {@code hit} or {@code miss}): workflow
         *       tasks of a run that already had one, whose execution was in the worker's cache or had to be rebuilt
         *       by replay;
         *   <li>{@code hourglass.activity.schedule_to_start.latency} (timer): from the moment an attempt was due (its
         *       activity scheduled, or its retry backoff over) to its start on the worker, on the service's clock;
         *   <li>{@code hourglass.activity.execution.latency} (timer): how long the activity method ran;
         *   <li>{@code hourglass.activity.attempts} (counter): attempts started;
         *   <li>{@code hourglass.activity.failures} (counter): attempts that failed (canceled ones are not counted);
         *   <li>{@code hourglass.task_queue.backlog} (gauge): workflow tasks and activity attempts of the task queue
         *       that are due and not yet taken by a worker, read from the service when the gauge is read.
         * </ul>
         *
         * @param registry the registry, or {@code null} for no metrics
         * @return this builder
         * @since 0.1
         */
        public Builder setMeterRegistry(MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        /** Returns the options. */
        public WorkerFactoryOptions build() {
            return new WorkerFactoryOptions(this);
        }
    }
}
