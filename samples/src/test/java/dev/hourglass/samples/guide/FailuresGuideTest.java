package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.samples.guide.Notifier.Notice;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.testing.WorkflowTaskFailedException;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the environment reports: failed workflow tasks, nondeterminism found by replay, the seed. */
class FailuresGuideTest {

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    // guide: buggy-workflow begin
    public static class GreetingImpl implements Greeting {
        @Override
        public String greet(String name) {
            return "Hello, " + name.strip() + "!";
        }
    }
    // guide: buggy-workflow end

    @WorkflowInterface
    public interface Onboarding {
        @WorkflowMethod
        String onboard(String customer);
    }

    // guide: static-state-workflow begin
    public static class OnboardingImpl implements Onboarding {
        static final Set<String> WELCOMED = ConcurrentHashMap.newKeySet();

        private final Notifier notifier = Workflow.newActivityStub(Notifier.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String onboard(String customer) {
            if (WELCOMED.add(customer)) {
                notifier.send(new Notice(customer, "welcome!"));
            }
            return customer + " onboarded";
        }
    }
    // guide: static-state-workflow end

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(GreetingImpl.class)
            .build();

    @BeforeEach
    void forgetTheWelcomedCustomers() {
        OnboardingImpl.WELCOMED.clear();
    }

    // guide: fail-fast begin
    @Test
    void aBugInTheWorkflowFailsTheWaitingCallAtOnce(Greeting greeting) {
        assertThatThrownBy(() -> greeting.greet(null))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .hasMessageContaining("workflowId=aBugInTheWorkflowFailsTheWaitingCallAtOnce-1")
                .hasCauseInstanceOf(NullPointerException.class);
    }
    // guide: fail-fast end

    // guide: self-check begin
    @Test
    void theSelfCheckReplayCatchesAWorkflowThatDependsOnStaticState() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("onboarding");
        worker.registerWorkflowImplementationTypes(OnboardingImpl.class);
        worker.registerActivitiesImplementations(mock(Notifier.class));
        env.start();
        Onboarding onboarding = env.getWorkflowClient().newWorkflowStub(Onboarding.class,
                WorkflowOptions.newBuilder().setTaskQueue("onboarding").setWorkflowId("onboard-dana").build());

        assertThat(onboarding.onboard("dana")).isEqualTo("dana onboarded");

        assertThatThrownBy(env::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("self-check replay of a closed execution failed (seed ")
                .hasMessageContaining("history recorded: ActivityTaskScheduled activityId=1 activityType=send")
                .hasCauseInstanceOf(NonDeterministicException.class);
    }
    // guide: self-check end

    // guide: replay-every-task begin
    @Test
    void withNoCacheEveryTaskReplaysAndNondeterminismFailsTheCallAtOnce() {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
                .build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("onboarding");
            worker.registerWorkflowImplementationTypes(OnboardingImpl.class);
            worker.registerActivitiesImplementations(mock(Notifier.class));
            env.start();
            Onboarding onboarding = env.getWorkflowClient().newWorkflowStub(Onboarding.class,
                    WorkflowOptions.newBuilder().setTaskQueue("onboarding").setWorkflowId("onboard-erin").build());

            assertThatThrownBy(() -> onboarding.onboard("erin"))
                    .isInstanceOf(WorkflowTaskFailedException.class)
                    .hasCauseInstanceOf(NonDeterministicException.class);
        }
    }
    // guide: replay-every-task end

    // guide: same-seed begin
    @Test
    void theSameSeedGivesTheSameHistory() {
        assertThat(historyOfATransferWithSeed(42)).isEqualTo(historyOfATransferWithSeed(42));
    }

    private static String historyOfATransferWithSeed(long seed) {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder().setSeed(seed).build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(mock(Accounts.class), mock(Notifier.class));
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());
            transfer.transfer("alice", "bob", 100);
            return env.getWorkflowClient().fetchHistory("transfer-1").toJson();
        }
    }
    // guide: same-seed end
}
