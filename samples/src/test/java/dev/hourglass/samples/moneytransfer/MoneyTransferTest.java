package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MoneyTransferTest {
    private final Accounts accounts = mock(Accounts.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(MoneyTransferImpl.class).setActivityImplementations(accounts).build();

    @Test
    void depositsAfterAThreeDayHold(TestWorkflowEnvironment env, MoneyTransfer transfer) {
        long start = env.currentTimeMillis();
        assertThat(transfer.transfer("alice", "bob", 100_00)).isEqualTo("moved 10000 cents from alice to bob");
        assertThat(env.currentTimeMillis() - start).isEqualTo(Duration.ofDays(3).toMillis()); // virtual time
        verify(accounts).deposit("bob", 100_00);
    }
}
