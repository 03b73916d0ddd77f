package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the JUnit extension injects, and the environment used without it. */
class ExtensionGuideTest {

    private final Accounts accounts = mock(Accounts.class);
    private final Notifier notifier = mock(Notifier.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts, notifier)
            .build();

    private Instant startOfTest;

    // guide: before-each begin
    @BeforeEach
    void rememberTheStartOfTheTest(TestWorkflowEnvironment env) {
        startOfTest = Instant.ofEpochMilli(env.currentTimeMillis());
    }
    // guide: before-each end

    @Test
    void everyTestStartsAtTheDefaultInitialTime() {
        assertThat(startOfTest).isEqualTo(TestEnvironmentOptions.DEFAULT_INITIAL_TIME);
    }

    // guide: injected-stubs begin
    @Test
    void eachInjectedStubHasAWorkflowIdOfItsOwn(Transfer first, Transfer second, WorkflowClient client) {
        String firstId = WorkflowClient.start(first::transfer, "alice", "bob", 1L).getWorkflowId();
        String secondId = WorkflowClient.start(second::transfer, "carol", "dave", 2L).getWorkflowId();

        assertThat(firstId).isEqualTo("eachInjectedStubHasAWorkflowIdOfItsOwn-1");
        assertThat(secondId).isEqualTo("eachInjectedStubHasAWorkflowIdOfItsOwn-2");
        assertThat(client.newUntypedWorkflowStub(secondId).getResult(String.class))
                .isEqualTo("moved 2 from carol to dave");
    }
    // guide: injected-stubs end

    @Test
    void theInjectedWorkerPollsATaskQueueNamedAfterTheTest(Worker worker) {
        assertThat(worker.getTaskQueue()).isEqualTo("test-theInjectedWorkerPollsATaskQueueNamedAfterTheTest");
    }

    // guide: without-extension begin
    @Test
    void runsATransferWithoutTheExtension() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(mock(Accounts.class), mock(Notifier.class));
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());

            assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
            assertThat(env.currentTimeMillis())
                    .isEqualTo(TestEnvironmentOptions.DEFAULT_INITIAL_TIME.plus(Duration.ofDays(3)).toEpochMilli());
        }
    }
    // guide: without-extension end
}
