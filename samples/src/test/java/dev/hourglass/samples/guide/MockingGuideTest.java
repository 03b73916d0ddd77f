package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.samples.guide.Notifier.Notice;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** Activities replaced by Mockito mocks: results, failures, verification and retries. */
class MockingGuideTest {

    private final Accounts accounts = mock(Accounts.class);
    private final Notifier notifier = mock(Notifier.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts, notifier)
            .build();

    // guide: mock-result begin
    @Test
    void aStubbedResultIsRecordedAsTheActivitysResult(Transfer transfer, WorkflowClient client) {
        when(accounts.withdraw("alice", 100)).thenReturn("tx-42");

        transfer.transfer("alice", "bob", 100);

        ActivityTaskCompletedAttributes withdrawn = client.fetchHistory("aStubbedResultIsRecordedAsTheActivitysResult-1")
                .getEvents().stream()
                .map(HistoryEvent::getAttributes)
                .filter(ActivityTaskCompletedAttributes.class::isInstance)
                .map(ActivityTaskCompletedAttributes.class::cast)
                .findFirst().orElseThrow();
        assertThat(withdrawn.result().decode(String.class)).isEqualTo("tx-42");
    }
    // guide: mock-result end

    // guide: mock-failure begin
    @Test
    void aNonRetryableFailureOfTheWithdrawalFailsTheTransfer(Transfer transfer) {
        when(accounts.withdraw("carol", 100))
                .thenThrow(ApplicationFailure.newNonRetryableFailure("insufficient funds", "InsufficientFunds"));

        assertThatThrownBy(() -> transfer.transfer("carol", "bob", 100))
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOf(ActivityFailure.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("InsufficientFunds"));
        verify(accounts).withdraw("carol", 100);
        verify(accounts, never()).deposit(anyString(), anyLong());
    }
    // guide: mock-failure end

    // guide: mock-in-order begin
    @Test
    void withdrawsThenDepositsThenNotifies(Transfer transfer) {
        transfer.transfer("alice", "bob", 100);

        InOrder order = inOrder(accounts, notifier);
        order.verify(accounts).withdraw("alice", 100);
        order.verify(accounts).deposit("bob", 100);
        order.verify(notifier).send(new Notice("bob", "received 100 cents from alice"));
        order.verifyNoMoreInteractions();
    }
    // guide: mock-in-order end

    // guide: mock-captor begin
    @Test
    void theRecipientIsToldWhoSentTheMoney(Transfer transfer) {
        transfer.transfer("alice", "bob", 100);

        ArgumentCaptor<Notice> notice = ArgumentCaptor.forClass(Notice.class);
        verify(notifier).send(notice.capture());
        assertThat(notice.getValue().account()).isEqualTo("bob");
        assertThat(notice.getValue().text()).contains("from alice");
    }
    // guide: mock-captor end

    // guide: mock-retries begin
    @Test
    void retriesTheWithdrawalWithExponentialBackoffInVirtualTime(TestWorkflowEnvironment env, Transfer transfer) {
        List<Long> attemptTimes = new CopyOnWriteArrayList<>();
        when(accounts.withdraw("alice", 100)).thenAnswer(call -> {
            attemptTimes.add(env.currentTimeMillis());
            if (attemptTimes.size() < 3) {
                throw ApplicationFailure.newFailure("bank unavailable", "BankUnavailable");
            }
            return "tx-1";
        });
        long start = env.currentTimeMillis();

        transfer.transfer("alice", "bob", 100);

        assertThat(attemptTimes).containsExactly(start, start + 1_000, start + 3_000);
    }
    // guide: mock-retries end
}
