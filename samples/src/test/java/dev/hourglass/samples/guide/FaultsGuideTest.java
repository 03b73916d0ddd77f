package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.FaultPlan;
import dev.hourglass.worker.Worker;
import org.junit.jupiter.api.Test;

/** A fault plan applied to the guide's transfer. */
class FaultsGuideTest {

    // guide: fault-plan begin
    @Test
    void aLostDepositCompletionDepositsTwice() {
        FaultPlan plan = FaultPlan.newBuilder()
                .failActivity("withdraw", 1)
                .loseActivityCompletion("deposit", 1)
                .build();
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder().setSeed(7L).setFaultPlan(plan).build();
        Accounts accounts = mock(Accounts.class);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(accounts, mock(Notifier.class));
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());

            assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
            verify(accounts, times(1)).withdraw("alice", 100); // attempt 1 failed before it ran
            verify(accounts, times(2)).deposit("bob", 100); // attempt 1 ran, its completion was lost
        }
    }
    // guide: fault-plan end
}
