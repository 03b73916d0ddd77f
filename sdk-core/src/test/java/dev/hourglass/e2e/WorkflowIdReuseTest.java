package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionTimedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkflowIdReuseTest {

    /** Ends as {@code outcome} says: "succeed", "fail", "waitForFinish" or "sleep". */
    @WorkflowInterface
    public interface Job {
        @WorkflowMethod
        String run(String outcome);

        @SignalMethod
        void finish();
    }

    public static class JobImpl implements Job {
        private boolean finished;

        @Override
        public String run(String outcome) {
            switch (outcome) {
                case "fail":
                    throw ApplicationFailure.newFailure("failed on purpose", "JobFailed");
                case "waitForFinish":
                    Workflow.await(() -> finished);
                    return "finished";
                case "sleep":
                    Workflow.sleep(Duration.ofSeconds(30));
                    return "woke up";
                default:
                    return "succeeded";
            }
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(JobImpl.class)
            .build();

    private Job stub(String workflowId, WorkflowIdReusePolicy policy) {
        return env.client().newWorkflowStub(Job.class, env.options(workflowId).setWorkflowIdReusePolicy(policy).build());
    }

    /** Runs a job to its end; returns the execution whatever the outcome. */
    private WorkflowExecution runToEnd(String workflowId, String outcome) {
        Job job = stub(workflowId, WorkflowIdReusePolicy.ALLOW_DUPLICATE);
        WorkflowExecution execution = WorkflowClient.start(job::run, outcome);
        env.awaitHistory(workflowId, "the run closed", History::isClosed);
        return execution;
    }

    private WorkflowExecutionAlreadyStartedException startRejected(String workflowId, WorkflowIdReusePolicy policy) {
        Job job = stub(workflowId, policy);
        return catchThrowableOfType(WorkflowExecutionAlreadyStartedException.class,
                () -> WorkflowClient.start(job::run, "succeed"));
    }

    @Test
    void startingAWorkflowIdThatIsOpenFailsAtOnce() {
        Job first = stub("job-1", WorkflowIdReusePolicy.ALLOW_DUPLICATE);
        WorkflowExecution open = WorkflowClient.start(first::run, "waitForFinish");

        WorkflowExecutionAlreadyStartedException e = startRejected("job-1", WorkflowIdReusePolicy.ALLOW_DUPLICATE);

        assertThat(e.getExecution()).isEqualTo(open);
        assertThat(e).hasMessageContaining("job-1").hasMessageContaining("open");
        assertThat(env.history("job-1").getRunId()).isEqualTo(open.getRunId());
        first.finish();
        assertThat(env.client().newUntypedWorkflowStub("job-1").getResult(String.class)).isEqualTo("finished");
    }

    @Test
    void allowDuplicateStartsANewRunAfterACompletedOne() {
        WorkflowExecution first = runToEnd("job-2", "succeed");

        Job again = stub("job-2", WorkflowIdReusePolicy.ALLOW_DUPLICATE);
        WorkflowExecution second = WorkflowClient.start(again::run, "succeed");

        assertThat(second.getRunId()).isNotEqualTo(first.getRunId());
        assertThat(env.client().newUntypedWorkflowStub("job-2").getResult(String.class)).isEqualTo("succeeded");
        assertThat(env.client().fetchHistory("job-2", first.getRunId()).isClosed()).isTrue();
        assertThat(env.producedHistories()).hasSize(2);
    }

    @Test
    void allowDuplicateFailedOnlyStartsANewRunAfterAFailedOne() {
        WorkflowExecution failed = runToEnd("job-3", "fail");

        Job again = stub("job-3", WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY);
        WorkflowExecution second = WorkflowClient.start(again::run, "succeed");

        assertThat(second.getRunId()).isNotEqualTo(failed.getRunId());
        assertThat(env.client().newUntypedWorkflowStub("job-3").getResult(String.class)).isEqualTo("succeeded");
    }

    @Test
    void allowDuplicateFailedOnlyStartsANewRunAfterATerminatedOne() {
        Job job = stub("job-4", WorkflowIdReusePolicy.ALLOW_DUPLICATE);
        WorkflowClient.start(job::run, "waitForFinish");
        env.client().newUntypedWorkflowStub("job-4").terminate("stuck");

        Job again = stub("job-4", WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY);
        WorkflowClient.start(again::run, "succeed");

        assertThat(env.client().newUntypedWorkflowStub("job-4").getResult(String.class)).isEqualTo("succeeded");
    }

    @Test
    void allowDuplicateFailedOnlyRejectsAfterACompletedRun() {
        WorkflowExecution completed = runToEnd("job-5", "succeed");

        WorkflowExecutionAlreadyStartedException e =
                startRejected("job-5", WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY);

        assertThat(e.getExecution()).isEqualTo(completed);
        assertThat(e).hasMessageContaining("ALLOW_DUPLICATE_FAILED_ONLY");
        assertThat(env.history("job-5").getRunId()).isEqualTo(completed.getRunId());
    }

    @Test
    void rejectDuplicateRejectsAfterACompletedRun() {
        WorkflowExecution completed = runToEnd("job-6", "succeed");

        WorkflowExecutionAlreadyStartedException e = startRejected("job-6", WorkflowIdReusePolicy.REJECT_DUPLICATE);

        assertThat(e.getExecution()).isEqualTo(completed);
        assertThat(e).hasMessageContaining("REJECT_DUPLICATE");
    }

    @Test
    void rejectDuplicateRejectsAfterAFailedRun() {
        WorkflowExecution failed = runToEnd("job-7", "fail");

        WorkflowExecutionAlreadyStartedException e = startRejected("job-7", WorkflowIdReusePolicy.REJECT_DUPLICATE);

        assertThat(e.getExecution()).isEqualTo(failed);
        assertThat(env.history("job-7").getRunId()).isEqualTo(failed.getRunId());
    }

    @Test
    void executionTimeoutEndsTheWorkflowWithAWorkflowExecutionTimeout() {
        Job job = env.client().newWorkflowStub(Job.class,
                env.options("job-8").setWorkflowExecutionTimeout(Duration.ofSeconds(2)).build());

        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class, () -> job.run("sleep"));

        assertThat(e.getCause()).isInstanceOfSatisfying(TimeoutFailure.class,
                timeout -> assertThat(timeout.getTimeoutType()).isEqualTo(TimeoutType.WORKFLOW_EXECUTION));
        History history = env.history("job-8");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, TimerStarted,
                WorkflowExecutionTimedOut);
        assertThat(history.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .workflowExecutionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(history.getEvents().get(0).getEventTime(), history.getLastEvent().getEventTime()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
}
