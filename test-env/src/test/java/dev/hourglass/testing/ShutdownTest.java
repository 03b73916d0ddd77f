package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestWorkflowExtensionReportTest.Countdown;
import dev.hourglass.testing.TestWorkflowExtensionReportTest.NondeterministicCountdown;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Closing under the names Temporal's test environment has: {@code shutdown}, {@code shutdownNow} and
 * {@code awaitTermination}.
 */
class ShutdownTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void shutdownClosesTheEnvironment() {
        env.shutdown();

        assertThatThrownBy(() -> env.newWorker("after-shutdown"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the test environment is closed");
    }

    @Test
    void shutdownNowClosesTheEnvironment() {
        env.shutdownNow();

        assertThatThrownBy(() -> env.newWorker("after-shutdown-now"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the test environment is closed");
    }

    @Test
    void shutdownThrowsLikeCloseWhenTheSelfCheckReplayFoundNondeterminism() {
        NondeterministicCountdown.RUNS.set(0);
        env.newWorker("countdowns").registerWorkflowImplementationTypes(NondeterministicCountdown.class);
        env.start();
        env.getWorkflowClient().newWorkflowStub(Countdown.class,
                WorkflowOptions.newBuilder().setTaskQueue("countdowns").setWorkflowId("countdown-1").build()).run();

        assertThatThrownBy(env::shutdown)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("self-check replay of a closed execution failed");
    }

    @Test
    void awaitTerminationReturnsTrueOnceTheEnvironmentIsShutDown() {
        env.shutdown();

        assertThat(env.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void awaitTerminationOfAnOpenEnvironmentReturnsFalseWhenTheTimeoutPasses() {
        assertThat(env.awaitTermination(10, TimeUnit.MILLISECONDS)).isFalse();
    }
}
