package dev.hourglass.activity;

import dev.hourglass.common.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How workflow code calls a local activity: its timeouts, retry policy, how long it is retried inside the workflow
 * task, and whether its arguments are recorded.
 *
 * <p>Instances are immutable; build one with {@link #newBuilder()}. At least one of the start-to-close and
 * schedule-to-close timeouts must be set:
 *
 * <pre>{@code
 * LocalActivityOptions options = LocalActivityOptions.newBuilder()
 *     .setStartToCloseTimeout(Duration.ofSeconds(5))
 *     .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(3).build())
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LocalActivityOptions {

    /** The local retry threshold when none is set: one minute. */
    public static final Duration DEFAULT_LOCAL_RETRY_THRESHOLD = Duration.ofMinutes(1);

    private final Duration startToCloseTimeout;
    private final Duration scheduleToCloseTimeout;
    private final RetryPolicy retryPolicy;
    private final Duration localRetryThreshold;
    private final boolean doNotIncludeArgumentsIntoMarker;

    private LocalActivityOptions(Builder builder) {
        this.startToCloseTimeout = builder.startToCloseTimeout;
        this.scheduleToCloseTimeout = builder.scheduleToCloseTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.localRetryThreshold = builder.localRetryThreshold;
        this.doNotIncludeArgumentsIntoMarker = builder.doNotIncludeArgumentsIntoMarker;
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
    public static Builder newBuilder(LocalActivityOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("local activity options to copy must not be null");
        }
        return new Builder(options);
    }

    /**
     * Returns the longest time a single attempt may run; the worker interrupts an attempt that runs longer and
     * counts it as failed with a {@code TimeoutFailure} of type {@code START_TO_CLOSE}.
     *
     * @return the timeout, or {@code null} if unset
     */
    public Duration getStartToCloseTimeout() {
        return startToCloseTimeout;
    }

    /**
     * Returns the longest time the local activity may take from the workflow's call to its outcome, all attempts,
     * local backoffs and retry timers included.
     *
     * @return the timeout, or {@code null} if unset
     */
    public Duration getScheduleToCloseTimeout() {
        return scheduleToCloseTimeout;
    }

    /**
     * Returns the retry policy of the attempts.
     *
     * @return the policy, or {@code null} for {@link RetryPolicy#getDefaultInstance()}
     */
    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns how long, counted from the workflow's call, failed attempts are retried inside the workflow task
     * (sleeping the backoff on the worker); a retry whose backoff would end past it waits on a workflow timer.
     *
     * @return the threshold; never {@code null}
     */
    public Duration getLocalRetryThreshold() {
        return localRetryThreshold;
    }

    /**
     * Returns whether the {@code MarkerRecorded} event of the local activity leaves out its arguments.
     *
     * @return {@code true} if the arguments are not recorded
     */
    public boolean isDoNotIncludeArgumentsIntoMarker() {
        return doNotIncludeArgumentsIntoMarker;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LocalActivityOptions)) {
            return false;
        }
        LocalActivityOptions that = (LocalActivityOptions) o;
        return doNotIncludeArgumentsIntoMarker == that.doNotIncludeArgumentsIntoMarker
                && Objects.equals(startToCloseTimeout, that.startToCloseTimeout)
                && Objects.equals(scheduleToCloseTimeout, that.scheduleToCloseTimeout)
                && Objects.equals(retryPolicy, that.retryPolicy)
                && localRetryThreshold.equals(that.localRetryThreshold);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startToCloseTimeout, scheduleToCloseTimeout, retryPolicy, localRetryThreshold,
                doNotIncludeArgumentsIntoMarker);
    }

    @Override
    public String toString() {
        return "LocalActivityOptions{startToCloseTimeout=" + startToCloseTimeout + ", scheduleToCloseTimeout="
                + scheduleToCloseTimeout + ", retryPolicy=" + retryPolicy + ", localRetryThreshold="
                + localRetryThreshold + ", doNotIncludeArgumentsIntoMarker=" + doNotIncludeArgumentsIntoMarker + "}";
    }

    private static Duration requirePositive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("LocalActivityOptions." + option + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * Builds {@link LocalActivityOptions}.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private Duration startToCloseTimeout;
        private Duration scheduleToCloseTimeout;
        private RetryPolicy retryPolicy;
        private Duration localRetryThreshold = DEFAULT_LOCAL_RETRY_THRESHOLD;
        private boolean doNotIncludeArgumentsIntoMarker;

        private Builder() {
        }

        private Builder(LocalActivityOptions options) {
            this.startToCloseTimeout = options.startToCloseTimeout;
            this.scheduleToCloseTimeout = options.scheduleToCloseTimeout;
            this.retryPolicy = options.retryPolicy;
            this.localRetryThreshold = options.localRetryThreshold;
            this.doNotIncludeArgumentsIntoMarker = options.doNotIncludeArgumentsIntoMarker;
        }

        /**
         * Sets the longest time a single attempt may run.
         *
         * @param startToCloseTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder setStartToCloseTimeout(Duration startToCloseTimeout) {
            this.startToCloseTimeout = requirePositive("startToCloseTimeout", startToCloseTimeout);
            return this;
        }

        /**
         * Sets the longest time from the workflow's call to the outcome, all attempts included.
         *
         * @param scheduleToCloseTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder setScheduleToCloseTimeout(Duration scheduleToCloseTimeout) {
            this.scheduleToCloseTimeout = requirePositive("scheduleToCloseTimeout", scheduleToCloseTimeout);
            return this;
        }

        /**
         * Sets the retry policy of the attempts, as {@code ActivityOptions.Builder#setRetryPolicy} does.
         *
         * @param retryPolicy the policy; {@code null} for the default policy
         * @return this builder
         */
        public Builder setRetryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Sets how long, counted from the workflow's call, failed attempts are retried inside the workflow task;
         * later retries wait on a workflow timer (default {@link #DEFAULT_LOCAL_RETRY_THRESHOLD}).
         *
         * @param localRetryThreshold a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder setLocalRetryThreshold(Duration localRetryThreshold) {
            this.localRetryThreshold = requirePositive("localRetryThreshold", localRetryThreshold);
            return this;
        }

        /**
         * Sets whether the {@code MarkerRecorded} event leaves out the arguments (for large or sensitive ones).
         *
         * @param doNotInclude {@code true} to leave them out
         * @return this builder
         */
        public Builder setDoNotIncludeArgumentsIntoMarker(boolean doNotInclude) {
            this.doNotIncludeArgumentsIntoMarker = doNotInclude;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never {@code null}
         * @throws IllegalStateException if neither the start-to-close nor the schedule-to-close timeout is set
         */
        public LocalActivityOptions build() {
            if (startToCloseTimeout == null && scheduleToCloseTimeout == null) {
                throw new IllegalStateException("LocalActivityOptions need a timeout: neither startToCloseTimeout nor"
                        + " scheduleToCloseTimeout is set. Call setStartToCloseTimeout(Duration.ofSeconds(5)) (the"
                        + " longest one attempt may run) or setScheduleToCloseTimeout(..)");
            }
            return new LocalActivityOptions(this);
        }
    }
}
