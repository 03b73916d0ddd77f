package dev.hourglass.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a failed activity is retried: exponential backoff between attempts, an optional cap on the number of
 * attempts, and failure types that are never retried.
 *
 * <p>Instances are immutable; build one with {@link #newBuilder()}:
 *
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.newBuilder()
 *     .setInitialInterval(Duration.ofSeconds(1))
 *     .setBackoffCoefficient(2.0)
 *     .setMaximumInterval(Duration.ofMinutes(1))
 *     .setMaximumAttempts(5)
 *     .setDoNotRetry("InsufficientFunds")
 *     .build();
 * }</pre>
 *
 * <p>The wait before attempt {@code n + 1} is {@code initialInterval × backoffCoefficient^(n − 1)}, capped at
 * {@code maximumInterval}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RetryPolicy {

    private static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
    private static final double DEFAULT_BACKOFF_COEFFICIENT = 2.0;
    private static final int DEFAULT_MAXIMUM_INTERVAL_FACTOR = 100;
    private static final Duration LONGEST_DURATION = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private static final RetryPolicy DEFAULT_INSTANCE = newBuilder().build();

    private final Duration initialInterval;
    private final double backoffCoefficient;
    private final Duration explicitMaximumInterval;
    private final Duration maximumInterval;
    private final int maximumAttempts;
    private final List<String> doNotRetry;

    private RetryPolicy(Builder builder) {
        this.initialInterval = builder.initialInterval;
        this.backoffCoefficient = builder.backoffCoefficient;
        this.explicitMaximumInterval = builder.maximumInterval;
        this.maximumInterval =
                builder.maximumInterval != null
                        ? builder.maximumInterval
                        : saturatedMultiply(builder.initialInterval, DEFAULT_MAXIMUM_INTERVAL_FACTOR);
        this.maximumAttempts = builder.maximumAttempts;
        this.doNotRetry = Collections.unmodifiableList(new ArrayList<>(builder.doNotRetry));
    }

    /**
     * Returns a builder with every option at its default.
     *
     * @return a new builder, never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with the options of {@code policy}.
     *
     * <p>A maximum interval left unset in {@code policy} stays unset, so it keeps following the initial
     * interval if that is changed on the builder.
     *
     * @param policy the policy to copy; must not be {@code null}
     * @return a new builder, never {@code null}
     * @throws IllegalArgumentException if {@code policy} is {@code null}
     */
    public static Builder newBuilder(RetryPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy to copy must not be null");
        }
        return new Builder(policy);
    }

    /**
     * Returns the policy with every option at its default: 1 s initial interval, coefficient 2.0, maximum
     * interval 100 s, unlimited attempts, no non-retryable failure types.
     *
     * @return the default policy, never {@code null}
     */
    public static RetryPolicy getDefaultInstance() {
        return DEFAULT_INSTANCE;
    }

    /**
     * Returns the wait before the first retry.
     *
     * @return a positive duration, never {@code null}
     */
    public Duration getInitialInterval() {
        return initialInterval;
    }

    /**
     * Returns the factor by which the wait grows after each attempt.
     *
     * @return a finite value of at least {@code 1.0}
     */
    public double getBackoffCoefficient() {
        return backoffCoefficient;
    }

    /**
     * Returns the longest wait between two attempts.
     *
     * <p>When none was set this is 100 times the initial interval.
     *
     * @return the effective maximum interval, never {@code null}
     */
    public Duration getMaximumInterval() {
        return maximumInterval;
    }

    /**
     * Returns the greatest number of attempts, counting the first one.
     *
     * @return the limit, or {@code 0} for unlimited attempts
     */
    public int getMaximumAttempts() {
        return maximumAttempts;
    }

    /**
     * Returns the failure types that are never retried.
     *
     * @return an unmodifiable list, never {@code null}, possibly empty
     */
    public List<String> getDoNotRetry() {
        return doNotRetry;
    }

    /**
     * Returns the wait between attempt {@code attempt} failing and the next attempt starting.
     *
     * <p>The wait is {@code initialInterval × backoffCoefficient^(attempt − 1)}, capped at the maximum
     * interval; very large attempt numbers give the maximum interval, never an overflow.
     *
     * @param attempt the number of the attempt that just failed, counting from {@code 1}
     * @return the wait, never {@code null}, between the initial and the maximum interval
     * @throws IllegalArgumentException if {@code attempt} is less than {@code 1}
     */
    public Duration backoffAfterAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1 (attempts count from 1), was " + attempt);
        }
        double nanos = toNanos(initialInterval) * Math.pow(backoffCoefficient, attempt - 1d);
        if (!(nanos < toNanos(maximumInterval))) {
            return maximumInterval;
        }
        double seconds = Math.floor(nanos / NANOS_PER_SECOND);
        long nanoAdjustment = Math.round(nanos - seconds * NANOS_PER_SECOND);
        Duration backoff = Duration.ofSeconds((long) seconds, nanoAdjustment);
        if (backoff.compareTo(initialInterval) < 0) {
            return initialInterval;
        }
        return backoff.compareTo(maximumInterval) > 0 ? maximumInterval : backoff;
    }

    /**
     * Tells whether a failed attempt should be followed by another one.
     *
     * @param failureType the type of the failure, such as an {@code ApplicationFailure} type; may be {@code null}
     * @param nonRetryable whether the failure itself was marked non-retryable
     * @param attempt the number of the attempt that just failed, counting from {@code 1}
     * @return {@code true} if the failure is retryable, its type is not in {@link #getDoNotRetry()} and the
     *     maximum number of attempts has not been reached
     */
    public boolean isRetryable(String failureType, boolean nonRetryable, int attempt) {
        return !nonRetryable
                && !doNotRetry.contains(failureType)
                && (maximumAttempts == 0 || attempt < maximumAttempts);
    }

    private static double toNanos(Duration duration) {
        return duration.getSeconds() * NANOS_PER_SECOND + duration.getNano();
    }

    private static Duration saturatedMultiply(Duration duration, int factor) {
        try {
            return duration.multipliedBy(factor);
        } catch (ArithmeticException overflow) {
            return LONGEST_DURATION;
        }
    }

    /**
     * Tells whether {@code o} is a retry policy with the same effective options.
     *
     * @param o the object to compare with; may be {@code null}
     * @return {@code true} if every getter returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy that = (RetryPolicy) o;
        return Double.compare(backoffCoefficient, that.backoffCoefficient) == 0
                && maximumAttempts == that.maximumAttempts
                && initialInterval.equals(that.initialInterval)
                && maximumInterval.equals(that.maximumInterval)
                && doNotRetry.equals(that.doNotRetry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialInterval, backoffCoefficient, maximumInterval, maximumAttempts, doNotRetry);
    }

    @Override
    public String toString() {
        return "RetryPolicy{initialInterval=" + initialInterval
                + ", backoffCoefficient=" + backoffCoefficient
                + ", maximumInterval=" + maximumInterval
                + ", maximumAttempts=" + maximumAttempts
                + ", doNotRetry=" + doNotRetry
                + '}';
    }

    /**
     * Builds a {@link RetryPolicy}; every setter returns this builder.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private Duration initialInterval = DEFAULT_INITIAL_INTERVAL;
        private double backoffCoefficient = DEFAULT_BACKOFF_COEFFICIENT;
        private Duration maximumInterval;
        private int maximumAttempts;
        private List<String> doNotRetry = List.of();

        private Builder() {}

        private Builder(RetryPolicy policy) {
            this.initialInterval = policy.initialInterval;
            this.backoffCoefficient = policy.backoffCoefficient;
            this.maximumInterval = policy.explicitMaximumInterval;
            this.maximumAttempts = policy.maximumAttempts;
            this.doNotRetry = policy.doNotRetry;
        }

        /**
         * Sets the wait before the first retry; the default is 1 second.
         *
         * @param initialInterval a positive duration; must not be {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code initialInterval} is {@code null}, zero or negative
         */
        public Builder setInitialInterval(Duration initialInterval) {
            if (initialInterval == null || initialInterval.isZero() || initialInterval.isNegative()) {
                throw new IllegalArgumentException("initialInterval must be positive, was " + initialInterval);
            }
            this.initialInterval = initialInterval;
            return this;
        }

        /**
         * Sets the factor by which the wait grows after each attempt; the default is {@code 2.0}.
         *
         * @param backoffCoefficient a finite value of at least {@code 1.0}; {@code 1.0} means a constant wait
         * @return this builder
         * @throws IllegalArgumentException if {@code backoffCoefficient} is less than {@code 1.0}, infinite or NaN
         */
        public Builder setBackoffCoefficient(double backoffCoefficient) {
            if (!(backoffCoefficient >= 1.0) || Double.isInfinite(backoffCoefficient)) {
                throw new IllegalArgumentException(
                        "backoffCoefficient must be a finite number >= 1.0, was " + backoffCoefficient);
            }
            this.backoffCoefficient = backoffCoefficient;
            return this;
        }

        /**
         * Sets the longest wait between two attempts; by default it is 100 times the initial interval.
         *
         * <p>{@link #build()} checks that it is not shorter than the initial interval.
         *
         * @param maximumInterval a positive duration, or {@code null} for the default
         * @return this builder
         * @throws IllegalArgumentException if {@code maximumInterval} is zero or negative
         */
        public Builder setMaximumInterval(Duration maximumInterval) {
            if (maximumInterval != null && (maximumInterval.isZero() || maximumInterval.isNegative())) {
                throw new IllegalArgumentException("maximumInterval must be positive, was " + maximumInterval);
            }
            this.maximumInterval = maximumInterval;
            return this;
        }

        /**
         * Sets the greatest number of attempts, counting the first one; the default {@code 0} means unlimited.
         *
         * @param maximumAttempts {@code 0} for unlimited, otherwise a positive number
         * @return this builder
         * @throws IllegalArgumentException if {@code maximumAttempts} is negative
         */
        public Builder setMaximumAttempts(int maximumAttempts) {
            if (maximumAttempts < 0) {
                throw new IllegalArgumentException(
                        "maximumAttempts must be >= 0 (0 means unlimited), was " + maximumAttempts);
            }
            this.maximumAttempts = maximumAttempts;
            return this;
        }

        /**
         * Sets the failure types that are never retried, replacing any set before; the default is none.
         *
         * <p>A failure type is the {@code type} of an {@code ApplicationFailure}, which for an exception thrown by
         * an activity is its fully qualified class name.
         *
         * @param failureTypes the types; neither the array nor its elements may be {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code failureTypes} or one of its elements is {@code null}
         */
        public Builder setDoNotRetry(String... failureTypes) {
            if (failureTypes == null) {
                throw new IllegalArgumentException("doNotRetry must not be null, was null");
            }
            for (String failureType : failureTypes) {
                if (failureType == null) {
                    throw new IllegalArgumentException(
                            "doNotRetry must not contain null, was " + Arrays.toString(failureTypes));
                }
            }
            this.doNotRetry = List.of(failureTypes);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return a new immutable policy, never {@code null}
         * @throws IllegalStateException if the maximum interval is shorter than the initial interval
         */
        public RetryPolicy build() {
            if (maximumInterval != null && maximumInterval.compareTo(initialInterval) < 0) {
                throw new IllegalStateException(
                        "maximumInterval (" + maximumInterval + ") must not be shorter than initialInterval ("
                                + initialInterval + "): raise it with setMaximumInterval(..) or lower setInitialInterval(..)");
            }
            return new RetryPolicy(this);
        }
    }
}
