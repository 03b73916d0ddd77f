package dev.hourglass.workflow;

import org.apiguardian.api.API;

/**
 * Options of the run that {@link Workflow#continueAsNew(ContinueAsNewOptions, Object...)} or a
 * {@link Workflow#newContinueAsNewStub continue-as-new stub} starts; what is not set is the same as in the run
 * that continues.
 *
 * <pre>{@code
 * Workflow.continueAsNew(ContinueAsNewOptions.newBuilder().setTaskQueue("billing-v2").build(), customerId);
 * }</pre>
 *
 * <p>Hourglass has no run timeout: the workflow execution timeout set when the execution started spans every
 * run, so there is nothing per run to set but the task queue.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ContinueAsNewOptions {

    private static final ContinueAsNewOptions DEFAULT = newBuilder().build();

    private final String taskQueue;

    private ContinueAsNewOptions(Builder builder) {
        this.taskQueue = builder.taskQueue;
    }

    /** Returns a builder with nothing set. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from {@code options}.
     *
     * @param options the options to copy; {@code null} for none set
     * @return the builder, never {@code null}
     */
    public static Builder newBuilder(ContinueAsNewOptions options) {
        Builder builder = new Builder();
        if (options != null) {
            builder.taskQueue = options.taskQueue;
        }
        return builder;
    }

    /** Returns options with nothing set: the new run is like the one that continues. */
    public static ContinueAsNewOptions getDefaultInstance() {
        return DEFAULT;
    }

    /**
     * Returns the task queue of the new run.
     *
     * @return the task queue, or {@code null} for the task queue of the run that continues
     */
    public String getTaskQueue() {
        return taskQueue;
    }

    @Override
    public String toString() {
        return "ContinueAsNewOptions{taskQueue=" + taskQueue + "}";
    }

    /** Builds {@link ContinueAsNewOptions}. */
    public static final class Builder {
        private String taskQueue;

        private Builder() {
        }

        /**
         * Sets the task queue the new run's workflow tasks go to, such as the queue of workers with a new version
         * of the code.
         *
         * @param taskQueue the task queue; {@code null} for the task queue of the run that continues
         * @return this builder
         * @throws IllegalArgumentException if {@code taskQueue} is blank
         */
        public Builder setTaskQueue(String taskQueue) {
            if (taskQueue != null && taskQueue.isBlank()) {
                throw new IllegalArgumentException("taskQueue must not be blank: pass the task queue of the workers"
                        + " that run the new run, or null for the current one");
            }
            this.taskQueue = taskQueue;
            return this;
        }

        /** Returns the options. */
        public ContinueAsNewOptions build() {
            return new ContinueAsNewOptions(this);
        }
    }
}
