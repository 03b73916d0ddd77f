package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.EventType;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import dev.hourglass.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TestWorkflowExtension.Builder#setDoNotStart}: the test registers more, then starts the environment. */
class TestWorkflowExtensionDoNotStartTest {

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setDoNotStart(true)
            .build();

    @Test
    void depositsWithTheAccountsOfThisTest(TestWorkflowEnvironment env, Worker worker, Transfer transfer) {
        worker.registerActivitiesImplementations(new FakeAccounts());
        env.start();
        assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
    }

    @Test
    void aWorkflowStartedBeforeTheEnvironmentStartsWaitsForTheStart(TestWorkflowEnvironment env, Worker worker,
            WorkflowClient client, Transfer transfer) {
        String workflowId = WorkflowClient.start(transfer::transfer, "alice", "bob", 100L).getWorkflowId();
        assertThat(client.fetchHistory(workflowId)).hasExactlyEvents(EventType.WorkflowExecutionStarted);

        worker.registerActivitiesImplementations(new FakeAccounts());
        env.start();

        assertThat(client.newUntypedWorkflowStub(workflowId).getResult(String.class))
                .isEqualTo("moved 100 from alice to bob");
    }
}
