package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowImplementationOptionsTest {

    private static final String QUEUE = "implementation-options";

    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        String transfer(String problem);
    }

    @ActivityInterface
    public interface Account {
        String withdraw(String amount);

        String deposit(String amount);
    }

    public static class AccountImpl implements Account {
        @Override
        public String withdraw(String amount) {
            return "withdrew " + amount;
        }

        @Override
        public String deposit(String amount) {
            return "deposited " + amount;
        }
    }

    public static class InsufficientFunds extends RuntimeException {
        public InsufficientFunds(String message) {
            super(message);
        }
    }

    public static class OverdraftLimitReached extends InsufficientFunds {
        public OverdraftLimitReached(String message) {
            super(message);
        }
    }

    /** Throws what its argument names; else calls both activities through a stub created without options. */
    public static class TransferImpl implements Transfer {
        private final Account account = Workflow.newActivityStub(Account.class);

        @Override
        public String transfer(String problem) {
            switch (problem) {
                case "insufficient":
                    throw new InsufficientFunds("balance 3 < 5");
                case "overdraft":
                    throw new OverdraftLimitReached("limit 100 reached");
                case "bug":
                    throw new IllegalStateException("a bug");
                default:
                    return account.withdraw("5") + ", " + account.deposit("5");
            }
        }
    }

    /** Calls both activities through a stub whose options set only a heartbeat timeout and a start-to-close one. */
    public static class TransferWithStubOptions implements Transfer {
        private final Account account = Workflow.newActivityStub(Account.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(7))
                .setHeartbeatTimeout(Duration.ofSeconds(2))
                .build());

        @Override
        public String transfer(String problem) {
            return account.withdraw("5") + ", " + account.deposit("5");
        }
    }

    private static final ActivityOptions DEFAULTS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .build();
    private static final RetryPolicy THREE_ATTEMPTS = RetryPolicy.newBuilder().setMaximumAttempts(3).build();
    private static final ActivityOptions WITHDRAW = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryPolicy(THREE_ATTEMPTS)
            .build();

    private final TestWorkflowEnvironment env =
            TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(11).build());

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Worker worker() {
        Worker worker = env.newWorker(QUEUE);
        worker.registerActivitiesImplementations(new AccountImpl());
        return worker;
    }

    private String run(String workflowId, String problem) {
        return env.getWorkflowClient().newWorkflowStub(Transfer.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build()).transfer(problem);
    }

    private ActivityTaskScheduledAttributes scheduled(String workflowId, String activityType) {
        History history = env.getWorkflowClient().fetchHistory(workflowId);
        return history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.ActivityTaskScheduled)
                .map(event -> event.getAttributes(ActivityTaskScheduledAttributes.class))
                .filter(attributes -> attributes.activityType().equals(activityType))
                .findFirst()
                .orElseThrow();
    }

    private static WorkflowImplementationOptions failOn(Class<? extends Throwable> type) {
        return WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(type)
                .setDefaultActivityOptions(DEFAULTS)
                .build();
    }

    @Test
    void aListedExceptionFailsTheWorkflowWithItsClassNameAsFailureType() {
        worker().registerWorkflowImplementationTypes(failOn(InsufficientFunds.class), TransferImpl.class);
        env.start();

        assertThatThrownBy(() -> run("transfer-listed", "insufficient"))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .isInstanceOf(ApplicationFailure.class)
                .satisfies(cause -> assertThat(((ApplicationFailure) cause).getType())
                        .isEqualTo(InsufficientFunds.class.getName()))
                .hasMessageContaining("balance 3 < 5");
        assertThat(env.getWorkflowClient().fetchHistory("transfer-listed").getEvents())
                .extracting(HistoryEvent::getEventType)
                .endsWith(EventType.WorkflowExecutionFailed);
    }

    @Test
    void aSubclassOfAListedExceptionFailsTheWorkflow() {
        worker().registerWorkflowImplementationTypes(failOn(InsufficientFunds.class), TransferImpl.class);
        env.start();

        assertThatThrownBy(() -> run("transfer-subclass", "overdraft"))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .satisfies(cause -> assertThat(((ApplicationFailure) cause).getType())
                        .isEqualTo(OverdraftLimitReached.class.getName()));
    }

    @Test
    void anUnlistedExceptionFailsTheWorkflowTask() {
        worker().registerWorkflowImplementationTypes(failOn(InsufficientFunds.class), TransferImpl.class);
        env.start();

        assertThatThrownBy(() -> run("transfer-bug", "bug"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStubCreatedWithoutOptionsUsesTheDefaultActivityOptions() {
        worker().registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setDefaultActivityOptions(DEFAULTS).build(), TransferImpl.class);
        env.start();

        assertThat(run("transfer-defaults", "none")).isEqualTo("withdrew 5, deposited 5");
        assertThat(scheduled("transfer-defaults", "deposit").startToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theOptionsOfAnActivityTypeOverrideTheDefaults() {
        worker().registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setDefaultActivityOptions(DEFAULTS)
                .setActivityOptions(Map.of("withdraw", WITHDRAW))
                .build(), TransferImpl.class);
        env.start();

        run("transfer-per-type", "none");

        assertThat(scheduled("transfer-per-type", "withdraw").startToCloseTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(scheduled("transfer-per-type", "withdraw").retryPolicy()).isEqualTo(THREE_ATTEMPTS);
        assertThat(scheduled("transfer-per-type", "deposit").startToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theOptionsOfAnActivityTypeAreMergedOverTheStubOptionsFieldByField() {
        worker().registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setActivityOptions(Map.of("withdraw", WITHDRAW))
                .build(), TransferWithStubOptions.class);
        env.start();

        run("transfer-stub-options", "none");

        ActivityTaskScheduledAttributes withdraw = scheduled("transfer-stub-options", "withdraw");
        assertThat(withdraw.startToCloseTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(withdraw.retryPolicy()).isEqualTo(THREE_ATTEMPTS);
        assertThat(withdraw.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void stubOptionsReplaceTheDefaultActivityOptionsAsAWhole() {
        worker().registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setDefaultActivityOptions(ActivityOptions.newBuilder(DEFAULTS).setRetryPolicy(THREE_ATTEMPTS).build())
                .build(), TransferWithStubOptions.class);
        env.start();

        run("transfer-stub-over-defaults", "none");

        ActivityTaskScheduledAttributes deposit = scheduled("transfer-stub-over-defaults", "deposit");
        assertThat(deposit.startToCloseTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(deposit.retryPolicy()).isNull();
    }

    @Test
    void anActivityWithoutAnyOptionsFailsTheWorkflowTaskNamingItsInterface() {
        worker().registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setActivityOptions(Map.of("withdraw", WITHDRAW))
                .build(), TransferImpl.class);
        env.start();

        assertThatThrownBy(() -> run("transfer-no-timeout", "none"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessageStartingWith("activity 'deposit' of " + Account.class.getName() + " has no timeout")
                .hasMessageContaining("setDefaultActivityOptions");
    }

    @Test
    void aFactoryRegisteredWithOptionsRunsItsExecutionsWithThem() {
        worker().registerWorkflowImplementationFactory(Transfer.class, TransferImpl::new,
                failOn(InsufficientFunds.class));
        env.start();

        assertThat(run("transfer-factory", "none")).isEqualTo("withdrew 5, deposited 5");
        assertThatThrownBy(() -> run("transfer-factory-fails", "insufficient"))
                .isInstanceOf(WorkflowFailedException.class);
    }

    @Test
    void aHistoryRecordedWithOptionsReplaysWithTheSameOptions() {
        WorkflowImplementationOptions options = failOn(InsufficientFunds.class);
        worker().registerWorkflowImplementationTypes(options, TransferImpl.class);
        env.start();
        run("transfer-replayed", "none");
        History history = env.getWorkflowClient().fetchHistory("transfer-replayed");

        assertThatCode(() -> Replayer.replay(history, true, WorkflowImplementation.of(TransferImpl.class, options)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Replayer.replay(history, true, WorkflowImplementation.of(TransferImpl.class)))
                .hasMessageContaining("has no timeout");
    }

    @Test
    void theSelfCheckReplaysAFailedWorkflowWithTheRegisteredOptions() {
        worker().registerWorkflowImplementationTypes(failOn(InsufficientFunds.class), TransferImpl.class);
        env.start();
        assertThatThrownBy(() -> run("transfer-self-check", "insufficient"))
                .isInstanceOf(WorkflowFailedException.class);

        assertThatCode(env::close).doesNotThrowAnyException();
    }
}
