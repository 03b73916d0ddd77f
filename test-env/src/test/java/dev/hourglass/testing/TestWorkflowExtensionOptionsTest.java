package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import dev.hourglass.worker.Worker;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered on a static field, with a task queue, a seed and an initial time. */
class TestWorkflowExtensionOptionsTest {

    private static final Instant START = Instant.parse("2030-06-01T09:00:00Z");
    private static final Set<TestWorkflowEnvironment> ENVIRONMENTS_SEEN = ConcurrentHashMap.newKeySet();
    private static final AtomicReference<String> HISTORY_OF_OTHER_TEST = new AtomicReference<>();

    @RegisterExtension
    static final TestWorkflowExtension WORKFLOWS = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(new FakeAccounts())
            .setTaskQueue("transfers")
            .setTestEnvironmentOptions(TestEnvironmentOptions.newBuilder().setSeed(42).setInitialTime(START).build())
            .build();

    @Test
    void eachTestGetsANewEnvironmentWithTheGivenSeedAndInitialTime(TestWorkflowEnvironment env) {
        assertThat(ENVIRONMENTS_SEEN.add(env)).isTrue();
        assertThat(env.getSeed()).isEqualTo(42);
        assertThat(env.currentTimeMillis()).isEqualTo(START.toEpochMilli());
    }

    @Test
    void theWorkerAndTheInjectedStubsUseTheGivenTaskQueue(TestWorkflowEnvironment env, Worker worker,
            Transfer transfer, WorkflowClient client) {
        assertThat(ENVIRONMENTS_SEEN.add(env)).isTrue();
        assertThat(worker.getTaskQueue()).isEqualTo("transfers");
        transfer.transfer("alice", "bob", 1);
        assertThat(client.fetchHistory("theWorkerAndTheInjectedStubsUseTheGivenTaskQueue-1").getTaskQueue())
                .isEqualTo("transfers");
    }

    @Test
    void theSameSeedGivesTheSameHistoryInEveryTest(WorkflowClient client) {
        assertThat(sameHistoryAsTheOtherTest(client)).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameHistoryInThisTestToo(WorkflowClient client) {
        assertThat(sameHistoryAsTheOtherTest(client)).isTrue();
    }

    /** The first of the pair to run records its history; the second compares its own with it. */
    private static boolean sameHistoryAsTheOtherTest(WorkflowClient client) {
        Transfer transfer = client.newWorkflowStub(Transfer.class,
                WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("seeded").build());
        transfer.transfer("alice", "bob", 100);
        String json = client.fetchHistory("seeded").toJson();
        String other = HISTORY_OF_OTHER_TEST.compareAndExchange(null, json);
        return other == null || other.equals(json);
    }
}
