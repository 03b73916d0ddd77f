package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ActivityTaskCanceled;
import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskFailed;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskStarted;
import static dev.hourglass.history.EventType.ActivityTaskTimedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.client.ActivityCompletionClient;
import dev.hourglass.client.ActivityNotExistsException;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskCanceledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.workflow.CancellationScope;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Activity attempts that return without completing, answered later through an {@link ActivityCompletionClient}. */
class AsyncActivityCompletionTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @ActivityInterface
    public interface Approvals {
        /** Hands the attempt to the test and returns without completing it. */
        String approve(String request);

        /** Starts a thread of its own that completes the attempt, and returns without completing it. */
        String approveOnAnotherThread(String request);

        /** Asks not to be completed on return, then throws. */
        String approveThenThrow(String request);
    }

    /** An attempt awaiting its completion, as the activity saw it. */
    record Awaiting(byte[] token, String workflowId, String runId, String activityId, int attempt) {
    }

    public static class ApprovalsImpl implements Approvals {
        final BlockingQueue<Awaiting> awaiting = new LinkedBlockingQueue<>();
        volatile ActivityCompletionClient completions;

        @Override
        public String approve(String request) {
            ActivityExecutionContext context = Activity.getExecutionContext();
            context.doNotCompleteOnReturn();
            awaiting.add(new Awaiting(context.getTaskToken(), context.getInfo().getWorkflowId(),
                    context.getInfo().getRunId(), context.getInfo().getActivityId(), context.getInfo().getAttempt()));
            return "ignored: the attempt awaits its completion";
        }

        @Override
        public String approveOnAnotherThread(String request) {
            ActivityExecutionContext context = Activity.getExecutionContext();
            byte[] token = context.getTaskToken();
            Thread approver = new Thread(() -> {
                E2eEnvironment.pause(Duration.ofMillis(50)); // after the method returned
                completions.complete(token, "approved " + request + " on " + Thread.currentThread().getName());
            }, "approver");
            approver.start();
            context.doNotCompleteOnReturn();
            return "ignored";
        }

        @Override
        public String approveThenThrow(String request) {
            ActivityExecutionContext context = Activity.getExecutionContext();
            context.doNotCompleteOnReturn();
            awaiting.add(new Awaiting(context.getTaskToken(), context.getInfo().getWorkflowId(),
                    context.getInfo().getRunId(), context.getInfo().getActivityId(), context.getInfo().getAttempt()));
            throw ApplicationFailure.newNonRetryableFailure("the approval service is unreachable", "Unreachable");
        }

        /** The next attempt that awaits its completion; fails if none comes. */
        Awaiting next() throws InterruptedException {
            Awaiting next = awaiting.poll(LONG.toSeconds(), TimeUnit.SECONDS);
            assertThat(next).as("an attempt awaiting its completion within %s", LONG).isNotNull();
            return next;
        }
    }

    /** Calls the approval activity as {@code scenario} says; failures of the activity come back as text. */
    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String run(String scenario);

        @SignalMethod
        void withdraw();
    }

    public static class ApprovalImpl implements Approval {
        private boolean withdrawn;

        @Override
        public void withdraw() {
            withdrawn = true;
        }

        @Override
        public String run(String scenario) {
            try {
                switch (scenario) {
                    case "plain":
                        return approvals(options().setStartToCloseTimeout(LONG), 1).approve("order-1");
                    case "anotherThread":
                        return approvals(options().setStartToCloseTimeout(LONG), 1).approveOnAnotherThread("order-2");
                    case "twoAtOnce": {
                        Approvals approvals = approvals(options().setStartToCloseTimeout(LONG), 1);
                        Promise<String> first = Workflow.async(approvals::approve, "first");
                        Promise<String> second = Workflow.async(approvals::approve, "second");
                        return first.get() + ", " + second.get();
                    }
                    case "twoAttempts":
                        return approvals(options().setStartToCloseTimeout(LONG), 2).approve("order-3");
                    case "throws":
                        return approvals(options().setStartToCloseTimeout(LONG), 2).approveThenThrow("order-4");
                    case "heartbeat":
                        return approvals(options().setStartToCloseTimeout(LONG)
                                .setHeartbeatTimeout(Duration.ofMillis(500)), 1).approve("order-5");
                    case "startToClose":
                        return approvals(options().setStartToCloseTimeout(Duration.ofMillis(300)), 2)
                                .approve("order-6");
                    case "withdrawable":
                        return withdrawable();
                    default:
                        throw ApplicationFailure.newNonRetryableFailure("unknown scenario " + scenario, "Test");
                }
            } catch (ActivityFailure e) {
                Throwable cause = e.getCause();
                String type = cause instanceof ApplicationFailure application ? application.getType()
                        : cause.getClass().getSimpleName();
                String message = cause instanceof ApplicationFailure application ? application.getOriginalMessage()
                        : cause.getMessage();
                return "failed on attempt " + e.getAttempt() + ": " + type + ": " + message;
            }
        }

        private String withdrawable() {
            Approvals approvals = approvals(options().setStartToCloseTimeout(LONG)
                    .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED), 1);
            List<Promise<String>> approval = new ArrayList<>();
            CancellationScope scope = Workflow.newCancellationScope(
                    () -> approval.add(Workflow.async(approvals::approve, "order-7")));
            scope.run();
            Workflow.await(() -> withdrawn);
            scope.cancel();
            return approval.get(0).get();
        }

        private static ActivityOptions.Builder options() {
            return ActivityOptions.newBuilder();
        }

        private static Approvals approvals(ActivityOptions.Builder options, int maximumAttempts) {
            return Workflow.newActivityStub(Approvals.class, options.setRetryPolicy(RetryPolicy.newBuilder()
                    .setInitialInterval(Duration.ofMillis(10)).setMaximumAttempts(maximumAttempts).build()).build());
        }
    }

    final ApprovalsImpl approvals = new ApprovalsImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ApprovalImpl.class)
            .registerActivitiesImplementations(approvals)
            .build();

    private Approval start(String workflowId, String scenario) {
        Approval approval = env.newWorkflowStub(Approval.class, workflowId);
        WorkflowClient.start(approval::run, scenario);
        return approval;
    }

    private ActivityCompletionClient completions() {
        return env.client().newActivityCompletionClient();
    }

    private String result(String workflowId) {
        return env.client().newUntypedWorkflowStub(workflowId).getResult(String.class);
    }

    @Test
    void anAttemptCompletedByTokenAfterItsMethodReturnedGivesTheWorkflowThatResult() throws Exception {
        start("async-1", "plain");
        Awaiting attempt = approvals.next();

        completions().complete(attempt.token(), "approved by a person");

        assertThat(result("async-1")).isEqualTo("approved by a person");
        assertThat(Events.types(env.history("async-1"))).containsSubsequence(ActivityTaskScheduled,
                ActivityTaskStarted, ActivityTaskCompleted);
    }

    @Test
    void anActivityCompletesItsOwnAttemptFromAThreadItStarted() {
        approvals.completions = completions();

        start("async-2", "anotherThread");

        assertThat(result("async-2")).isEqualTo("approved order-2 on approver");
    }

    @Test
    void anAttemptAwaitingCompletionDoesNotHoldTheWorkersOnlyActivitySlot() throws Exception {
        String queue = env.taskQueue() + "-one-slot";
        WorkerFactory factory = WorkerFactory.newInstance(env.client());
        Worker worker = factory.newWorker(queue,
                WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build());
        worker.registerWorkflowImplementationTypes(ApprovalImpl.class);
        worker.registerActivitiesImplementations(approvals);
        factory.start();
        try {
            Approval approval = env.client().newWorkflowStub(Approval.class,
                    env.options("async-3").setTaskQueue(queue).build());
            WorkflowClient.start(approval::run, "twoAtOnce");
            Awaiting first = approvals.next();
            Awaiting second = approvals.next(); // started while the first still awaits its completion

            completions().complete(second.token(), "b");
            completions().complete(first.token(), "a");

            assertThat(result("async-3")).isEqualTo("a, b");
        } finally {
            factory.shutdown();
        }
    }

    @Test
    void anAttemptCompletedByWorkflowIdAndActivityIdGivesTheWorkflowThatResult() throws Exception {
        start("async-4", "plain");
        Awaiting attempt = approvals.next();

        completions().complete("async-4", Optional.empty(), attempt.activityId(), "approved by id");

        assertThat(result("async-4")).isEqualTo("approved by id");
    }

    @Test
    void anAttemptNamedByItsRunIdIsCompletedByIdAsWell() throws Exception {
        start("async-5", "plain");
        Awaiting attempt = approvals.next();

        completions().complete("async-5", Optional.of(attempt.runId()), attempt.activityId(), "approved in run");

        assertThat(result("async-5")).isEqualTo("approved in run");
    }

    @Test
    void answeringAnActivityByIdThatDoesNotRunThrowsActivityNotExists() throws Exception {
        start("async-6", "plain");
        Awaiting attempt = approvals.next();

        assertThatThrownBy(() -> completions().complete("async-6", Optional.empty(), "no-such-activity", "x"))
                .isInstanceOf(ActivityNotExistsException.class)
                .hasMessageContaining("activity no-such-activity of workflow async-6")
                .hasMessageContaining("has no running attempt");
        assertThatThrownBy(() -> completions().heartbeat("no-such-workflow", Optional.empty(), "1", null))
                .isInstanceOf(ActivityNotExistsException.class);
        completions().complete(attempt.token(), "done");
        assertThat(result("async-6")).isEqualTo("done");
    }

    @Test
    void aSecondAnswerToACompletedAttemptThrowsActivityNotExists() throws Exception {
        start("async-7", "plain");
        Awaiting attempt = approvals.next();
        completions().complete(attempt.token(), "first answer");
        assertThat(result("async-7")).isEqualTo("first answer");

        assertThatThrownBy(() -> completions().complete(attempt.token(), "second answer"))
                .isInstanceOf(ActivityNotExistsException.class)
                .hasMessageContaining("the service no longer runs that attempt");
        assertThatThrownBy(() -> completions().complete("async-7", Optional.empty(), attempt.activityId(), "again"))
                .isInstanceOf(ActivityNotExistsException.class);
    }

    @Test
    void aRetryableFailureReportedByTokenIsRetriedByThePolicyAsANewAttempt() throws Exception {
        start("async-8", "twoAttempts");
        Awaiting first = approvals.next();

        completions().completeExceptionally(first.token(),
                ApplicationFailure.newFailure("the approver is busy", "Busy"));
        Awaiting second = approvals.next();
        completions().complete(second.token(), "approved on the second attempt");

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(result("async-8")).isEqualTo("approved on the second attempt");
        assertThat(Events.single(env.history("async-8"), ActivityTaskStartedAttributes.class).attempt())
                .isEqualTo(2);
    }

    @Test
    void aNonRetryableFailureReportedByTokenFailsTheActivityWithThatApplicationFailure() throws Exception {
        start("async-9", "twoAttempts");
        Awaiting attempt = approvals.next();

        completions().completeExceptionally(attempt.token(),
                ApplicationFailure.newNonRetryableFailure("the request was rejected", "Rejected"));

        assertThat(result("async-9")).isEqualTo("failed on attempt 1: Rejected: the request was rejected");
        assertThat(Events.types(env.history("async-9"))).contains(ActivityTaskFailed);
    }

    @Test
    void aCancellationRequestIsToldByHeartbeatAndReportCancellationCancelsTheActivityWithDetails()
            throws Exception {
        Approval approval = start("async-10", "withdrawable");
        Awaiting attempt = approvals.next();

        approval.withdraw();
        E2eEnvironment.await("a heartbeat to report the cancellation request", () -> {
            try {
                completions().heartbeat(attempt.token(), "still waiting");
                return false;
            } catch (ActivityCanceledException e) {
                return true;
            }
        });
        completions().reportCancellation(attempt.token(), "withdrawn by the customer");

        assertThat(result("async-10")).startsWith("failed on attempt 1: CanceledFailure: activity canceled");
        History history = env.history("async-10");
        assertThat(Events.single(history, ActivityTaskCanceledAttributes.class).details().toJson())
                .isEqualTo("\"withdrawn by the customer\"");
        assertThat(Events.types(history)).containsSubsequence(ActivityTaskStarted, ActivityTaskCanceled);
    }

    @Test
    void heartbeatsThroughTheCompletionClientKeepTheHeartbeatTimeoutFromFiring() throws Exception {
        start("async-11", "heartbeat");
        Awaiting attempt = approvals.next();

        for (int i = 0; i < 12; i++) { // 1.2 s of a 500 ms heartbeat timeout
            completions().heartbeat(attempt.token(), i);
            E2eEnvironment.pause(Duration.ofMillis(100));
        }
        completions().complete(attempt.token(), "approved after a long wait");

        assertThat(result("async-11")).isEqualTo("approved after a long wait");
        assertThat(Events.types(env.history("async-11"))).doesNotContain(ActivityTaskTimedOut);
    }

    @Test
    void theTokenOfAnAttemptThatTimedOutIsStaleAndItsRetryHasANewOne() throws Exception {
        start("async-12", "startToClose");
        Awaiting first = approvals.next();
        Awaiting second = approvals.next(); // after the first timed out

        assertThat(second.token()).isNotEqualTo(first.token());
        assertThatThrownBy(() -> completions().complete(first.token(), "too late"))
                .isInstanceOf(ActivityNotExistsException.class);
        assertThatThrownBy(() -> completions().heartbeat(first.token(), null))
                .isInstanceOf(ActivityNotExistsException.class);
        completions().complete(second.token(), "in time");

        assertThat(result("async-12")).isEqualTo("in time");
    }

    @Test
    void anAttemptWhoseMethodThrowsAfterAskingNotToCompleteFailsAsUsual() throws Exception {
        start("async-13", "throws");
        Awaiting attempt = approvals.next();

        assertThat(result("async-13"))
                .isEqualTo("failed on attempt 1: Unreachable: the approval service is unreachable");
        assertThatThrownBy(() -> completions().complete(attempt.token(), "too late"))
                .isInstanceOf(ActivityNotExistsException.class);
    }
}
