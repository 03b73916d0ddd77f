package dev.hourglass.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActivityOptionsTest {

    @Test
    void buildWithoutAnyCloseTimeoutSaysWhichToSet() {
        assertThatThrownBy(() -> ActivityOptions.newBuilder().setHeartbeatTimeout(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "ActivityOptions needs a startToCloseTimeout or a scheduleToCloseTimeout: set one with "
                                + "ActivityOptions.newBuilder().setStartToCloseTimeout(");
    }

    @Test
    void startToCloseTimeoutAloneIsEnough() {
        ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build();

        assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.getScheduleToCloseTimeout()).isNull();
    }

    @Test
    void scheduleToCloseTimeoutAloneIsEnough() {
        ActivityOptions options = ActivityOptions.newBuilder().setScheduleToCloseTimeout(Duration.ofMinutes(5)).build();

        assertThat(options.getScheduleToCloseTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.getStartToCloseTimeout()).isNull();
    }

    @Test
    void unsetOptionsAreNull() {
        ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(1)).build();

        assertThat(options.getHeartbeatTimeout()).isNull();
        assertThat(options.getRetryPolicy()).isNull();
        assertThat(options.getTaskQueue()).isNull();
    }

    @Test
    void keepsEveryOptionSet() {
        RetryPolicy retry = RetryPolicy.newBuilder().setMaximumAttempts(3).build();

        ActivityOptions options =
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                        .setHeartbeatTimeout(Duration.ofSeconds(5))
                        .setRetryPolicy(retry)
                        .setTaskQueue("payments")
                        .build();

        assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.getScheduleToCloseTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.getHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.getRetryPolicy()).isSameAs(retry);
        assertThat(options.getTaskQueue()).isEqualTo("payments");
    }

    @Test
    void rejectsZeroStartToCloseTimeoutNamingTheOptionAndValue() {
        assertThatThrownBy(() -> ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startToCloseTimeout must be positive, was PT0S");
    }

    @Test
    void rejectsNegativeScheduleToCloseTimeout() {
        assertThatThrownBy(() -> ActivityOptions.newBuilder().setScheduleToCloseTimeout(Duration.ofSeconds(-3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheduleToCloseTimeout must be positive, was PT-3S");
    }

    @Test
    void rejectsNegativeHeartbeatTimeout() {
        assertThatThrownBy(() -> ActivityOptions.newBuilder().setHeartbeatTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeatTimeout");
    }

    @Test
    void rejectsBlankTaskQueue() {
        assertThatThrownBy(() -> ActivityOptions.newBuilder().setTaskQueue(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taskQueue must not be blank, was ' '");
    }

    @Test
    void copiedBuilderProducesEqualOptions() {
        ActivityOptions options =
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setHeartbeatTimeout(Duration.ofSeconds(5))
                        .setRetryPolicy(RetryPolicy.getDefaultInstance())
                        .setTaskQueue("payments")
                        .build();

        ActivityOptions copy = ActivityOptions.newBuilder(options).build();

        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
    }

    @Test
    void changingACopiedBuilderLeavesTheOriginalUnchanged() {
        ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build();

        ActivityOptions changed =
                ActivityOptions.newBuilder(options).setStartToCloseTimeout(Duration.ofSeconds(60)).build();

        assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(changed).isNotEqualTo(options);
    }

    @Test
    void toStringNamesTheOptions() {
        ActivityOptions options =
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).setTaskQueue("q").build();

        assertThat(options)
                .hasToString(
                        "ActivityOptions{startToCloseTimeout=PT30S, scheduleToCloseTimeout=null, heartbeatTimeout=null, "
                                + "retryPolicy=null, taskQueue='q', scheduleToStartTimeout=null, "
                                + "cancellationType=TRY_CANCEL}");
    }

    @Test
    void cancellationTypeIsTryCancelUnlessSet() {
        ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build();

        assertThat(options.getCancellationType()).isEqualTo(ActivityCancellationType.TRY_CANCEL);
    }

    @Test
    void copiedOptionsKeepTheCancellationTypeAndScheduleToStartTimeout() {
        ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
                .setCancellationType(ActivityCancellationType.ABANDON)
                .setScheduleToStartTimeout(Duration.ofMinutes(1)).build();

        ActivityOptions copy = ActivityOptions.newBuilder(options).build();

        assertThat(copy).isEqualTo(options);
        assertThat(copy.getCancellationType()).isEqualTo(ActivityCancellationType.ABANDON);
        assertThat(copy.getScheduleToStartTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void rejectsANullCancellationType() {
        assertThatThrownBy(() -> ActivityOptions.newBuilder().setCancellationType(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cancellationType must not be null; the default is TRY_CANCEL");
    }

    @Test
    void rejectsANonPositiveScheduleToStartTimeout() {
        assertThatThrownBy(() -> ActivityOptions.newBuilder().setScheduleToStartTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheduleToStartTimeout must be positive, was PT0S");
    }
}
