package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerOptionsInTestEnvironmentTest {

    @WorkflowInterface
    public interface Wait {
        @WorkflowMethod
        String waitADay();
    }

    public static class WaitImpl implements Wait {
        @Override
        public String waitADay() {
            Workflow.sleep(Duration.ofDays(1));
            return "waited";
        }
    }

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void aWorkerWithConcurrencyLimitsRunsItsWorkflows() {
        Worker worker = env.newWorker("limited", WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(1)
                .setMaxConcurrentActivityExecutionSize(1)
                .build());
        worker.registerWorkflowImplementationTypes(WaitImpl.class);
        env.start();

        String result = env.getWorkflowClient().newWorkflowStub(Wait.class,
                WorkflowOptions.newBuilder().setTaskQueue("limited").setWorkflowId("wait").build()).waitADay();

        assertThat(result).isEqualTo("waited");
    }

    @Test
    void anActivityRateLimitIsRejectedSayingVirtualTimeCannotKeepIt() {
        WorkerOptions options = WorkerOptions.newBuilder().setMaxWorkerActivitiesPerSecond(5).build();

        assertThatThrownBy(() -> env.newWorker("rated", options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task queue 'rated' sets maxWorkerActivitiesPerSecond, which the test"
                        + " environment does not support");
    }
}
