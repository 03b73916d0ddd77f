package dev.hourglass.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsAreOneSecondDoublingUpToHundredSecondsWithUnlimitedAttempts() {
        RetryPolicy policy = RetryPolicy.newBuilder().build();

        assertThat(policy.getInitialInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.getBackoffCoefficient()).isEqualTo(2.0);
        assertThat(policy.getMaximumInterval()).isEqualTo(Duration.ofSeconds(100));
        assertThat(policy.getMaximumAttempts()).isZero();
        assertThat(policy.getDoNotRetry()).isEmpty();
    }

    @Test
    void defaultInstanceEqualsAFreshlyBuiltPolicy() {
        assertThat(RetryPolicy.getDefaultInstance()).isEqualTo(RetryPolicy.newBuilder().build());
    }

    @Test
    void unsetMaximumIntervalIsHundredTimesTheInitialInterval() {
        RetryPolicy policy = RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(250)).build();

        assertThat(policy.getMaximumInterval()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void unsetMaximumIntervalSaturatesInsteadOfOverflowing() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE / 10);

        RetryPolicy policy = RetryPolicy.newBuilder().setInitialInterval(huge).build();

        assertThat(policy.getMaximumInterval()).isGreaterThanOrEqualTo(huge);
    }

    @Test
    void rejectsZeroInitialIntervalNamingTheOptionAndValue() {
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setInitialInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialInterval")
                .hasMessageContaining("PT0S");
    }

    @Test
    void rejectsNullInitialInterval() {
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setInitialInterval(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialInterval");
    }

    @Test
    void rejectsBackoffCoefficientBelowOne() {
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setBackoffCoefficient(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backoffCoefficient")
                .hasMessageContaining("0.5");
    }

    @Test
    void rejectsNanAndInfiniteBackoffCoefficient() {
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setBackoffCoefficient(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setBackoffCoefficient(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }

    @Test
    void acceptsBackoffCoefficientOfExactlyOne() {
        RetryPolicy policy = RetryPolicy.newBuilder().setBackoffCoefficient(1.0).build();

        assertThat(policy.backoffAfterAttempt(10)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsNegativeMaximumInterval() {
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setMaximumInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumInterval")
                .hasMessageContaining("PT-1S");
    }

    @Test
    void buildRejectsMaximumIntervalShorterThanInitialInterval() {
        RetryPolicy.Builder builder =
                RetryPolicy.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(10))
                        .setMaximumInterval(Duration.ofSeconds(5));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maximumInterval (PT5S)")
                .hasMessageContaining("initialInterval (PT10S)");
    }

    @Test
    void rejectsNegativeMaximumAttempts() {
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setMaximumAttempts(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumAttempts")
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsNullDoNotRetryType() {
        assertThatThrownBy(() -> RetryPolicy.newBuilder().setDoNotRetry("A", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doNotRetry")
                .hasMessageContaining("[A, null]");
    }

    @Test
    void doNotRetryListIsUnmodifiable() {
        RetryPolicy policy = RetryPolicy.newBuilder().setDoNotRetry("InsufficientFunds").build();

        assertThat(policy.getDoNotRetry()).containsExactly("InsufficientFunds");
        assertThatThrownBy(() -> policy.getDoNotRetry().add("Other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void doNotRetryIsNotAffectedByLaterChangesToTheArrayPassedIn() {
        String[] types = {"A", "B"};
        RetryPolicy policy = RetryPolicy.newBuilder().setDoNotRetry(types).build();

        types[0] = "Changed";

        assertThat(policy.getDoNotRetry()).isEqualTo(List.of("A", "B"));
    }

    @Test
    void backoffDoublesFromTheInitialIntervalUntilCappedAtTheMaximum() {
        RetryPolicy policy = RetryPolicy.newBuilder().setMaximumInterval(Duration.ofSeconds(10)).build();

        assertThat(policy.backoffAfterAttempt(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfterAttempt(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfterAttempt(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffAfterAttempt(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoffAfterAttempt(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfterAttempt(6)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void backoffKeepsSubSecondPrecision() {
        RetryPolicy policy =
                RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(100)).setBackoffCoefficient(1.5).build();

        assertThat(policy.backoffAfterAttempt(2)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy.backoffAfterAttempt(3)).isEqualTo(Duration.ofMillis(225));
    }

    @Test
    void largeAttemptNumbersGiveTheMaximumIntervalWithoutOverflowing() {
        RetryPolicy policy = RetryPolicy.newBuilder().setMaximumInterval(Duration.ofMinutes(5)).build();

        assertThat(policy.backoffAfterAttempt(64)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoffAfterAttempt(10_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoffAfterAttempt(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void largeAttemptNumbersWithALongestPossibleMaximumDoNotOverflow() {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        RetryPolicy policy = RetryPolicy.newBuilder().setMaximumInterval(longest).build();

        assertThat(policy.backoffAfterAttempt(Integer.MAX_VALUE)).isEqualTo(longest);
    }

    @Test
    void backoffRejectsAttemptBelowOne() {
        assertThatThrownBy(() -> RetryPolicy.getDefaultInstance().backoffAfterAttempt(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempt")
                .hasMessageContaining("was 0");
    }

    @Test
    void retryableFailureIsRetriedWhenAttemptsAreUnlimited() {
        assertThat(RetryPolicy.getDefaultInstance().isRetryable("Timeout", false, 1_000)).isTrue();
    }

    @Test
    void nonRetryableFailureIsNotRetried() {
        assertThat(RetryPolicy.getDefaultInstance().isRetryable("Timeout", true, 1)).isFalse();
    }

    @Test
    void failureTypeListedInDoNotRetryIsNotRetried() {
        RetryPolicy policy = RetryPolicy.newBuilder().setDoNotRetry("InsufficientFunds").build();

        assertThat(policy.isRetryable("InsufficientFunds", false, 1)).isFalse();
        assertThat(policy.isRetryable("Timeout", false, 1)).isTrue();
    }

    @Test
    void nullFailureTypeIsRetryable() {
        RetryPolicy policy = RetryPolicy.newBuilder().setDoNotRetry("InsufficientFunds").build();

        assertThat(policy.isRetryable(null, false, 1)).isTrue();
    }

    @Test
    void lastAllowedAttemptIsNotRetried() {
        RetryPolicy policy = RetryPolicy.newBuilder().setMaximumAttempts(3).build();

        assertThat(policy.isRetryable("Timeout", false, 2)).isTrue();
        assertThat(policy.isRetryable("Timeout", false, 3)).isFalse();
    }

    @Test
    void singleAttemptPolicyNeverRetries() {
        RetryPolicy policy = RetryPolicy.newBuilder().setMaximumAttempts(1).build();

        assertThat(policy.isRetryable("Timeout", false, 1)).isFalse();
    }

    @Test
    void copiedBuilderProducesAnEqualPolicy() {
        RetryPolicy policy =
                RetryPolicy.newBuilder()
                        .setInitialInterval(Duration.ofMillis(500))
                        .setBackoffCoefficient(3.0)
                        .setMaximumInterval(Duration.ofMinutes(1))
                        .setMaximumAttempts(7)
                        .setDoNotRetry("A", "B")
                        .build();

        RetryPolicy copy = RetryPolicy.newBuilder(policy).build();

        assertThat(copy).isEqualTo(policy).hasSameHashCodeAs(policy);
        assertThat(copy.toString()).isEqualTo(policy.toString());
    }

    @Test
    void copyKeepsAnUnsetMaximumIntervalFollowingTheInitialInterval() {
        RetryPolicy copy =
                RetryPolicy.newBuilder(RetryPolicy.getDefaultInstance())
                        .setInitialInterval(Duration.ofSeconds(2))
                        .build();

        assertThat(copy.getMaximumInterval()).isEqualTo(Duration.ofSeconds(200));
    }

    @Test
    void policiesDifferingInOneOptionAreNotEqual() {
        RetryPolicy policy = RetryPolicy.getDefaultInstance();

        assertThat(RetryPolicy.newBuilder().setMaximumAttempts(2).build()).isNotEqualTo(policy);
        assertThat(RetryPolicy.newBuilder().setBackoffCoefficient(3).build()).isNotEqualTo(policy);
        assertThat(RetryPolicy.newBuilder().setDoNotRetry("A").build()).isNotEqualTo(policy);
    }

    @Test
    void toStringShowsEveryEffectiveOption() {
        assertThat(RetryPolicy.newBuilder().setMaximumAttempts(3).setDoNotRetry("A").build())
                .hasToString(
                        "RetryPolicy{initialInterval=PT1S, backoffCoefficient=2.0, maximumInterval=PT1M40S, "
                                + "maximumAttempts=3, doNotRetry=[A]}");
    }
}
