package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.worker.Worker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An environment the test starts itself, and closing under Temporal's names. */
class LifecycleGuideTest {

    // guide: do-not-start begin
    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setDoNotStart(true)
            .build();

    @Test
    void registersTheActivitiesOfThisTestThenStarts(TestWorkflowEnvironment env, Worker worker, Transfer transfer) {
        worker.registerActivitiesImplementations(mock(Accounts.class), mock(Notifier.class));
        env.start();

        assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
    }
    // guide: do-not-start end

    // guide: shutdown begin
    @Test
    void shutdownClosesTheEnvironmentAsCloseDoes() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

        env.shutdown();

        assertThat(env.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    }
    // guide: shutdown end
}
