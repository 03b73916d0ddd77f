package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behaviours of the environment that surprise people. */
class PitfallsGuideTest {

    private final Accounts accounts = mock(Accounts.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(accounts, mock(Notifier.class))
            .build();

    // guide: frozen-time begin
    @Test
    void virtualTimeStandsStillWhileAnActivityRuns(TestWorkflowEnvironment env, Transfer transfer) {
        List<Long> clockDuringWithdrawal = new CopyOnWriteArrayList<>();
        when(accounts.withdraw("alice", 100)).thenAnswer(call -> {
            clockDuringWithdrawal.add(env.currentTimeMillis());
            Thread.sleep(50);
            clockDuringWithdrawal.add(env.currentTimeMillis());
            return "tx-1";
        });

        long start = env.currentTimeMillis();

        transfer.transfer("alice", "bob", 100);

        assertThat(clockDuringWithdrawal).containsExactly(start, start);
    }
    // guide: frozen-time end
}
