package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestWorkflowEnvironmentTest {

    private static final String QUEUE = "test-env";

    @ActivityInterface
    public interface Accounts {
        void withdraw(String account, long cents);

        void deposit(String account, long cents);
    }

    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        long transfer(String from, String to, long cents);
    }

    public static class TransferImpl implements Transfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public long transfer(String from, String to, long cents) {
            long start = Workflow.currentTimeMillis();
            accounts.withdraw(from, cents);
            Workflow.sleep(Duration.ofDays(3));
            accounts.deposit(to, cents);
            return Workflow.currentTimeMillis() - start;
        }
    }

    public static class RecordingAccounts implements Accounts {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void withdraw(String account, long cents) {
            calls.add("withdraw " + account);
        }

        @Override
        public void deposit(String account, long cents) {
            calls.add("deposit " + account);
        }
    }

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String await(Duration timeout);

        @SignalMethod
        void approve(String who);
    }

    public static class ApprovalImpl implements Approval {
        private String approver;

        @Override
        public String await(Duration timeout) {
            boolean approved = Workflow.await(timeout, () -> approver != null);
            return approved ? "approved by " + approver : "timed out";
        }

        @Override
        public void approve(String who) {
            approver = who;
        }
    }

    private TestWorkflowEnvironment env;
    private RecordingAccounts accounts;
    private WorkflowClient client;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(42).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(TransferImpl.class, ApprovalImpl.class);
        accounts = new RecordingAccounts();
        worker.registerActivitiesImplementations(accounts);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private <T> T stub(Class<T> type, String id) {
        return client.newWorkflowStub(type, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
    }

    @Test
    void threeDaySleepCompletesInVirtualTime() {
        long before = env.currentTimeMillis();
        long slept = stub(Transfer.class, "t1").transfer("alice", "bob", 100);
        assertThat(slept).isEqualTo(Duration.ofDays(3).toMillis());
        assertThat(env.currentTimeMillis() - before).isEqualTo(Duration.ofDays(3).toMillis());
        assertThat(accounts.calls).containsExactly("withdraw alice", "deposit bob");
    }

    @Test
    void signalDeliveredWhileSleepingAfterExplicitSleep() {
        Approval approval = stub(Approval.class, "a1");
        WorkflowClient.start(approval::await, Duration.ofDays(1));
        env.sleep(Duration.ofHours(2));
        approval.approve("carol");
        assertThat(client.newUntypedWorkflowStub("a1").getResult(String.class)).isEqualTo("approved by carol");
        assertThat(env.currentTimeMillis() - TestEnvironmentOptions.DEFAULT_INITIAL_TIME.toEpochMilli())
                .isEqualTo(Duration.ofHours(2).toMillis());
    }

    @Test
    void awaitWithDeadlineTimesOutInVirtualTime() {
        assertThat(stub(Approval.class, "a2").await(Duration.ofDays(7))).isEqualTo("timed out");
    }

    @Test
    void delayedCallbackRunsAtItsVirtualTime() {
        long[] firedAt = new long[1];
        env.registerDelayedCallback(Duration.ofHours(5), () -> firedAt[0] = env.currentTimeMillis());
        long start = env.currentTimeMillis();
        env.sleep(Duration.ofHours(6));
        assertThat(firedAt[0] - start).isEqualTo(Duration.ofHours(5).toMillis());
    }

    @WorkflowInterface
    public interface Buggy {
        @WorkflowMethod
        void run();
    }

    public static class BuggyImpl implements Buggy {
        @Override
        public void run() {
            Workflow.sleep(Duration.ofMinutes(1));
            throw new IllegalStateException("bug in workflow code");
        }
    }

    @Test
    void failedWorkflowTaskFailsTheWaitingCallAtOnce() {
        try (TestWorkflowEnvironment other = TestWorkflowEnvironment.newInstance()) {
            other.newWorker(QUEUE).registerWorkflowImplementationTypes(BuggyImpl.class);
            other.start();
            Buggy buggy = other.getWorkflowClient().newWorkflowStub(Buggy.class,
                    WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("buggy").build());
            assertThatThrownBy(buggy::run)
                    .isInstanceOf(WorkflowTaskFailedException.class)
                    .hasMessageContaining("buggy")
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("bug in workflow code");
        }
    }

    @Test
    void newWorkerRejectsANullTaskQueueNamingTheEnvironment() {
        assertThatThrownBy(() -> env.newWorker(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TestWorkflowEnvironment.newWorker: taskQueue must not be null or blank,"
                        + " was null");
    }

    @Test
    void newWorkerRejectsABlankTaskQueue() {
        assertThatThrownBy(() -> env.newWorker(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TestWorkflowEnvironment.newWorker: taskQueue must not be null or blank,"
                        + " was ''");
    }
}
