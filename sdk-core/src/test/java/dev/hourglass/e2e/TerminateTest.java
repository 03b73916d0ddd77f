package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TerminateTest {

    @WorkflowInterface
    public interface Forever {
        @WorkflowMethod
        void waitForever();
    }

    public static class ForeverImpl implements Forever {
        @Override
        public void waitForever() {
            Workflow.await(() -> false);
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder().registerWorkflowImplementationTypes(ForeverImpl.class)
            .build();

    private WorkflowStub started(String workflowId) {
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Forever", env.options(workflowId).build());
        stub.start();
        return stub;
    }

    @Test
    void terminatingWithoutAReasonRecordsNoReason() {
        started("forever-1").terminate(null);

        assertThat(Events.single(env.history("forever-1"), WorkflowExecutionTerminatedAttributes.class).reason())
                .isNull();
    }

    @Test
    void terminatingWithAReasonRecordsIt() {
        started("forever-2").terminate("decommissioned");

        assertThat(Events.single(env.history("forever-2"), WorkflowExecutionTerminatedAttributes.class).reason())
                .isEqualTo("decommissioned");
    }
}
