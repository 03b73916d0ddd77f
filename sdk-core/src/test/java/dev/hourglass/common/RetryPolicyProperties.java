package dev.hourglass.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyProperties {

    @Property
    void backoffIsNonDecreasingInAttemptAndStaysBetweenInitialAndMaximum(
            @ForAll @LongRange(min = 1, max = 86_400_000L) long initialMillis,
            @ForAll @DoubleRange(min = 1.0, max = 10.0) double coefficient,
            @ForAll @LongRange(min = 1, max = 1_000_000) long maximumFactor,
            @ForAll @IntRange(min = 1, max = 1_000) int attempt) {
        Duration initial = Duration.ofMillis(initialMillis);
        Duration maximum = initial.multipliedBy(maximumFactor);
        RetryPolicy policy =
                RetryPolicy.newBuilder()
                        .setInitialInterval(initial)
                        .setBackoffCoefficient(coefficient)
                        .setMaximumInterval(maximum)
                        .build();

        Duration current = policy.backoffAfterAttempt(attempt);
        Duration next = policy.backoffAfterAttempt(attempt + 1);

        assertThat(current).isBetween(initial, maximum);
        assertThat(next).isGreaterThanOrEqualTo(current).isLessThanOrEqualTo(maximum);
    }

    @Property
    void backoffNeverExceedsTheMaximumForAnyAttempt(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 1_000) long initialNanos,
            @ForAll @DoubleRange(min = 1.0, max = 1_000.0) double coefficient,
            @ForAll @IntRange(min = 1) int attempt) {
        RetryPolicy policy =
                RetryPolicy.newBuilder()
                        .setInitialInterval(Duration.ofNanos(initialNanos))
                        .setBackoffCoefficient(coefficient)
                        .build();

        assertThat(policy.backoffAfterAttempt(attempt)).isLessThanOrEqualTo(policy.getMaximumInterval());
    }
}
