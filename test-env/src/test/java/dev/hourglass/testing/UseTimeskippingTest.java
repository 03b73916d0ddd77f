package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link TestEnvironmentOptions.Builder#setUseTimeskipping}: an environment that starts with skipping off. */
class UseTimeskippingTest {

    @Test
    void timeskippingIsOnByDefault() {
        assertThat(TestEnvironmentOptions.getDefaultInstance().isUseTimeskipping()).isTrue();
    }

    @Test
    void aCopyOfTheOptionsKeepsTimeskippingOff() {
        TestEnvironmentOptions off = TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build();

        assertThat(TestEnvironmentOptions.newBuilder(off).build().isUseTimeskipping()).isFalse();
    }

    @Test
    void withoutTimeskippingAWaitingClientDoesNotMoveTheClockButSleepDoes() {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(new FakeAccounts());
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());
            WorkflowClient.start(transfer::transfer, "alice", "bob", 100L);
            CompletableFuture<String> result =
                    env.getWorkflowClient().newUntypedWorkflowStub("transfer-1").getResultAsync(String.class);

            env.sleep(Duration.ofDays(2));
            assertThat(result).isNotDone();

            env.sleep(Duration.ofDays(1));
            assertThat(result.join()).isEqualTo("moved 100 from alice to bob");
        }
    }
}
