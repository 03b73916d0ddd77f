package dev.hourglass.samples.guide;

// guide: first-test begin
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirstTransferTest {

    private final Accounts accounts = mock(Accounts.class);
    private final Notifier notifier = mock(Notifier.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts, notifier)
            .build();

    @Test
    void depositsAfterAThreeDayHold(TestWorkflowEnvironment env, Transfer transfer) {
        long before = env.currentTimeMillis();

        String result = transfer.transfer("alice", "bob", 100);

        assertThat(result).isEqualTo("moved 100 from alice to bob");
        assertThat(env.currentTimeMillis() - before).isEqualTo(Duration.ofDays(3).toMillis());
        verify(accounts).deposit("bob", 100);
    }
}
// guide: first-test end
