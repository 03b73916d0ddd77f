package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.testing.VirtualTimeFixtures.Gate;
import dev.hourglass.testing.VirtualTimeFixtures.GateImpl;
import dev.hourglass.testing.VirtualTimeFixtures.Sleeper;
import dev.hourglass.testing.VirtualTimeFixtures.SleeperImpl;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The virtual clock never runs away: closing an execution cancels everything armed for it (its timers and its
 * execution timeout), so nothing left behind by closed executions pulls the clock forward later.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunawayClockTest {

    private static final String QUEUE = "runaway";
    private static final long START = TestEnvironmentOptions.DEFAULT_INITIAL_TIME.toEpochMilli();
    private static final Duration TEN_YEARS = Duration.ofDays(3650);

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(11).build());
        env.newWorker(QUEUE).registerWorkflowImplementationTypes(SleeperImpl.class, GateImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private <T> T stub(Class<T> type, String workflowId, Duration executionTimeout) {
        WorkflowOptions.Builder options = WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId);
        if (executionTimeout != null) {
            options.setWorkflowExecutionTimeout(executionTimeout);
        }
        return client.newWorkflowStub(type, options.build());
    }

    private Duration elapsed() {
        return Duration.ofMillis(env.currentTimeMillis() - START);
    }

    @Test
    void aThousandSequentialWorkflowsAdvanceTheClockByExactlyAThousandHours() {
        for (int i = 0; i < 1000; i++) {
            long wokeAt = stub(Sleeper.class, "sequential-" + i, TEN_YEARS).sleep(Duration.ofHours(1));
            assertThat(wokeAt).as("sequential-%d woke at", i).isEqualTo(START + Duration.ofHours(i + 1).toMillis());
        }

        assertThat(elapsed()).isEqualTo(Duration.ofHours(1000));
    }

    @Test
    void aClientWaitingForAWorkflowWithNothingDueLeavesTheClockWhereTheClosedExecutionsLeftIt()
            throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            stub(Sleeper.class, "closed-" + i, TEN_YEARS).sleep(Duration.ofHours(1));
        }
        Gate gate = stub(Gate.class, "gate", null);
        WorkflowClient.start(gate::awaitOpen);
        CompletableFuture<String> result = client.newUntypedWorkflowStub("gate").getResultAsync(String.class);

        Thread.sleep(100); // time may skip now; the only deadlines left would be those of closed executions

        assertThat(result).isNotDone();
        assertThat(elapsed()).isEqualTo(Duration.ofHours(10));
        gate.open();
        assertThat(result.join()).isEqualTo("opened after PT0S");
        assertThat(elapsed()).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void aWorkflowWaitingForeverTimesOutAtExactlyItsExecutionTimeout() {
        Gate gate = stub(Gate.class, "gate", TEN_YEARS);

        assertThatThrownBy(gate::awaitOpen)
                .isInstanceOf(WorkflowFailedException.class)
                .hasCauseInstanceOf(TimeoutFailure.class);
        assertThat(elapsed()).isEqualTo(TEN_YEARS);
    }
}
