package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.CancellationScope;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Activity attempts run on the environment's driver thread, yet one that blocks holds up nothing else. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DrivenActivitiesTest {

    private static final String QUEUE = "driven";
    static volatile CountDownLatch entered;
    static volatile CountDownLatch release;

    @ActivityInterface
    public interface Chores {
        /** Blocks, without heartbeating, until the test releases it. */
        String block();

        /** Heartbeats until it is canceled (at most 10 s). */
        String heartbeatUntilCanceled();
    }

    public static class ChoresImpl implements Chores {
        @Override
        public String block() {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "released";
        }

        @Override
        public String heartbeatUntilCanceled() {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                Activity.getExecutionContext().heartbeat(null);
                entered.countDown();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "never canceled";
        }
    }

    @WorkflowInterface
    public interface Blocker {
        @WorkflowMethod
        String run();
    }

    public static class BlockerImpl implements Blocker {
        private final Chores chores = Workflow.newActivityStub(Chores.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public String run() {
            return chores.block();
        }
    }

    @WorkflowInterface
    public interface Quick {
        @WorkflowMethod
        String run();
    }

    public static class QuickImpl implements Quick {
        @Override
        public String run() {
            return "quick";
        }
    }

    @WorkflowInterface
    public interface Stoppable {
        @WorkflowMethod
        String run();

        @SignalMethod
        void stop();
    }

    public static class StoppableImpl implements Stoppable {
        private final Chores chores = Workflow.newActivityStub(Chores.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
        private boolean stopped;

        @Override
        public String run() {
            List<Promise<String>> work = new ArrayList<>();
            CancellationScope scope = Workflow.newCancellationScope(
                    () -> work.add(Workflow.async(chores::heartbeatUntilCanceled)));
            scope.run();
            Workflow.await(() -> stopped);
            scope.cancel();
            try {
                return work.get(0).get();
            } catch (ActivityFailure e) {
                return "activity failed: " + e.getCause().getClass().getSimpleName();
            }
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void setUp() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(5).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(BlockerImpl.class, QuickImpl.class, StoppableImpl.class);
        worker.registerActivitiesImplementations(new ChoresImpl());
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        env.close();
    }

    private <T> T stub(Class<T> type, String workflowId) {
        return client.newWorkflowStub(type, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId)
                .build());
    }

    @Test
    void anActivityBlockedWithoutHeartbeatingDoesNotStopAnotherWorkflowFromCompleting() throws Exception {
        Blocker blocker = stub(Blocker.class, "blocker");
        WorkflowClient.start(blocker::run);
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the blocking activity started").isTrue();

        String quick = stub(Quick.class, "quick").run();

        assertThat(quick).isEqualTo("quick");
        release.countDown();
        assertThat(client.newUntypedWorkflowStub("blocker").getResult(String.class)).isEqualTo("released");
    }

    @Test
    void anActivityHeartbeatingWhileItWaitsIsCanceledWhenItsWorkflowCancelsIt() throws Exception {
        Stoppable stoppable = stub(Stoppable.class, "stoppable");
        WorkflowClient.start(stoppable::run);
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the activity heartbeats").isTrue();

        stoppable.stop();

        assertThat(client.newUntypedWorkflowStub("stoppable").getResult(String.class))
                .isEqualTo("activity failed: " + CanceledFailure.class.getSimpleName());
    }
}
