package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInfo;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowInfoTest {

    private static final String QUEUE = "info";

    /** Describes its own parent, and with {@code asChild} that of a child it starts. */
    @WorkflowInterface
    public interface Lineage {
        @WorkflowMethod
        String describe(boolean asChild);
    }

    public static class LineageImpl implements Lineage {
        @Override
        public String describe(boolean asChild) {
            if (asChild) {
                return Workflow.newChildWorkflowStub(Lineage.class, ChildWorkflowOptions.newBuilder()
                        .setWorkflowId("child-of-" + Workflow.getInfo().getWorkflowId()).build()).describe(false);
            }
            WorkflowInfo info = Workflow.getInfo();
            return "parent " + info.getParentWorkflowId().orElse("none")
                    + ", parent run known: " + info.getParentRunId().isPresent()
                    + ", continued from: " + info.getContinuedExecutionRunId().orElse("none");
        }
    }

    /** Sleeps {@code millis} milliseconds and reports how much workflow time passed. */
    @WorkflowInterface
    public interface Napper {
        @WorkflowMethod
        long nap(long millis);
    }

    public static class NapperImpl implements Napper {
        @Override
        public long nap(long millis) {
            long start = Workflow.currentTimeMillis();
            Workflow.sleep(millis);
            return Workflow.currentTimeMillis() - start;
        }
    }

    private TestWorkflowEnvironment env;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(3).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(LineageImpl.class, NapperImpl.class);
        env.start();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private <T> T stub(Class<T> type, String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(type,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    }

    @Test
    void aWorkflowStartedByAClientHasNoParent() {
        assertThat(stub(Lineage.class, "root").describe(false))
                .isEqualTo("parent none, parent run known: false, continued from: none");
    }

    @Test
    void aChildWorkflowKnowsItsParentsWorkflowIdAndRunId() {
        assertThat(stub(Lineage.class, "family").describe(true))
                .isEqualTo("parent family, parent run known: true, continued from: none");
    }

    @Test
    void sleepInMillisecondsTakesThatMuchWorkflowTime() {
        long slept = stub(Napper.class, "nap").nap(Duration.ofHours(2).toMillis());

        assertThat(slept).isEqualTo(Duration.ofHours(2).toMillis());
        HourglassAssertions.assertThat(env.getWorkflowClient().fetchHistory("nap"))
                .hasTimerStarted(Duration.ofHours(2));
    }
}
