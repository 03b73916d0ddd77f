package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.VirtualTimeFixtures.ActivityClock;
import dev.hourglass.testing.VirtualTimeFixtures.ActivityClockImpl;
import dev.hourglass.testing.VirtualTimeFixtures.ClockProbe;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Activity code runs at frozen virtual time: it sees the instant it was scheduled at, however long it takes. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FrozenActivityClockTest {

    private static final String QUEUE = "frozen";
    private static final long START = TestEnvironmentOptions.DEFAULT_INITIAL_TIME.toEpochMilli();

    private TestWorkflowEnvironment env;
    private ActivityClock workflow;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(5).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(ActivityClockImpl.class);
        worker.registerActivitiesImplementations(new ClockProbe(env::currentTimeMillis));
        env.start();
        workflow = env.getWorkflowClient().newWorkflowStub(ActivityClock.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("activity-clock").build());
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void anActivitySeesTheVirtualTimeItWasScheduledAt() {
        long day = START + Duration.ofDays(1).toMillis();

        assertThat(workflow.observe(Duration.ofDays(1), 0)).as("scheduled at, seen by the activity, after it")
                .containsExactly(day, day, day);
    }

    @Test
    void aSlowActivityDoesNotMoveTheClock() {
        long minute = START + Duration.ofMinutes(1).toMillis();
        long wallStart = System.nanoTime();

        assertThat(workflow.observe(Duration.ofMinutes(1), 50)).as("scheduled at, seen by the activity, after it")
                .containsExactly(minute, minute, minute);
        assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(env.currentTimeMillis()).isEqualTo(minute);
    }
}
