package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing an environment lets go of the calls that wait on it, and a closed environment takes no more work. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClosingTest {

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String awaitApproval();

        @SignalMethod
        void approve();
    }

    public static class ApprovalImpl implements Approval {
        private boolean approved;

        @Override
        public String awaitApproval() {
            Workflow.await(() -> approved);
            return "approved";
        }

        @Override
        public void approve() {
            approved = true;
        }
    }

    private static TestWorkflowEnvironment started() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        env.newWorker("approvals").registerWorkflowImplementationTypes(ApprovalImpl.class);
        env.start();
        return env;
    }

    private static Approval approval(TestWorkflowEnvironment env) {
        return env.getWorkflowClient().newWorkflowStub(Approval.class,
                WorkflowOptions.newBuilder().setTaskQueue("approvals").setWorkflowId("approval-1").build());
    }

    @Test
    void aResultWaitedForWhenTheEnvironmentClosesFailsSayingSo() {
        TestWorkflowEnvironment env = started();
        Approval approval = approval(env);
        WorkflowClient.start(approval::awaitApproval);
        CompletableFuture<String> result = env.getWorkflowClient().newUntypedWorkflowStub("approval-1")
                .getResultAsync(String.class);

        env.close();

        assertThat(result).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingCause()
                .isInstanceOf(IllegalStateException.class)
                .withMessageContaining("the test environment was closed while the call waited for the result of"
                        + " workflow approval-1");
    }

    @ActivityInterface
    public interface Gate {
        void pass();
    }

    @WorkflowInterface
    public interface Passage {
        @WorkflowMethod
        void go();
    }

    public static class PassageImpl implements Passage {
        private final Gate gate = Workflow.newActivityStub(Gate.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public void go() {
            gate.pass();
        }
    }

    @Test
    void aSleepUnderWayWhenTheEnvironmentClosesFailsSayingSo() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("passages");
        worker.registerWorkflowImplementationTypes(PassageImpl.class);
        worker.registerActivitiesImplementations((Gate) () -> {
            entered.countDown();
            awaitUninterruptibly(open);
        });
        env.start();
        WorkflowClient.start(env.getWorkflowClient().newWorkflowStub(Passage.class,
                WorkflowOptions.newBuilder().setTaskQueue("passages").build())::go);
        entered.await(); // a running activity holds virtual time: the sleep below can only wait
        Throwable[] failure = new Throwable[1];
        Thread sleeper = new Thread(() -> {
            try {
                env.sleep(Duration.ofDays(1));
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        sleeper.start();
        await().until(() -> sleeper.getState() == Thread.State.WAITING);

        env.close();

        sleeper.join(TimeUnit.SECONDS.toMillis(10));
        open.countDown();
        assertThat(failure[0]).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the test environment was closed while TestWorkflowEnvironment.sleep waited");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aClosedEnvironmentTakesNoWorkersStartsOrSleeps() {
        TestWorkflowEnvironment env = started();
        env.close();

        assertThatThrownBy(() -> env.newWorker("more")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the test environment is closed");
        assertThatThrownBy(() -> env.sleep(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WorkflowClient.start(approval(env)::awaitApproval))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start workflow approval-1: the workflow service is closed");
    }
}
