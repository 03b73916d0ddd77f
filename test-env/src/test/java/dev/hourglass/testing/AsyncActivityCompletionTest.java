package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An attempt awaiting its completion from outside the worker is not executing: virtual time moves on while it waits,
 * to its timeouts or to the test code that completes it.
 */
@Timeout(10)
class AsyncActivityCompletionTest {

    @ActivityInterface
    public interface Approvals {
        String approve(String request);
    }

    /** Leaves each attempt awaiting its completion, its token where the test can read it. */
    public static class ApprovalsImpl implements Approvals {
        final AtomicReference<byte[]> token = new AtomicReference<>();

        @Override
        public String approve(String request) {
            ActivityExecutionContext context = Activity.getExecutionContext();
            token.set(context.getTaskToken());
            context.doNotCompleteOnReturn();
            return "ignored";
        }
    }

    /** Waits for one approval, which must come within a day, and says when it came. */
    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String run(String request);
    }

    public static class ApprovalImpl implements Approval {
        @Override
        public String run(String request) {
            long start = Workflow.currentTimeMillis();
            Approvals approvals = Workflow.newActivityStub(Approvals.class, ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofDays(1))
                    .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build())
                    .build());
            String outcome;
            try {
                outcome = approvals.approve(request);
            } catch (ActivityFailure e) {
                outcome = "no approval: " + ((TimeoutFailure) e.getCause()).getTimeoutType();
            }
            return outcome + " after " + Duration.ofMillis(Workflow.currentTimeMillis() - start).toHours() + "h";
        }
    }

    private final ApprovalsImpl approvals = new ApprovalsImpl();
    private TestWorkflowEnvironment env;
    private Approval approval;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("approvals");
        worker.registerWorkflowImplementationTypes(ApprovalImpl.class);
        worker.registerActivitiesImplementations(approvals);
        env.start();
        approval = env.getWorkflowClient().newWorkflowStub(Approval.class,
                WorkflowOptions.newBuilder().setTaskQueue("approvals").setWorkflowId("approval-1").build());
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void theStartToCloseTimeoutOfAnAttemptAwaitingCompletionFiresInVirtualTime() {
        assertThat(approval.run("order-1")).isEqualTo("no approval: START_TO_CLOSE after 24h");
    }

    @Test
    void aDelayedCallbackThatCompletesTheAttemptResumesTheWorkflow() {
        env.registerDelayedCallback(Duration.ofHours(3), () -> env.getWorkflowClient().newActivityCompletionClient()
                .complete(approvals.token.get(), "approved by the night shift"));

        assertThat(approval.run("order-2")).isEqualTo("approved by the night shift after 3h");
    }

    @Test
    void testCodeCompletesTheAttemptAfterSleepingInVirtualTime() {
        WorkflowClient.start(approval::run, "order-3");
        env.sleep(Duration.ofHours(5));

        env.getWorkflowClient().newActivityCompletionClient().complete(approvals.token.get(), "approved");

        assertThat(env.getWorkflowClient().newUntypedWorkflowStub("approval-1").getResult(String.class))
                .isEqualTo("approved after 5h");
    }
}
