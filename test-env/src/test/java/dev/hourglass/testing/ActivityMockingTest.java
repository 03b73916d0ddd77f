package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.MoneyTransfer.Accounts;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class ActivityMockingTest {

    private final Accounts accounts = mock(Accounts.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts)
            .build();

    @Test
    void aMockOfTheActivityInterfaceReceivesTheCallsWithTheirArguments(Transfer transfer) {
        transfer.transfer("alice", "bob", 100);
        verify(accounts).withdraw("alice", 100);
        verify(accounts).deposit("bob", 100);
        verify(accounts, never()).refund(anyString(), anyLong());
    }

    @Test
    void theOrderOfActivityCallsCanBeVerified(Transfer transfer) {
        transfer.transfer("alice", "bob", 100);
        InOrder order = inOrder(accounts);
        order.verify(accounts).withdraw("alice", 100);
        order.verify(accounts).deposit("bob", 100);
        order.verifyNoMoreInteractions();
    }

    @Test
    void stubbedReturnValuesAreTheActivitiesResults(Transfer transfer, WorkflowClient client) {
        when(accounts.withdraw("alice", 100)).thenReturn("tx-42");
        transfer.transfer("alice", "bob", 100);
        HistoryEvent withdrawn = client.fetchHistory("stubbedReturnValuesAreTheActivitiesResults-1").getEvents()
                .stream().filter(event -> event.getEventType() == EventType.ActivityTaskCompleted)
                .findFirst().orElseThrow();
        assertThat(withdrawn.getAttributes(ActivityTaskCompletedAttributes.class).result().decode(String.class))
                .isEqualTo("tx-42");
    }

    @Test
    void aStubbedNonRetryableFailureFailsTheWorkflowWithItsType(Transfer transfer, WorkflowClient client) {
        when(accounts.withdraw("carol", 100))
                .thenThrow(ApplicationFailure.newNonRetryableFailure("insufficient funds", "InsufficientFunds"));
        assertThatThrownBy(() -> transfer.transfer("carol", "bob", 100))
                .isInstanceOf(WorkflowFailedException.class)
                .satisfies(failure -> assertThat(causes(failure))
                        .anySatisfy(cause -> assertThat(cause).isInstanceOfSatisfying(ApplicationFailure.class,
                                application -> assertThat(application.getType()).isEqualTo("InsufficientFunds"))));
        verify(accounts, times(1)).withdraw("carol", 100);
        verify(accounts, never()).deposit(anyString(), anyLong());
        assertThat(client.fetchHistory("aStubbedNonRetryableFailureFailsTheWorkflowWithItsType-1"))
                .failedWith("InsufficientFunds");
    }

    @Test
    void aStubbedRetryableFailureIsRetriedInVirtualTime(Transfer transfer, WorkflowClient client) {
        when(accounts.withdraw("alice", 100))
                .thenThrow(ApplicationFailure.newFailure("bank unavailable", "BankUnavailable"))
                .thenReturn("tx-1");
        assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
        verify(accounts, times(2)).withdraw("alice", 100);
        assertThat(client.fetchHistory("aStubbedRetryableFailureIsRetriedInVirtualTime-1"))
                .hasActivityScheduledTimes("withdraw", 1);
    }

    @Test
    void aMockOfAnImplementationClassIsRegisteredByTheInterfacesTheClassImplements() {
        assertMockWorksOnAWorker(mock(FakeAccounts.class));
    }

    @Test
    void aSpyOfAnImplementationRunsTheRealMethodsAndRecordsTheCalls() {
        FakeAccounts spy = spy(new FakeAccounts());
        assertMockWorksOnAWorker(spy);
    }

    @Test
    void aMockWorksOnAWorkerOfAnEnvironmentWithoutTheExtension() {
        assertMockWorksOnAWorker(mock(Accounts.class));
    }

    /** An interface of the application's own that extends the activity interface without the annotation. */
    public interface AuditedAccounts extends Accounts {
        String lastAudit();
    }

    @Test
    void aMockOfAnInterfaceExtendingTheActivityInterfaceIsRegisteredByTheActivityInterface() {
        assertMockWorksOnAWorker(mock(AuditedAccounts.class));
    }

    private static void assertMockWorksOnAWorker(Accounts mock) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            var worker = env.newWorker("mocks");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(mock);
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("mocks").setWorkflowId("mocked").build());
            transfer.transfer("alice", "bob", 5);
            verify(mock).withdraw("alice", 5);
            verify(mock).deposit("bob", 5);
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
