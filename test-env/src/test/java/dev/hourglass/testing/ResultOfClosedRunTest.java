package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the result of a run that closed already leaves the virtual clock where it is. */
class ResultOfClosedRunTest {

    private static final Instant START = Instant.parse("2025-06-02T08:00:00Z");

    @WorkflowInterface
    public interface Nap {
        @WorkflowMethod
        String nap(long hours);
    }

    public static class NapImpl implements Nap {
        @Override
        public String nap(long hours) {
            Workflow.sleep(Duration.ofHours(hours));
            return "slept " + hours + "h";
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
        env.newWorker("naps").registerWorkflowImplementationTypes(NapImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    private Nap nap(String workflowId) {
        return client.newWorkflowStub(Nap.class, WorkflowOptions.newBuilder().setWorkflowId(workflowId)
                .setTaskQueue("naps").build());
    }

    @Test
    void theResultOfAClosedRunDoesNotLetTheClockJumpToAnotherRunsTimer() {
        WorkflowClient.start(nap("short")::nap, 1L);
        WorkflowClient.start(nap("long")::nap, 24L);
        env.sleep(Duration.ofHours(2)); // the short nap is over, the long one sleeps on
        long before = env.currentTimeMillis();

        String result = client.newUntypedWorkflowStub("short").getResult(String.class);

        assertThat(result).isEqualTo("slept 1h");
        assertThat(Instant.ofEpochMilli(env.currentTimeMillis())).isEqualTo(Instant.ofEpochMilli(before));
    }
}
