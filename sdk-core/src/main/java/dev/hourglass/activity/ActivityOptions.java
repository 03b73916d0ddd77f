package dev.hourglass.activity;

import dev.hourglass.common.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How workflow code calls an activity: its timeouts, retry policy, task queue and cancellation type.
 *
 * <p>Instances are immutable; build one with {@link #newBuilder()}. At least one of the start-to-close and
 * schedule-to-close timeouts must be set:
 *
 * <pre>{@code
 * ActivityOptions options = ActivityOptions.newBuilder()
 *     .setStartToCloseTimeout(Duration.ofSeconds(30))
 *     .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(3).build())
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ActivityOptions {

    private final Duration startToCloseTimeout;
    private final Duration scheduleToCloseTimeout;
    private final Duration heartbeatTimeout;
    private final RetryPolicy retryPolicy;
    private final String taskQueue;
    private final Duration scheduleToStartTimeout;
    private final ActivityCancellationType cancellationType;

    private ActivityOptions(Builder builder) {
        this.startToCloseTimeout = builder.startToCloseTimeout;
        this.scheduleToCloseTimeout = builder.scheduleToCloseTimeout;
        this.heartbeatTimeout = builder.heartbeatTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.taskQueue = builder.taskQueue;
        this.scheduleToStartTimeout = builder.scheduleToStartTimeout;
        this.cancellationType = builder.cancellationType;
    }

    /**
     * Returns a builder with no option set.
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
    public static Builder newBuilder(ActivityOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options to copy must not be null");
        }
        return new Builder(options);
    }

    /**
     * Returns the longest time a single attempt may run.
     *
     * @return the timeout, or {@code null} if unset
     */
    public Duration getStartToCloseTimeout() {
        return startToCloseTimeout;
    }

    /**
     * Returns the longest time the activity may take from being scheduled to finishing, all attempts and
     * backoffs included.
     *
     * @return the timeout, or {@code null} if unset
     */
    public Duration getScheduleToCloseTimeout() {
        return scheduleToCloseTimeout;
    }

    /**
     * Returns the longest time allowed between two heartbeats of an attempt.
     *
     * @return the timeout, or {@code null} if the activity need not heartbeat
     */
    public Duration getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    /**
     * Returns the retry policy of the activity.
     *
     * @return the policy, or {@code null} if unset, meaning the service default
     */
    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns the task queue the activity is dispatched on.
     *
     * @return the task queue, or {@code null} meaning the task queue of the calling workflow
     */
    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Returns the longest time an attempt may wait in its task queue for a worker to pick it up.
     *
     * @return the timeout, or {@code null} if an attempt may wait indefinitely
     */
    public Duration getScheduleToStartTimeout() {
        return scheduleToStartTimeout;
    }

    /**
     * Returns what canceling the activity's cancellation scope does.
     *
     * @return the cancellation type, never {@code null}; {@link ActivityCancellationType#TRY_CANCEL} unless set
     */
    public ActivityCancellationType getCancellationType() {
        return cancellationType;
    }

    /**
     * Tells whether {@code o} is activity options with equal values.
     *
     * @param o the object to compare with; may be {@code null}
     * @return {@code true} if every getter returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ActivityOptions)) {
            return false;
        }
        ActivityOptions that = (ActivityOptions) o;
        return Objects.equals(startToCloseTimeout, that.startToCloseTimeout)
                && Objects.equals(scheduleToCloseTimeout, that.scheduleToCloseTimeout)
                && Objects.equals(heartbeatTimeout, that.heartbeatTimeout)
                && Objects.equals(retryPolicy, that.retryPolicy)
                && Objects.equals(taskQueue, that.taskQueue)
                && Objects.equals(scheduleToStartTimeout, that.scheduleToStartTimeout)
                && cancellationType == that.cancellationType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(startToCloseTimeout, scheduleToCloseTimeout, heartbeatTimeout, retryPolicy, taskQueue,
                scheduleToStartTimeout, cancellationType);
    }

    @Override
    public String toString() {
        return "ActivityOptions{startToCloseTimeout=" + startToCloseTimeout
                + ", scheduleToCloseTimeout=" + scheduleToCloseTimeout
                + ", heartbeatTimeout=" + heartbeatTimeout
                + ", retryPolicy=" + retryPolicy
                + ", taskQueue=" + (taskQueue == null ? null : "'" + taskQueue + "'")
                + ", scheduleToStartTimeout=" + scheduleToStartTimeout
                + ", cancellationType=" + cancellationType
                + '}';
    }

    private static Duration requirePositive(String option, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * Builds {@link ActivityOptions}; every setter returns this builder.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private Duration startToCloseTimeout;
        private Duration scheduleToCloseTimeout;
        private Duration heartbeatTimeout;
        private RetryPolicy retryPolicy;
        private String taskQueue;
        private Duration scheduleToStartTimeout;
        private ActivityCancellationType cancellationType = ActivityCancellationType.TRY_CANCEL;

        private Builder() {}

        private Builder(ActivityOptions options) {
            this.startToCloseTimeout = options.startToCloseTimeout;
            this.scheduleToCloseTimeout = options.scheduleToCloseTimeout;
            this.heartbeatTimeout = options.heartbeatTimeout;
            this.retryPolicy = options.retryPolicy;
            this.taskQueue = options.taskQueue;
            this.scheduleToStartTimeout = options.scheduleToStartTimeout;
            this.cancellationType = options.cancellationType;
        }

        /**
         * Sets the longest time a single attempt may run before it times out and may be retried.
         *
         * @param startToCloseTimeout a positive duration, or {@code null} to unset
         * @return this builder
         * @throws IllegalArgumentException if {@code startToCloseTimeout} is zero or negative
         */
        public Builder setStartToCloseTimeout(Duration startToCloseTimeout) {
            this.startToCloseTimeout = requirePositive("startToCloseTimeout", startToCloseTimeout);
            return this;
        }

        /**
         * Sets the longest time the activity may take from being scheduled to finishing, all attempts and
         * backoffs included; when it passes no further attempt is made.
         *
         * @param scheduleToCloseTimeout a positive duration, or {@code null} to unset
         * @return this builder
         * @throws IllegalArgumentException if {@code scheduleToCloseTimeout} is zero or negative
         */
        public Builder setScheduleToCloseTimeout(Duration scheduleToCloseTimeout) {
            this.scheduleToCloseTimeout = requirePositive("scheduleToCloseTimeout", scheduleToCloseTimeout);
            return this;
        }

        /**
         * Sets the longest time allowed between two heartbeats of an attempt; an attempt that stays silent
         * longer times out.
         *
         * @param heartbeatTimeout a positive duration, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code heartbeatTimeout} is zero or negative
         */
        public Builder setHeartbeatTimeout(Duration heartbeatTimeout) {
            this.heartbeatTimeout = requirePositive("heartbeatTimeout", heartbeatTimeout);
            return this;
        }

        /**
         * Sets how failed attempts are retried.
         *
         * @param retryPolicy the policy, or {@code null} for the service default
         * @return this builder
         */
        public Builder setRetryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Sets the task queue the activity is dispatched on.
         *
         * @param taskQueue a non-blank name, or {@code null} for the task queue of the calling workflow
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
         * Sets the longest time each attempt may wait in its task queue for a worker to pick it up. An attempt
         * still waiting then fails the activity with a {@link dev.hourglass.failure.TimeoutFailure} of type
         * {@link dev.hourglass.failure.TimeoutType#SCHEDULE_TO_START}, which is not retried: another attempt would
         * wait in the same queue. Useful when the task queue is served by specific hosts that may be gone:
         *
         * <pre>{@code
         * ActivityOptions.newBuilder()
         *     .setTaskQueue("host-42")
         *     .setScheduleToStartTimeout(Duration.ofMinutes(1))
         *     .setStartToCloseTimeout(Duration.ofMinutes(5))
         *     .build();
         * }</pre>
         *
         * <p>In the test environment, an attempt queued on a task queue that no worker polls waits for this
         * timeout in virtual time instead of being reported as work that nothing can run.
         *
         * @param scheduleToStartTimeout a positive duration, or {@code null} for none (the default)
         * @return this builder
         * @throws IllegalArgumentException if {@code scheduleToStartTimeout} is zero or negative
         */
        public Builder setScheduleToStartTimeout(Duration scheduleToStartTimeout) {
            this.scheduleToStartTimeout = requirePositive("scheduleToStartTimeout", scheduleToStartTimeout);
            return this;
        }

        /**
         * Sets what canceling the activity's cancellation scope does: request cancellation and stop waiting
         * ({@link ActivityCancellationType#TRY_CANCEL}, the default), request it and wait until the activity has
         * stopped ({@link ActivityCancellationType#WAIT_CANCELLATION_COMPLETED}), or stop waiting without telling
         * the activity ({@link ActivityCancellationType#ABANDON}).
         *
         * @param cancellationType the cancellation type; must not be {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code cancellationType} is {@code null}
         */
        public Builder setCancellationType(ActivityCancellationType cancellationType) {
            if (cancellationType == null) {
                throw new IllegalArgumentException("cancellationType must not be null; the default is "
                        + ActivityCancellationType.TRY_CANCEL);
            }
            this.cancellationType = cancellationType;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return new immutable options, never {@code null}
         * @throws IllegalStateException if neither a start-to-close nor a schedule-to-close timeout is set
         */
        public ActivityOptions build() {
            if (startToCloseTimeout == null && scheduleToCloseTimeout == null) {
                throw new IllegalStateException(
                        "ActivityOptions needs a startToCloseTimeout or a scheduleToCloseTimeout: set one with "
                                + "ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))");
            }
            return new ActivityOptions(this);
        }
    }
}
