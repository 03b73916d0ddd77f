package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.testing.MoneyTransfer.Accounts;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestWorkflowExtensionTest {

    private static final Set<TestWorkflowEnvironment> ENVIRONMENTS_SEEN = ConcurrentHashMap.newKeySet();

    private final Accounts accounts = mock(Accounts.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts)
            .build();

    private TestWorkflowEnvironment environmentOfBeforeEach;

    @BeforeEach
    void rememberTheEnvironment(TestWorkflowEnvironment env) {
        environmentOfBeforeEach = env;
    }

    @Test
    void depositsAfterAThreeDayHold(TestWorkflowEnvironment env, Transfer transfer) {
        long before = env.currentTimeMillis();
        String result = transfer.transfer("alice", "bob", 100);
        assertThat(result).isEqualTo("moved 100 from alice to bob");
        assertThat(env.currentTimeMillis() - before).isEqualTo(Duration.ofDays(3).toMillis());
        verify(accounts).deposit("bob", 100);
    }

    @Test
    void aCancelSignalDuringTheHoldRefunds(TestWorkflowEnvironment env, WorkflowClient client, Transfer transfer) {
        WorkflowExecution execution = WorkflowClient.start(transfer::transfer, "alice", "bob", 100L);
        env.sleep(Duration.ofDays(1));
        transfer.cancel("suspected fraud");
        assertThatThrownBy(() -> client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(String.class))
                .isInstanceOf(WorkflowFailedException.class);
        verify(accounts).refund("alice", 100);
        assertThat(client.fetchHistory(execution.getWorkflowId()))
                .hasSignal("cancel")
                .hasActivityScheduled("refund")
                .hasActivityScheduledTimes("deposit", 0)
                .failedWith("TransferCanceled");
    }

    @Test
    void historiesOfInjectedStubsSatisfyHistoryAssertions(Transfer transfer, WorkflowClient client) {
        transfer.transfer("alice", "bob", 100);
        assertThat(client.fetchHistory("historiesOfInjectedStubsSatisfyHistoryAssertions-1"))
                .hasEventsInOrder(EventType.ActivityTaskScheduled, EventType.TimerStarted, EventType.TimerFired,
                        EventType.ActivityTaskScheduled)
                .hasActivityScheduled("withdraw")
                .hasTimerStarted(Duration.ofDays(3))
                .isClosed()
                .completedWith("moved 100 from alice to bob");
    }

    @Test
    void theTimelineOfATransferShowsTheHoldAsThreeDays(Transfer transfer, WorkflowClient client) {
        transfer.transfer("alice", "bob", 100);
        String timeline = HistoryTimeline.format(
                client.fetchHistory("theTimelineOfATransferShowsTheHoldAsThreeDays-1"));
        assertThat(timeline)
                .startsWith("Timeline of theTimelineOfATransferShowsTheHoldAsThreeDays-1 (workflow type Transfer,"
                        + " task queue test-theTimelineOfATransferShowsTheHoldAsThreeDays, run ")
                .contains("  #5   +0d 00:00:00.000  TimerStarted                timerId=1 duration=3d\n")
                .contains("  #6   +3d 00:00:00.000  TimerFired                  timerId=1\n")
                .endsWith("  #10  +3d 00:00:00.000  WorkflowExecutionCompleted  result=\"moved 100 from alice to bob\"");
    }

    @Test
    void injectsTheEnvironmentAndItsClient(TestWorkflowEnvironment env, WorkflowClient client) {
        assertThat(env).isNotNull();
        assertThat(client).isSameAs(env.getWorkflowClient());
    }

    @Test
    void injectsTheStartedWorkerOfTheTestsTaskQueue(Worker worker) {
        assertThat(worker.getTaskQueue()).isEqualTo("test-injectsTheStartedWorkerOfTheTestsTaskQueue");
        assertThatThrownBy(() -> worker.registerActivitiesImplementations(new FakeAccounts()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void injectsStubsOnTheWorkersTaskQueueWithWorkflowIdsNamedAfterTheTest(Transfer first, Transfer second,
            WorkflowClient client) {
        String firstId = WorkflowClient.start(first::transfer, "alice", "bob", 1L).getWorkflowId();
        String secondId = WorkflowClient.start(second::transfer, "carol", "dave", 2L).getWorkflowId();
        assertThat(firstId).isEqualTo("injectsStubsOnTheWorkersTaskQueueWithWorkflowIdsNamedAfterTheTest-1");
        assertThat(secondId).isEqualTo("injectsStubsOnTheWorkersTaskQueueWithWorkflowIdsNamedAfterTheTest-2");
        assertThat(client.newUntypedWorkflowStub(secondId).getResult(String.class))
                .isEqualTo("moved 2 from carol to dave");
        assertThat(client.fetchHistory(firstId).getTaskQueue())
                .isEqualTo("test-injectsStubsOnTheWorkersTaskQueueWithWorkflowIdsNamedAfterTheTest");
    }

    @Test
    void beforeEachMethodsReceiveTheEnvironmentOfTheTest(TestWorkflowEnvironment env) {
        assertThat(environmentOfBeforeEach).isSameAs(env);
    }

    @Test
    void aWorkflowIdUsedInOneTestIsFreeInTheNext(TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
        runTheSharedTransferInAFreshEnvironment(env, client, worker);
    }

    @Test
    void aWorkflowIdUsedInTheOtherTestIsFreeInThisOne(TestWorkflowEnvironment env, WorkflowClient client,
            Worker worker) {
        runTheSharedTransferInAFreshEnvironment(env, client, worker);
    }

    /** Either test of the pair runs second and would fail if the first one's environment leaked into it. */
    private static void runTheSharedTransferInAFreshEnvironment(TestWorkflowEnvironment env, WorkflowClient client,
            Worker worker) {
        assertThat(ENVIRONMENTS_SEEN.add(env)).as("environment is new").isTrue();
        assertThat(env.currentTimeMillis()).isEqualTo(TestEnvironmentOptions.DEFAULT_INITIAL_TIME.toEpochMilli());
        Transfer transfer = client.newWorkflowStub(Transfer.class, WorkflowOptions.newBuilder()
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowId("shared-transfer")
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                .build());
        assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
        History history = client.fetchHistory("shared-transfer");
        assertThat(history).hasActivityScheduledTimes("withdraw", 1);
    }
}
