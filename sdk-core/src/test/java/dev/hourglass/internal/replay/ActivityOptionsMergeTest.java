package dev.hourglass.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityOptionsMergeTest {

    private static final RetryPolicy ONCE = RetryPolicy.newBuilder().setMaximumAttempts(1).build();
    private static final ActivityOptions BASE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setHeartbeatTimeout(Duration.ofSeconds(3))
            .setTaskQueue("base-queue")
            .setCancellationType(ActivityCancellationType.ABANDON)
            .build();

    @Test
    void aFieldTheOverrideSetsWins() {
        ActivityOptions merged = ActivityOptionsMerge.merge(BASE, ActivityOptions.newBuilder()
                .setScheduleToCloseTimeout(Duration.ofMinutes(5)).setRetryPolicy(ONCE).setTaskQueue("other").build());

        assertThat(merged.getScheduleToCloseTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(merged.getRetryPolicy()).isEqualTo(ONCE);
        assertThat(merged.getTaskQueue()).isEqualTo("other");
    }

    @Test
    void aFieldTheOverrideLeavesUnsetKeepsTheBaseValue() {
        ActivityOptions merged = ActivityOptionsMerge.merge(BASE, ActivityOptions.newBuilder()
                .setScheduleToCloseTimeout(Duration.ofMinutes(5)).build());

        assertThat(merged.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(merged.getHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(merged.getTaskQueue()).isEqualTo("base-queue");
    }

    @Test
    void theDefaultCancellationTypeOfTheOverrideKeepsTheBaseOne() {
        ActivityOptions merged = ActivityOptionsMerge.merge(BASE, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(1)).build());

        assertThat(merged.getCancellationType()).isEqualTo(ActivityCancellationType.ABANDON);
    }

    @Test
    void anotherCancellationTypeOfTheOverrideWins() {
        ActivityOptions merged = ActivityOptionsMerge.merge(BASE, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(1))
                .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED).build());

        assertThat(merged.getCancellationType()).isEqualTo(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
    }

    @Test
    void stubOptionsReplaceTheDefaultsBeforeTheActivityTypeOptionsAreMerged() {
        ActivityOptions defaults = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(99))
                .setRetryPolicy(ONCE).build();
        WorkflowImplementationOptions options = WorkflowImplementationOptions.newBuilder()
                .setDefaultActivityOptions(defaults)
                .setActivityOptions(Map.of("pay", ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(1)).build()))
                .build();

        ActivityOptions resolved = ActivityOptionsMerge.resolve(options, BASE, "pay");

        assertThat(resolved.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(resolved.getRetryPolicy()).isNull();
        assertThat(resolved.getHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void nothingSetResolvesToNull() {
        assertThat(ActivityOptionsMerge.resolve(WorkflowImplementationOptions.getDefaultInstance(), null, "pay"))
                .isNull();
    }
}
