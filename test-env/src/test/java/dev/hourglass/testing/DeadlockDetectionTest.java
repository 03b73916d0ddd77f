package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.PotentialDeadlockException;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workflow code that holds its execution without calling the Hourglass API fails its workflow task with a
 * {@link PotentialDeadlockException} that shows where it is, the waiting test hears of it at once, and the rest
 * of the environment goes on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeadlockDetectionTest {

    private static final String QUEUE = "deadlocks";
    private static final AtomicBoolean STOP_SPINNING = new AtomicBoolean();
    private static volatile CountDownLatch latch = new CountDownLatch(1);

    @WorkflowInterface
    public interface Stuck {
        @WorkflowMethod
        String run(String how);
    }

    /** Spins, blocks on a latch, or computes for a while before it yields, as asked. */
    public static class StuckImpl implements Stuck {
        @Override
        public String run(String how) {
            switch (how) {
                case "spin":
                    while (!STOP_SPINNING.get()) {
                        Thread.onSpinWait();
                    }
                    break;
                case "latch":
                    awaitLatch();
                    break;
                case "compute 300 ms":
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    break;
                default:
                    break;
            }
            Workflow.sleep(Duration.ofMinutes(1));
            return how + " done";
        }

        private static void awaitLatch() {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private TestWorkflowEnvironment env;

    @BeforeEach
    void holdTheStuckThreads() {
        STOP_SPINNING.set(false);
        latch = new CountDownLatch(1);
    }

    @AfterEach
    void letTheStuckThreadsGoAndClose() {
        STOP_SPINNING.set(true);
        latch.countDown();
        env.close();
    }

    private TestWorkflowEnvironment environment(Duration deadlockTimeout) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setSelfCheckReplay(false)
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                        .setDeadlockDetectionTimeout(deadlockTimeout).build())
                .build());
        env.newWorker(QUEUE).registerWorkflowImplementationTypes(StuckImpl.class);
        env.start();
        return env;
    }

    private Stuck stub(String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(Stuck.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    }

    @Test
    void aSpinningWorkflowFailsItsTaskWithAReportThatShowsWhereItSpins() {
        environment(Duration.ofMillis(200));

        assertThatThrownBy(() -> stub("spinner").run("spin"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .cause()
                .isInstanceOf(PotentialDeadlockException.class)
                .hasMessageContaining("workflow thread 'root' has not called the Hourglass API for 200 ms")
                .hasMessageContaining("it is at " + StuckImpl.class.getName() + ".run(")
                .hasMessageContaining("move blocking work into an activity")
                .satisfies(report -> assertThat(report.getStackTrace()).anySatisfy(frame ->
                        assertThat(frame.getClassName()).isEqualTo(StuckImpl.class.getName())));
    }

    @Test
    void aWorkflowBlockedOnALatchFailsItsTaskToo() {
        environment(Duration.ofMillis(200));

        assertThatThrownBy(() -> stub("blocked").run("latch"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .cause()
                .isInstanceOf(PotentialDeadlockException.class)
                .satisfies(report -> assertThat(((PotentialDeadlockException) report).getThreadName()).isEqualTo("root"));
    }

    @Test
    void otherExecutionsGoOnWhileOneIsStuck() {
        environment(Duration.ofMillis(200));
        WorkflowClient.start(stub("spinner")::run, "spin");

        assertThat(stub("healthy").run("nothing")).isEqualTo("nothing done");
    }

    @Test
    void aWorkflowStuckOnTheEnvironmentsOwnThreadDoesNotStopTheEnvironment() {
        environment(Duration.ofMillis(200));
        // with this many executions cached, a short one runs its code on the environment's own thread
        for (int i = 0; i < 40; i++) {
            WorkflowClient.start(stub("sleeper-" + i)::run, "nothing");
        }
        env.sleep(Duration.ZERO); // the sleepers' first tasks run (and fill the cache) before the spinner's

        assertThatThrownBy(() -> stub("spinner").run("spin"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .cause()
                .isInstanceOf(PotentialDeadlockException.class)
                .satisfies(report -> assertThat(report.getStackTrace()).as("the stuck code ran on the calling thread")
                        .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("runOnCallingThread")));
        assertThat(stub("healthy").run("nothing")).isEqualTo("nothing done");
    }

    @Test
    void codeThatYieldsWithinTheTimeoutIsNotReported() {
        environment(Duration.ofSeconds(5));

        assertThat(stub("thinker").run("compute 300 ms")).isEqualTo("compute 300 ms done");
    }

    @Test
    void aZeroTimeoutTurnsDetectionOff() {
        environment(Duration.ZERO);

        assertThat(stub("slow").run("compute 300 ms")).isEqualTo("compute 300 ms done");
    }
}
