package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An environment borrows its threads (the one that moves virtual time, the one that replays closed runs) from
 * pools shared by the JVM: a test suite or a fuzzer that opens thousands of environments one after another does
 * not pay for starting threads each time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EnvironmentThreadsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void environmentsOpenedOneAfterAnotherStartNoThreadsOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            assertThat(transferInAFreshEnvironment(i)).startsWith("moved");
        }
        long startedBefore = THREADS.getTotalStartedThreadCount();

        for (int i = 0; i < 50; i++) {
            assertThat(transferInAFreshEnvironment(i)).startsWith("moved");
        }

        assertThat(THREADS.getTotalStartedThreadCount() - startedBefore)
                .as("threads started while 50 environments ran a transfer each, one after another")
                .isLessThan(10);
    }

    @Test
    void anEnvironmentOpenedAfterOthersClosedRunsItsWorkflowsAsUsual() {
        for (int i = 0; i < 5; i++) {
            transferInAFreshEnvironment(i);
        }

        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            var worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(MoneyTransfer.TransferImpl.class);
            worker.registerActivitiesImplementations(new MoneyTransfer.FakeAccounts());
            env.start();
            long start = env.currentTimeMillis();
            MoneyTransfer.Transfer transfer = env.getWorkflowClient().newWorkflowStub(MoneyTransfer.Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("after-others").build());

            assertThat(transfer.transfer("alice", "bob", 100)).isEqualTo("moved 100 from alice to bob");
            assertThat(env.currentTimeMillis() - start).isGreaterThanOrEqualTo(MoneyTransfer.HOLD.toMillis());
        }
    }

    private static String transferInAFreshEnvironment(int seed) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(seed).build())) {
            var worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(MoneyTransfer.TransferImpl.class);
            worker.registerActivitiesImplementations(new MoneyTransfer.FakeAccounts());
            env.start();
            return env.getWorkflowClient().newWorkflowStub(MoneyTransfer.Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-" + seed).build())
                    .transfer("alice", "bob", 100);
        }
    }
}
