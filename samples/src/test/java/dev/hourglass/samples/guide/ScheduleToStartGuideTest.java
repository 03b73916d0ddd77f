package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schedule-to-start timeout of an attempt that no worker picks up, in virtual time. */
class ScheduleToStartGuideTest {

    @ActivityInterface
    public interface Printer {
        String print(String label);
    }

    @WorkflowInterface
    public interface Labelling {
        /** Prints a label on {@code taskQueue}; returns the result or the timeout type that failed it. */
        @WorkflowMethod
        String label(String taskQueue, int maximumAttempts);
    }

    public static class LabellingImpl implements Labelling {
        @Override
        public String label(String taskQueue, int maximumAttempts) {
            Printer printer = Workflow.newActivityStub(Printer.class, ActivityOptions.newBuilder()
                    .setTaskQueue(taskQueue)
                    .setScheduleToStartTimeout(Duration.ofMinutes(5))
                    .setStartToCloseTimeout(Duration.ofHours(1))
                    .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(maximumAttempts).build())
                    .build());
            try {
                return printer.print("parcel-1");
            } catch (ActivityFailure e) {
                return "timed out: " + ((TimeoutFailure) e.getCause()).getTimeoutType();
            }
        }
    }

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void close() {
        env.close();
    }

    private Labelling stub(String workflowId) {
        Worker worker = env.newWorker("labels");
        worker.registerWorkflowImplementationTypes(LabellingImpl.class);
        env.start();
        return env.getWorkflowClient().newWorkflowStub(Labelling.class,
                WorkflowOptions.newBuilder().setTaskQueue("labels").setWorkflowId(workflowId).build());
    }

    @Test
    void anAttemptNoWorkerPicksUpTimesOutScheduleToStartInVirtualTime() {
        long before = env.currentTimeMillis();

        // guide: schedule-to-start begin
        String result = stub("unpolled").label("printers-of-a-closed-site", 10); // returns at once, in virtual time
        assertThat(result).isEqualTo("timed out: SCHEDULE_TO_START");
        assertThat(env.currentTimeMillis() - before).isEqualTo(Duration.ofMinutes(5).toMillis());
        // guide: schedule-to-start end
    }
}
