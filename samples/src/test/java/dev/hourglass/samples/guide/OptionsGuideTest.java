package dev.hourglass.samples.guide;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.samples.guide.FailuresGuideTest.Greeting;
import dev.hourglass.samples.guide.FailuresGuideTest.GreetingImpl;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The options of the environment: initial time, time skipping, fail fast. */
class OptionsGuideTest {

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(mock(Accounts.class), mock(Notifier.class))
            .build();

    // guide: initial-time begin
    @Test
    void aTransferStartedOnTheLastDayOfFebruaryEndsInMarch() {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setInitialTime(Instant.parse("2030-02-28T09:00:00Z"))
                .build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(mock(Accounts.class), mock(Notifier.class));
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());

            transfer.transfer("alice", "bob", 100);

            assertThat(Instant.ofEpochMilli(env.currentTimeMillis())).isEqualTo("2030-03-03T09:00:00Z");
        }
    }
    // guide: initial-time end

    // guide: skipping-disabled begin
    @Test
    void withTimeSkippingOffOnlyTheTestMovesTheClock(TestWorkflowEnvironment env, WorkflowClient client,
            Transfer transfer) {
        String workflowId = WorkflowClient.start(transfer::transfer, "alice", "bob", 100L).getWorkflowId();
        env.setTimeSkippingDisabled(true);
        CompletableFuture<String> result = client.newUntypedWorkflowStub(workflowId).getResultAsync(String.class);

        env.sleep(Duration.ofDays(2));
        assertThat(result).isNotDone();
        assertThat(transfer.status()).isEqualTo("holding");

        env.setTimeSkippingDisabled(false);
        assertThat(result.join()).isEqualTo("moved 100 from alice to bob");
    }
    // guide: skipping-disabled end

    // guide: fail-fast-off begin
    @Test
    void withFailFastOffAFailedTaskIsRetriedWhileTheExecutionWaits() {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder().setFailFast(false).build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("greetings");
            worker.registerWorkflowImplementationTypes(GreetingImpl.class);
            env.start();
            Greeting greeting = env.getWorkflowClient().newWorkflowStub(Greeting.class,
                    WorkflowOptions.newBuilder().setTaskQueue("greetings").setWorkflowId("greeting-1").build());

            WorkflowClient.start(greeting::greet, (String) null);
            env.sleep(Duration.ofSeconds(3));

            assertThat(env.getWorkflowClient().fetchHistory("greeting-1"))
                    .isOpen()
                    .hasExactlyEvents(EventType.WorkflowExecutionStarted);
        }
    }
    // guide: fail-fast-off end
}
