package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInit;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A budget whose spending signals rely on the limit its constructor received. */
class WorkflowInitSampleTest {

    @WorkflowInterface
    public interface Budget {
        @WorkflowMethod
        String track(String project, long limitCents);

        @SignalMethod
        void spend(long cents);

        @QueryMethod
        long left();
    }

    // guide: workflow-init begin
    public static class BudgetImpl implements Budget {
        private final String project;
        private long left;

        @WorkflowInit
        public BudgetImpl(String project, long limitCents) {
            this.project = project;
            this.left = limitCents;
        }

        @Override
        public String track(String project, long limitCents) {
            Workflow.await(Duration.ofDays(30), () -> left <= 0);
            return this.project + " ends with " + left + " cents left";
        }

        @Override
        public void spend(long cents) {
            left -= cents; // the limit is set even if this signal came with the start
        }

        @Override
        public long left() {
            return left;
        }
    }
    // guide: workflow-init end

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(BudgetImpl.class)
            .build();

    // guide: workflow-init-test begin
    @Test
    void aSignalSentWithTheStartSpendsFromTheLimitTheConstructorSet(WorkflowClient client, Worker worker) {
        WorkflowStub budget = client.newUntypedWorkflowStub("Budget",
                WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).build());

        budget.signalWithStart("spend", new Object[] {400L}, new Object[] {"roof", 1000L});

        assertThat(budget.query("left", Long.class)).isEqualTo(600L);
        budget.signal("spend", 700L);
        assertThat(budget.getResult(String.class)).isEqualTo("roof ends with -100 cents left");
    }
    // guide: workflow-init-test end
}
