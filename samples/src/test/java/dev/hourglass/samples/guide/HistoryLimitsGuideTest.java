package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A workflow that runs for years continues as new when its history grows long. */
class HistoryLimitsGuideTest {

    @WorkflowInterface
    public interface Subscription {
        @WorkflowMethod
        int renew(int periodsRenewed);
    }

    // guide: continue-as-new-suggested begin
    public static class SubscriptionImpl implements Subscription {
        @Override
        public int renew(int periodsRenewed) {
            int renewed = periodsRenewed;
            while (renewed < 36) {
                Workflow.sleep(Duration.ofDays(30));
                renewed++;
                if (Workflow.getInfo().isContinueAsNewSuggested()) {
                    Workflow.continueAsNew(renewed); // a fresh history; this run ends here
                }
            }
            return renewed;
        }
    }
    // guide: continue-as-new-suggested end

    // guide: history-limits begin
    @Test
    void aLongSubscriptionContinuesAsNewWhenItsHistoryGrowsLong() {
        HistoryLimits small = HistoryLimits.newBuilder().setEventCountWarning(20).setEventCountLimit(40).build();
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder().setHistoryLimits(small).build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("subscriptions");
            worker.registerWorkflowImplementationTypes(SubscriptionImpl.class);
            env.start();
            Subscription subscription = env.getWorkflowClient().newWorkflowStub(Subscription.class,
                    WorkflowOptions.newBuilder().setTaskQueue("subscriptions").setWorkflowId("sub-1").build());

            assertThat(subscription.renew(0)).isEqualTo(36);

            History lastRun = env.getWorkflowClient().fetchHistory("sub-1");
            assertThat(lastRun.getEvents()).hasSizeLessThanOrEqualTo(22);
            assertThat(lastRun.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                    .continuedFromRunId()).isNotNull();
        }
    }
    // guide: history-limits end
}
