package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.internal.EnvironmentReport;
import dev.hourglass.testing.internal.EnvironmentReport.Harness;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvironmentReportTest {

    @WorkflowInterface
    public interface Payout {
        @WorkflowMethod
        String pay(int round);
    }

    public static class PayoutImpl implements Payout {
        @Override
        public String pay(int round) {
            Workflow.sleep(Duration.ofHours(1));
            return "paid round " + round;
        }
    }

    @WorkflowInterface
    public interface Batch {
        @WorkflowMethod
        String run(int round);
    }

    /** Pays one round through a child workflow, then continues as new for the next round, twice. */
    public static class BatchImpl implements Batch {
        @Override
        public String run(int round) {
            Payout payout = Workflow.newChildWorkflowStub(Payout.class,
                    ChildWorkflowOptions.newBuilder().setWorkflowId("payout-" + round).build());
            payout.pay(round);
            if (round < 2) {
                Workflow.continueAsNew(round + 1);
            }
            return "done";
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(99).build());
        env.newWorker("batches").registerWorkflowImplementationTypes(BatchImpl.class, PayoutImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void startsWithTheSeedAndHowToRerunWithIt() {
        String report = EnvironmentReport.describe(Harness.EXTENSION, "batch()", env.getSeed(), client, List.of());
        assertThat(report).isEqualTo("Hourglass test environment of batch() failed with seed 99\n"
                + "  to rerun with the same seed: TestWorkflowExtension.newBuilder()...setTestEnvironmentOptions("
                + "TestEnvironmentOptions.newBuilder().setSeed(99L).build())\n"
                + "  (no workflow stub was injected into the test, so there is no timeline to show)");
    }

    @Test
    void showsEveryRunOfAWorkflowIdOldestFirstEachFollowedByItsChildren() {
        Batch batch = client.newWorkflowStub(Batch.class,
                WorkflowOptions.newBuilder().setTaskQueue("batches").setWorkflowId("batch").build());
        assertThat(batch.run(1)).isEqualTo("done");
        String report = EnvironmentReport.describe(Harness.EXTENSION, "batch()", env.getSeed(), client,
                List.of("batch"));
        List<String> headers = report.lines().filter(line -> line.startsWith("Timeline of "))
                .map(line -> line.substring(0, line.indexOf(" (")))
                .toList();
        assertThat(headers).containsExactly("Timeline of batch", "Timeline of payout-1", "Timeline of batch",
                "Timeline of payout-2");
        assertThat(report).contains("WorkflowExecutionContinuedAsNew");
    }

    @Test
    void saysWhichWorkflowIdsNeverStarted() {
        String report = EnvironmentReport.describe(Harness.EXTENSION, "batch()", env.getSeed(), client,
                List.of("never-started"));
        assertThat(report).endsWith("\n\nnever-started: never started");
    }
}
