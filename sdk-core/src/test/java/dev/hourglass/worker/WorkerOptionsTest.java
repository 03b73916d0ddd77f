package dev.hourglass.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerOptionsTest {

    @Test
    void optionsLeftUnsetAreZeroSoThatTheFactoryOptionsApply() {
        WorkerOptions options = WorkerOptions.getDefaultInstance();

        assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isZero();
        assertThat(options.getMaxConcurrentActivityExecutionSize()).isZero();
        assertThat(options.getMaxWorkerActivitiesPerSecond()).isZero();
    }

    @Test
    void theBuilderKeepsWhatIsSet() {
        WorkerOptions options = WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(3)
                .setMaxConcurrentActivityExecutionSize(4)
                .setMaxWorkerActivitiesPerSecond(2.5)
                .build();

        assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(3);
        assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(4);
        assertThat(options.getMaxWorkerActivitiesPerSecond()).isEqualTo(2.5);
    }

    @Test
    void aConcurrencyLimitBelowOneIsRejected() {
        assertThatThrownBy(() -> WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrentActivityExecutionSize must be >= 1 but was 0");
    }

    @Test
    void aRateThatIsNotANumberIsRejected() {
        assertThatThrownBy(() -> WorkerOptions.newBuilder().setMaxWorkerActivitiesPerSecond(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWorkerActivitiesPerSecond must be a finite rate >= 0 (0 for no limit) but was NaN");
    }
}
