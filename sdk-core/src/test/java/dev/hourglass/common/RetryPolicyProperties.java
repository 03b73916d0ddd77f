package dev.hourglass.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backoff of a retry policy stays between its initial and maximum interval and never shrinks as attempts
 * go on, whatever the options.
 *
 * <p>Each seeded case draws its options and attempt from the seed in its name; the edge cases take every
 * combination of the ends of each range and the value just above its lower end. A failure prints the seed
 * and the call that failed, as code; re-run one seed by calling the test method with it from a plain
 * {@code @Test}.
 */
class RetryPolicyProperties {

    private static final long MOST_INITIAL_MILLIS = 86_400_000L;
    private static final double MOST_COEFFICIENT = 10.0;
    private static final long MOST_MAXIMUM_FACTOR = 1_000_000L;
    private static final int MOST_ATTEMPT = 1_000;

    private static final long MOST_INITIAL_NANOS = Long.MAX_VALUE / 1_000;
    private static final double MOST_DEFAULT_CAP_COEFFICIENT = 1_000.0;

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void backoffStaysBetweenTheInitialAndTheMaximumInterval(long seed) {
        staysBetweenInitialAndMaximum(Capped.draw(seed), "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cappedEdges")
    void backoffStaysBetweenTheInitialAndTheMaximumIntervalAtTheEndsOfTheRanges(Capped backoff) {
        staysBetweenInitialAndMaximum(backoff, "edge case");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void backoffNeverDecreasesFromOneAttemptToTheNext(long seed) {
        neverDecreases(Capped.draw(seed), "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cappedEdges")
    void backoffNeverDecreasesFromOneAttemptToTheNextAtTheEndsOfTheRanges(Capped backoff) {
        neverDecreases(backoff, "edge case");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void backoffNeverExceedsTheDefaultMaximumForAnyAttempt(long seed) {
        neverExceedsTheDefaultMaximum(DefaultCap.draw(seed), "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultCapEdges")
    void backoffNeverExceedsTheDefaultMaximumForAnyAttemptAtTheEndsOfTheRanges(DefaultCap backoff) {
        neverExceedsTheDefaultMaximum(backoff, "edge case");
    }

    private static void staysBetweenInitialAndMaximum(Capped backoff, String which) {
        assertThat(backoff.policy().backoffAfterAttempt(backoff.attempt()))
                .as("%s: %s", which, backoff)
                .isBetween(backoff.initial(), backoff.maximum());
    }

    private static void neverDecreases(Capped backoff, String which) {
        RetryPolicy policy = backoff.policy();

        assertThat(policy.backoffAfterAttempt(backoff.attempt() + 1))
                .as("%s: %s, then attempt %d", which, backoff, backoff.attempt() + 1)
                .isGreaterThanOrEqualTo(policy.backoffAfterAttempt(backoff.attempt()))
                .isLessThanOrEqualTo(backoff.maximum());
    }

    private static void neverExceedsTheDefaultMaximum(DefaultCap backoff, String which) {
        RetryPolicy policy = backoff.policy();

        assertThat(policy.backoffAfterAttempt(backoff.attempt()))
                .as("%s: %s", which, backoff)
                .isLessThanOrEqualTo(policy.getMaximumInterval());
    }

    /** Every combination of the ends of each range and the value just above the lower end. */
    static List<Capped> cappedEdges() {
        List<Capped> edges = new ArrayList<>();
        for (long initialMillis : new long[] {1, 2, MOST_INITIAL_MILLIS}) {
            for (double coefficient : new double[] {1.0, Math.nextUp(1.0), MOST_COEFFICIENT}) {
                for (long factor : new long[] {1, 2, MOST_MAXIMUM_FACTOR}) {
                    for (int attempt : new int[] {1, 2, MOST_ATTEMPT}) {
                        edges.add(new Capped(initialMillis, coefficient, factor, attempt));
                    }
                }
            }
        }
        return edges;
    }

    /** Every combination of the ends of each range and the value just above the lower end. */
    static List<DefaultCap> defaultCapEdges() {
        List<DefaultCap> edges = new ArrayList<>();
        for (long initialNanos : new long[] {1, 2, MOST_INITIAL_NANOS}) {
            for (double coefficient : new double[] {1.0, Math.nextUp(1.0), MOST_DEFAULT_CAP_COEFFICIENT}) {
                for (int attempt : new int[] {1, 2, Integer.MAX_VALUE}) {
                    edges.add(new DefaultCap(initialNanos, coefficient, attempt));
                }
            }
        }
        return edges;
    }

    /**
     * A policy with an explicit maximum, {@code maximumFactor} times the initial interval, and the attempt whose
     * backoff is checked.
     */
    record Capped(long initialMillis, double coefficient, long maximumFactor, int attempt) {

        static Capped draw(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return new Capped(
                    Draw.longBetween(random, 1, MOST_INITIAL_MILLIS),
                    Draw.doubleBetween(random, 1.0, MOST_COEFFICIENT),
                    Draw.longBetween(random, 1, MOST_MAXIMUM_FACTOR),
                    (int) Draw.longBetween(random, 1, MOST_ATTEMPT));
        }

        Duration initial() {
            return Duration.ofMillis(initialMillis);
        }

        Duration maximum() {
            return initial().multipliedBy(maximumFactor);
        }

        RetryPolicy policy() {
            return RetryPolicy.newBuilder()
                    .setInitialInterval(initial())
                    .setBackoffCoefficient(coefficient)
                    .setMaximumInterval(maximum())
                    .build();
        }

        /** The call that is checked, as code that makes it again. */
        @Override
        public String toString() {
            return "RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(" + initialMillis + "))"
                    + ".setBackoffCoefficient(" + coefficient + ")"
                    + ".setMaximumInterval(Duration.ofMillis(" + initialMillis + ").multipliedBy(" + maximumFactor
                    + ")).build().backoffAfterAttempt(" + attempt + ")";
        }
    }

    /** A policy whose maximum is the default one, 100 times its initial interval, and the attempt checked. */
    record DefaultCap(long initialNanos, double coefficient, int attempt) {

        static DefaultCap draw(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return new DefaultCap(
                    Draw.longBetween(random, 1, MOST_INITIAL_NANOS),
                    Draw.doubleBetween(random, 1.0, MOST_DEFAULT_CAP_COEFFICIENT),
                    (int) Draw.longBetween(random, 1, Integer.MAX_VALUE));
        }

        RetryPolicy policy() {
            return RetryPolicy.newBuilder()
                    .setInitialInterval(Duration.ofNanos(initialNanos))
                    .setBackoffCoefficient(coefficient)
                    .build();
        }

        /** The call that is checked, as code that makes it again. */
        @Override
        public String toString() {
            return "RetryPolicy.newBuilder().setInitialInterval(Duration.ofNanos(" + initialNanos + "))"
                    + ".setBackoffCoefficient(" + coefficient + ").build().backoffAfterAttempt(" + attempt + ")";
        }
    }

    /**
     * Draws numbers in a range the way a property test wants them: an end of the range an eighth of the time,
     * small values as often as large ones (a uniform draw over a wide range would almost never give a small
     * attempt or interval), and otherwise uniformly.
     */
    static final class Draw {

        private Draw() {}

        static long longBetween(SplittableRandom random, long min, long max) {
            switch (random.nextInt(8)) {
                case 0:
                    return random.nextBoolean() ? min : Math.min(min + 1, max);
                case 1:
                    return random.nextBoolean() ? max : Math.max(max - 1, min);
                case 2:
                case 3:
                case 4:
                    // as many values below 2^k as between 2^k and 2^(k+1): uniform over the bit length
                    int bits = 1 + random.nextInt(64 - Long.numberOfLeadingZeros(max));
                    long value = random.nextLong(1L << (bits - 1), bits == 63 ? Long.MAX_VALUE : 1L << bits);
                    return Math.max(min, Math.min(max, value));
                default:
                    return random.nextLong(min, max + 1);
            }
        }

        static double doubleBetween(SplittableRandom random, double min, double max) {
            switch (random.nextInt(8)) {
                case 0:
                    return random.nextBoolean() ? min : Math.nextUp(min);
                case 1:
                    return random.nextBoolean() ? max : Math.nextDown(max);
                case 2:
                    // just above the minimum, where powers grow slowest
                    return min + random.nextDouble() * Math.ulp(min) * 1_000;
                case 3:
                    // two decimals, as people write coefficients
                    return Math.min(max, Math.round((min + random.nextDouble() * (max - min)) * 100) / 100.0);
                default:
                    return random.nextDouble(min, max);
            }
        }
    }
}
