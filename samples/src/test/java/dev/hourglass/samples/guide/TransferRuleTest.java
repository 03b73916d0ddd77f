package dev.hourglass.samples.guide;

// guide: junit4-rule begin
import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.hourglass.testing.TestWorkflowRule;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;

public class TransferRuleTest {

    private final Accounts accounts = mock(Accounts.class);
    private final Notifier notifier = mock(Notifier.class);

    @Rule
    public final TestWorkflowRule testWorkflowRule = TestWorkflowRule.newBuilder()
            .setWorkflowTypes(TransferImpl.class)
            .setActivityImplementations(accounts, notifier)
            .build();

    @Test
    public void depositsAfterAThreeDayHold() {
        Transfer transfer = testWorkflowRule.newWorkflowStub(Transfer.class);
        long before = testWorkflowRule.getTestEnvironment().currentTimeMillis();

        String result = transfer.transfer("alice", "bob", 100);

        assertEquals("moved 100 from alice to bob", result);
        assertEquals(Duration.ofDays(3).toMillis(),
                testWorkflowRule.getTestEnvironment().currentTimeMillis() - before);
        verify(accounts).deposit("bob", 100);
    }
}
// guide: junit4-rule end
