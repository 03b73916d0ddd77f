package dev.hourglass.worker;

import org.apiguardian.api.API;

/**
 * Options of one {@link Worker}, given to {@link WorkerFactory#newWorker(String, WorkerOptions)}: how much it runs
 * at once and how fast it starts activities.
 *
 * <pre>{@code
 * Worker worker = factory.newWorker("payments", WorkerOptions.newBuilder()
 *         .setMaxConcurrentActivityExecutionSize(4)
 *         .setMaxWorkerActivitiesPerSecond(10)
 *         .build());
 * }</pre>
 *
 * <p>What is not set comes from the factory's {@link WorkerFactoryOptions}: the number of workflow task pollers
 * and of concurrent activities.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkerOptions {

    private static final WorkerOptions DEFAULT = newBuilder().build();

    private final int maxConcurrentWorkflowTaskExecutionSize;
    private final int maxConcurrentActivityExecutionSize;
    private final double maxWorkerActivitiesPerSecond;

    private WorkerOptions(Builder builder) {
        this.maxConcurrentWorkflowTaskExecutionSize = builder.maxConcurrentWorkflowTaskExecutionSize;
        this.maxConcurrentActivityExecutionSize = builder.maxConcurrentActivityExecutionSize;
        this.maxWorkerActivitiesPerSecond = builder.maxWorkerActivitiesPerSecond;
    }

    /** Returns a builder with nothing set. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns options with nothing set: the factory's options apply. */
    public static WorkerOptions getDefaultInstance() {
        return DEFAULT;
    }

    /**
     * Returns how many workflow tasks the worker runs at once.
     *
     * @return the limit, or 0 when not set (the factory's {@link WorkerFactoryOptions#getWorkflowTaskPollers()})
     */
    public int getMaxConcurrentWorkflowTaskExecutionSize() {
        return maxConcurrentWorkflowTaskExecutionSize;
    }

    /**
     * Returns how many activity attempts the worker runs at once.
     *
     * @return the limit, or 0 when not set (the factory's {@link WorkerFactoryOptions#getMaxConcurrentActivities()})
     */
    public int getMaxConcurrentActivityExecutionSize() {
        return maxConcurrentActivityExecutionSize;
    }

    /**
     * Returns how many activity attempts per second the worker starts at most.
     *
     * @return the rate, or 0 for no limit
     */
    public double getMaxWorkerActivitiesPerSecond() {
        return maxWorkerActivitiesPerSecond;
    }

    /** Builds {@link WorkerOptions}. */
    public static final class Builder {
        private int maxConcurrentWorkflowTaskExecutionSize;
        private int maxConcurrentActivityExecutionSize;
        private double maxWorkerActivitiesPerSecond;

        private Builder() {
        }

        /**
         * Sets how many workflow tasks the worker runs at once, each on a poller thread of its own. The test
         * environment runs every workflow task on its one thread, so there the limit always holds.
         *
         * @param size at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is less than 1
         */
        public Builder setMaxConcurrentWorkflowTaskExecutionSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("maxConcurrentWorkflowTaskExecutionSize must be >= 1 but was "
                        + size);
            }
            this.maxConcurrentWorkflowTaskExecutionSize = size;
            return this;
        }

        /**
         * Sets how many activity attempts the worker runs at once; further attempts wait in the task queue.
         *
         * @param size at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is less than 1
         */
        public Builder setMaxConcurrentActivityExecutionSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("maxConcurrentActivityExecutionSize must be >= 1 but was " + size);
            }
            this.maxConcurrentActivityExecutionSize = size;
            return this;
        }

        /**
         * Sets how many activity attempts per second the worker starts at most: consecutive starts are at least
         * {@code 1 / perSecond} seconds apart, without bursts, whether the attempts are retries or first attempts.
         * Attempts waiting for their turn stay in the task queue, where their schedule-to-start time runs.
         *
         * <p>The test environment does not support the limit (its activities start at frozen virtual time) and
         * rejects a worker that sets it.
         *
         * @param perSecond a positive, finite rate; 0 for no limit (the default)
         * @return this builder
         * @throws IllegalArgumentException if {@code perSecond} is negative, infinite or not a number
         */
        public Builder setMaxWorkerActivitiesPerSecond(double perSecond) {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("maxWorkerActivitiesPerSecond must be a finite rate >= 0 (0 for no"
                        + " limit) but was " + perSecond);
            }
            this.maxWorkerActivitiesPerSecond = perSecond;
            return this;
        }

        /** Returns the options. */
        public WorkerOptions build() {
            return new WorkerOptions(this);
        }
    }
}
