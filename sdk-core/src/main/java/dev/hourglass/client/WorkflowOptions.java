package dev.hourglass.client;

import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.internal.common.CronSchedule;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a client starts a workflow execution: its id, task queue, id reuse policy, timeout, start delay and cron
 * schedule.
 *
 * <p>Instances are immutable; build one with {@link #newBuilder()}. The task queue is required:
 *
 * <pre>{@code
 * WorkflowOptions options = WorkflowOptions.newBuilder()
 *     .setWorkflowId("transfer-42")
 *     .setTaskQueue("payments")
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowOptions {

    private final String workflowId;
    private final String taskQueue;
    private final WorkflowIdReusePolicy workflowIdReusePolicy;
    private final Duration workflowExecutionTimeout;
    private final Duration startDelay;
    private final String cronSchedule;
    private final SearchAttributes searchAttributes;
    private final Map<String, Object> memo;

    private WorkflowOptions(Builder builder) {
        this.workflowId = builder.workflowId;
        this.taskQueue = builder.taskQueue;
        this.workflowIdReusePolicy = builder.workflowIdReusePolicy;
        this.workflowExecutionTimeout = builder.workflowExecutionTimeout;
        this.startDelay = builder.startDelay;
        this.cronSchedule = builder.cronSchedule;
        this.searchAttributes = builder.searchAttributes;
        this.memo = builder.memo;
    }

    /**
     * Returns the search attributes the execution starts with.
     *
     * @return the attributes; never {@code null}, {@link SearchAttributes#EMPTY} unless set
     */
    public SearchAttributes getTypedSearchAttributes() {
        return searchAttributes;
    }

    /**
     * Returns the memo the execution starts with: key to value, in the order set.
     *
     * @return an unmodifiable map; never {@code null}, empty unless set
     */
    public Map<String, Object> getMemo() {
        return memo;
    }

    /**
     * Returns a builder with every option at its default and no task queue.
     *
     * @return a new builder, never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with the options of {@code options}.
     *
     * @param options the options to copy; must not be {@code null}
     * @return a new builder, never {@code null}
     * @throws IllegalArgumentException if {@code options} is {@code null}
     */
    public static Builder newBuilder(WorkflowOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options to copy must not be null");
        }
        return new Builder(options);
    }

    /**
     * Returns the workflow id.
     *
     * @return the workflow id, or {@code null} meaning the client chooses a random UUID
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the task queue the workflow tasks are dispatched on.
     *
     * @return the task queue, never {@code null}
     */
    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Returns whether the id of a closed execution may be reused.
     *
     * @return the policy, never {@code null}
     */
    public WorkflowIdReusePolicy getWorkflowIdReusePolicy() {
        return workflowIdReusePolicy;
    }

    /**
     * Returns the longest time the execution may run, continue-as-new runs included.
     *
     * @return the timeout, or {@code null} for none
     */
    public Duration getWorkflowExecutionTimeout() {
        return workflowExecutionTimeout;
    }

    /**
     * Returns how long after the start the execution's first workflow task is due.
     *
     * @return the delay, or {@code null} when the first workflow task is due at once
     * @since 0.1
     */
    public Duration getStartDelay() {
        return startDelay;
    }

    /**
     * Returns the cron schedule the workflow runs on.
     *
     * @return the schedule as it was set, or {@code null} for none
     * @since 0.1
     */
    public String getCronSchedule() {
        return cronSchedule;
    }

    /**
     * Tells whether {@code o} is workflow options with equal values.
     *
     * @param o the object to compare with; may be {@code null}
     * @return {@code true} if every getter returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WorkflowOptions)) {
            return false;
        }
        WorkflowOptions that = (WorkflowOptions) o;
        return Objects.equals(workflowId, that.workflowId)
                && taskQueue.equals(that.taskQueue)
                && workflowIdReusePolicy == that.workflowIdReusePolicy
                && Objects.equals(workflowExecutionTimeout, that.workflowExecutionTimeout)
                && Objects.equals(startDelay, that.startDelay)
                && Objects.equals(cronSchedule, that.cronSchedule)
                && searchAttributes.equals(that.searchAttributes)
                && memo.equals(that.memo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workflowId, taskQueue, workflowIdReusePolicy, workflowExecutionTimeout, startDelay,
                cronSchedule, searchAttributes, memo);
    }

    @Override
    public String toString() {
        return "WorkflowOptions{workflowId=" + (workflowId == null ? null : "'" + workflowId + "'")
                + ", taskQueue='" + taskQueue + "'"
                + ", workflowIdReusePolicy=" + workflowIdReusePolicy
                + ", workflowExecutionTimeout=" + workflowExecutionTimeout
                + ", startDelay=" + startDelay
                + (cronSchedule == null ? "" : ", cronSchedule='" + cronSchedule + "'")
                + (searchAttributes.isEmpty() ? "" : ", searchAttributes=" + searchAttributes)
                + (memo.isEmpty() ? "" : ", memo keys=" + memo.keySet())
                + '}';
    }

    /**
     * Builds {@link WorkflowOptions}; every setter returns this builder.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private String workflowId;
        private String taskQueue;
        private WorkflowIdReusePolicy workflowIdReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE;
        private Duration workflowExecutionTimeout;
        private Duration startDelay;
        private String cronSchedule;
        private SearchAttributes searchAttributes = SearchAttributes.EMPTY;
        private Map<String, Object> memo = Map.of();

        private Builder() {}

        private Builder(WorkflowOptions options) {
            this.workflowId = options.workflowId;
            this.taskQueue = options.taskQueue;
            this.workflowIdReusePolicy = options.workflowIdReusePolicy;
            this.workflowExecutionTimeout = options.workflowExecutionTimeout;
            this.startDelay = options.startDelay;
            this.cronSchedule = options.cronSchedule;
            this.searchAttributes = options.searchAttributes;
            this.memo = options.memo;
        }

        /**
         * Sets the search attributes the execution starts with: indexed values that
         * {@link WorkflowClient#listExecutions(ExecutionFilter)} filters on and workflow code reads with
         * {@code Workflow.getTypedSearchAttributes()}. Their values are recorded as they are, never encoded by payload
         * codecs.
         *
         * @param searchAttributes the attributes, or {@code null} for none
         * @return this builder
         */
        public Builder setTypedSearchAttributes(SearchAttributes searchAttributes) {
            this.searchAttributes = searchAttributes == null ? SearchAttributes.EMPTY : searchAttributes;
            return this;
        }

        /**
         * Sets the memo the execution starts with: values that describe the execution without being indexed, read
         * with {@code Workflow.getMemo} and {@link WorkflowExecutionMetadata#getMemo}. Each value is a payload:
         * converted by the client's data converter and encoded by its payload codecs.
         *
         * @param memo key to value, or {@code null} for none; keys are recorded in key order, whatever the map's order
         * @return this builder
         * @throws IllegalArgumentException if a key or value is {@code null}
         */
        public Builder setMemo(Map<String, Object> memo) {
            if (memo == null) {
                this.memo = Map.of();
                return this;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            memo.forEach((key, value) -> {
                if (key == null || value == null) {
                    throw new IllegalArgumentException("memo keys and values must not be null, found " + key + " = "
                            + value + "; leave out a key that has no value");
                }
                copy.put(key, value);
            });
            this.memo = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * Sets the workflow id, which business code usually derives from what the workflow is about.
         *
         * @param workflowId a non-blank id, or {@code null} for a random UUID chosen by the client
         * @return this builder
         * @throws IllegalArgumentException if {@code workflowId} is blank
         */
        public Builder setWorkflowId(String workflowId) {
            if (workflowId != null && workflowId.isBlank()) {
                throw new IllegalArgumentException("workflowId must not be blank, was '" + workflowId + "'");
            }
            this.workflowId = workflowId;
            return this;
        }

        /**
         * Sets the task queue the workflow tasks are dispatched on; required.
         *
         * @param taskQueue a non-blank name; {@code null} unsets it
         * @return this builder
         * @throws IllegalArgumentException if {@code taskQueue} is blank
         */
        public Builder setTaskQueue(String taskQueue) {
            if (taskQueue != null && taskQueue.isBlank()) {
                throw new IllegalArgumentException("taskQueue must not be blank, was '" + taskQueue + "'");
            }
            this.taskQueue = taskQueue;
            return this;
        }

        /**
         * Sets whether the id of a closed execution may be reused; the default is
         * {@link WorkflowIdReusePolicy#ALLOW_DUPLICATE}.
         *
         * @param workflowIdReusePolicy the policy, or {@code null} for the default
         * @return this builder
         */
        public Builder setWorkflowIdReusePolicy(WorkflowIdReusePolicy workflowIdReusePolicy) {
            this.workflowIdReusePolicy =
                    workflowIdReusePolicy == null ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : workflowIdReusePolicy;
            return this;
        }

        /**
         * Sets the longest time the execution may run, continue-as-new runs included; by default there is none.
         *
         * @param workflowExecutionTimeout a positive duration, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code workflowExecutionTimeout} is zero or negative
         */
        public Builder setWorkflowExecutionTimeout(Duration workflowExecutionTimeout) {
            if (workflowExecutionTimeout != null
                    && (workflowExecutionTimeout.isZero() || workflowExecutionTimeout.isNegative())) {
                throw new IllegalArgumentException(
                        "workflowExecutionTimeout must be positive, was " + workflowExecutionTimeout);
            }
            this.workflowExecutionTimeout = workflowExecutionTimeout;
            return this;
        }

        /**
         * Sets how long after the start the first workflow task is due; by default it is due at once.
         *
         * <p>The execution is recorded (and its id taken) at once, and its workflow code begins when the delay is
         * over, on whichever worker polls its task queue then; the delay is durable, as a timer is. A signal or a
         * cancellation request that arrives during the delay ends it: the first workflow task is due at once and
         * sees that input. The signal of {@link WorkflowStub#signalWithStart} that starts the execution does not end
         * the delay: it is delivered with the first workflow task. The execution timeout counts from the start,
         * delay included.
         *
         * @param startDelay a positive duration, or {@code null} or zero for none
         * @return this builder
         * @throws IllegalArgumentException if {@code startDelay} is negative
         * @since 0.1
         */
        public Builder setStartDelay(Duration startDelay) {
            if (startDelay != null && startDelay.isNegative()) {
                throw new IllegalArgumentException("startDelay must not be negative, was " + startDelay);
            }
            this.startDelay = startDelay == null || startDelay.isZero() ? null : startDelay;
            return this;
        }

        /**
         * Runs the workflow on a cron schedule: one run at each fire time, until the workflow is canceled or
         * terminated.
         *
         * <p>The schedule has the five fields of Unix cron (minute, hour, day of month, month, day of week), such as
         * {@code "0 9 * * MON"} (Mondays at 9:00), or a nickname ({@code @yearly}, {@code @monthly},
         * {@code @weekly}, {@code @daily}, {@code @hourly}); it is read in UTC unless it begins with
         * {@code CRON_TZ=<zone>} and a space, such as {@code "CRON_TZ=Europe/Paris 0 9 * * *"}.
         *
         * <p>The start records the first run at once, its first workflow task due at the first fire time. When a
         * run completes or fails, the service starts the next run of the same workflow id with the same arguments,
         * due at the next fire time after the close; a fire time that passes while a run is still open is skipped.
         * Cancellation, termination and the execution timeout end the chain. A run reads its schedule with
         * {@code Workflow.getInfo().getCronSchedule()} and the last completed run's result with
         * {@code Workflow.getLastCompletionResult}.
         *
         * @param cronSchedule the schedule, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code cronSchedule} is not a valid schedule, saying what is wrong
         * @since 0.1
         */
        public Builder setCronSchedule(String cronSchedule) {
            if (cronSchedule != null) {
                CronSchedule.parse(cronSchedule);
            }
            this.cronSchedule = cronSchedule;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return new immutable options, never {@code null}
         * @throws IllegalStateException if no task queue is set, or both a start delay and a cron schedule are
         */
        public WorkflowOptions build() {
            if (startDelay != null && cronSchedule != null) {
                throw new IllegalStateException("WorkflowOptions has both a start delay (" + startDelay + ") and a cron"
                        + " schedule (\"" + cronSchedule + "\"): a run on a cron schedule starts at its fire time,"
                        + " so set only one of setStartDelay and setCronSchedule");
            }
            if (taskQueue == null) {
                throw new IllegalStateException(
                        "WorkflowOptions needs a taskQueue, the one a worker polls: set it with "
                                + "WorkflowOptions.newBuilder().setTaskQueue(\"my-task-queue\")");
            }
            return new WorkflowOptions(this);
        }
    }
}
