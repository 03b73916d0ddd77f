package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signals, queries and the moments at which they reach a running transfer. */
class SignalsGuideTest {

    private final Accounts accounts = mock(Accounts.class);
    private final Notifier notifier = mock(Notifier.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts, notifier)
            .build();

    // guide: signal-during-hold begin
    @Test
    void aCancelDuringTheHoldRefunds(TestWorkflowEnvironment env, WorkflowClient client, Transfer transfer) {
        String workflowId = WorkflowClient.start(transfer::transfer, "alice", "bob", 100L).getWorkflowId();

        env.sleep(Duration.ofDays(1));
        assertThat(transfer.status()).isEqualTo("holding");
        transfer.cancel("reported stolen");

        String result = client.newUntypedWorkflowStub(workflowId).getResult(String.class);
        assertThat(result).isEqualTo("refunded 100 to alice: reported stolen");
        verify(accounts).refund("alice", 100);
        verify(accounts, never()).deposit(anyString(), anyLong());
    }
    // guide: signal-during-hold end

    // guide: hold-deadline begin
    @Test
    void theHoldEndsExactlyThreeDaysAfterTheWithdrawal(TestWorkflowEnvironment env, Transfer transfer) {
        WorkflowClient.start(transfer::transfer, "alice", "bob", 100L);

        env.sleep(Duration.ofDays(3).minusMillis(1));
        assertThat(transfer.status()).isEqualTo("holding");

        env.sleep(Duration.ofMillis(1));
        assertThat(transfer.status()).isEqualTo("done");
    }
    // guide: hold-deadline end

    // guide: delayed-callback begin
    @Test
    void aCancelSentByADelayedCallbackArrivesOnTheSecondDay(TestWorkflowEnvironment env, Transfer transfer) {
        env.registerDelayedCallback(Duration.ofDays(1), () -> transfer.cancel("reported stolen"));
        long start = env.currentTimeMillis();

        String result = transfer.transfer("alice", "bob", 100);

        assertThat(result).isEqualTo("refunded 100 to alice: reported stolen");
        assertThat(env.currentTimeMillis() - start).isEqualTo(Duration.ofDays(1).toMillis());
    }
    // guide: delayed-callback end
}
