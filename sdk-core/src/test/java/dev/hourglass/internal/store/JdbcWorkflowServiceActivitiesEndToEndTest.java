package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Activities on the JDBC service under the real client and worker record what the in-memory service records, on every
 * dialect.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkflowServiceActivitiesEndToEndTest {

    @ActivityInterface
    public interface Account {
        String withdraw(String account, int amount);

        String deposit(String account, int amount);
    }

    /** Fails the first {@code failures} withdrawals (retryably, or not), then succeeds. */
    public static class AccountImpl implements Account {
        private final int failures;
        private final boolean nonRetryable;
        final AtomicInteger withdrawals = new AtomicInteger();

        AccountImpl(int failures, boolean nonRetryable) {
            this.failures = failures;
            this.nonRetryable = nonRetryable;
        }

        @Override
        public String withdraw(String account, int amount) {
            if (withdrawals.incrementAndGet() <= failures) {
                throw nonRetryable ? ApplicationFailure.newNonRetryableFailure("account closed", "AccountClosed")
                        : ApplicationFailure.newFailure("bank busy", "BankBusy");
            }
            return "withdrew " + amount + " from " + account;
        }

        @Override
        public String deposit(String account, int amount) {
            return "deposited " + amount + " to " + account;
        }
    }

    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        String transfer(int amount);
    }

    /** Withdraws then deposits; the withdrawal on task queue "bank", retried quickly. */
    public static class TransferImpl implements Transfer {
        private final Account withdrawals = Workflow.newActivityStub(Account.class, ActivityOptions.newBuilder()
                .setTaskQueue("bank").setStartToCloseTimeout(Duration.ofMillis(500))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(20))
                        .setMaximumAttempts(5).build())
                .build());
        private final Account deposits = Workflow.newActivityStub(Account.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String transfer(int amount) {
            return withdrawals.withdraw("alice", amount) + ", " + deposits.deposit("bob", amount);
        }
    }

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, directory);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private JdbcWorkflowService openJdbc() {
        return new JdbcWorkflowService(database.open(Clock.systemUTC()), ServiceOptions.getDefaultInstance(),
                Duration.ofMillis(20));
    }

    @Test
    void aWorkflowWithTwoActivitiesRunsToTheSameHistoryAsInMemory() {
        History inMemory;
        try (InMemoryWorkflowService service = new InMemoryWorkflowService(Clock.systemUTC(),
                new RealTimeScheduler(Clock.systemUTC()), ServiceOptions.getDefaultInstance())) {
            inMemory = runTransfer(service, new AccountImpl(0, false));
        }
        History durable;
        try (JdbcWorkflowService service = openJdbc()) {
            durable = runTransfer(service, new AccountImpl(0, false));
        }

        assertThat(types(durable)).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.ActivityTaskScheduled, EventType.ActivityTaskStarted, EventType.ActivityTaskCompleted,
                EventType.ActivityTaskScheduled, EventType.ActivityTaskStarted, EventType.ActivityTaskCompleted,
                EventType.WorkflowExecutionCompleted);
        assertThat(attributes(durable)).isEqualTo(attributes(inMemory));
    }

    @Test
    void aFailingActivityIsRetriedUntilItSucceedsAsInMemory() {
        AccountImpl flaky = new AccountImpl(2, false);
        History inMemory;
        try (InMemoryWorkflowService service = new InMemoryWorkflowService(Clock.systemUTC(),
                new RealTimeScheduler(Clock.systemUTC()), ServiceOptions.getDefaultInstance())) {
            inMemory = runTransfer(service, new AccountImpl(2, false));
        }
        History durable;
        try (JdbcWorkflowService service = openJdbc()) {
            durable = runTransfer(service, flaky);
        }

        assertThat(flaky.withdrawals).hasValue(3);
        assertThat(durable.getEvents().get(2).getAttributes())
                .isEqualTo(new ActivityTaskStartedAttributes("1", 3, null));
        assertThat(attributes(durable)).isEqualTo(attributes(inMemory));
    }

    @Test
    void aNonRetryableFailureFailsTheActivityAfterOneAttempt() {
        AccountImpl closed = new AccountImpl(1, true);
        try (JdbcWorkflowService service = openJdbc()) {
            assertThatThrownBy(() -> runTransfer(service, closed)).isInstanceOf(WorkflowFailedException.class);

            assertThat(closed.withdrawals).hasValue(1);
            assertThat(types(service.getHistory("transfer-1", null))).containsExactly(
                    EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                    EventType.ActivityTaskStarted, EventType.ActivityTaskFailed, EventType.WorkflowExecutionFailed);
        }
    }

    @Test
    void theAttemptOfAWorkerThatDiedRunsAgainOnceItsLeaseRunsOut() throws Exception {
        try (JdbcWorkflowService service = openJdbc()) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory workflows = WorkerFactory.newInstance(client);
            Worker worker = workflows.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(new AccountImpl(0, false));
            workflows.start();
            try {
                Transfer transfer = client.newWorkflowStub(Transfer.class,
                        WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());
                WorkflowClient.start(transfer::transfer, 42);
                // a worker takes the withdrawal and dies with it: nothing ever answers this attempt
                ActivityTask dead = Awaitility.await("the withdrawal to be scheduled").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> service.pollActivityTask("bank", "dead-worker", Duration.ZERO),
                                task -> task != null);
                assertThat(dead.attempt()).isEqualTo(1);

                WorkerFactory bank = WorkerFactory.newInstance(client);
                bank.newWorker("bank").registerActivitiesImplementations(new AccountImpl(0, false));
                bank.start();
                try {
                    assertThat(client.newUntypedWorkflowStub("transfer-1").getResult(30, TimeUnit.SECONDS,
                            String.class))
                            .isEqualTo("withdrew 42 from alice, deposited 42 to bob");
                } finally {
                    bank.shutdown();
                }
            } finally {
                workflows.shutdown();
            }
            History history = service.getHistory("transfer-1", null);
            assertThat(history.getEvents().get(2).getAttributes())
                    .isEqualTo(new ActivityTaskStartedAttributes("1", 2, null));
        }
    }

    /** Runs one transfer to its end through a client and workers on {@code service}; returns its history. */
    private static History runTransfer(WorkflowServiceSpi service, Account account) {
        WorkflowClient client = WorkflowClient.newInstance(service);
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker("transfers");
        worker.registerWorkflowImplementationTypes(TransferImpl.class);
        worker.registerActivitiesImplementations(account);
        factory.newWorker("bank").registerActivitiesImplementations(account);
        factory.start();
        try {
            Transfer transfer = client.newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-1").build());
            assertThat(transfer.transfer(42)).isEqualTo("withdrew 42 from alice, deposited 42 to bob");
            return service.getHistory("transfer-1", null);
        } finally {
            factory.shutdown();
        }
    }

    private static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    private static List<EventAttributes> attributes(History history) {
        return history.getEvents().stream().map(HistoryEvent::getAttributes).toList();
    }
}
