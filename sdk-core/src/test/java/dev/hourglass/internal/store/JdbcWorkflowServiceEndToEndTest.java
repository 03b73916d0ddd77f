package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import dev.hourglass.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDBC service under the real client and worker records what the in-memory service records, on every dialect. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkflowServiceEndToEndTest {

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String request(String item);

        @SignalMethod
        void approve(String approver);
    }

    /** Holds the request for a moment (a timer), then waits for an approver (a signal). */
    public static class ApprovalImpl implements Approval {
        private String approver;

        @Override
        public String request(String item) {
            Workflow.sleep(Duration.ofMillis(50));
            Workflow.await(() -> approver != null);
            return item + " approved by " + approver;
        }

        @Override
        public void approve(String name) {
            approver = name;
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

    @Test
    void aWorkflowWithATimerAndASignalRunsToTheSameHistoryAsInMemory() {
        History inMemory;
        try (InMemoryWorkflowService service = new InMemoryWorkflowService(Clock.systemUTC(),
                new RealTimeScheduler(Clock.systemUTC()), ServiceOptions.getDefaultInstance())) {
            inMemory = runApproval(service);
        }
        History durable;
        try (JdbcWorkflowService service = new JdbcWorkflowService(database.open(Clock.systemUTC()),
                ServiceOptions.getDefaultInstance(), Duration.ofMillis(50))) {
            durable = runApproval(service);
        }

        assertThat(types(durable)).containsExactly(EventType.WorkflowExecutionStarted, EventType.TimerStarted,
                EventType.TimerFired, EventType.WorkflowExecutionSignaled, EventType.WorkflowExecutionCompleted);
        assertThat(attributes(durable)).isEqualTo(attributes(inMemory));
    }

    @Test
    void theHistoryOfTheRunIsReadBackFromTheDatabaseAfterTheServiceClosed() {
        History recorded;
        try (JdbcWorkflowService service = new JdbcWorkflowService(database.open(Clock.systemUTC()),
                ServiceOptions.getDefaultInstance(), Duration.ofMillis(50))) {
            recorded = runApproval(service);
        }

        try (JdbcStore store = database.open(Clock.systemUTC())) {
            assertThat(store.readHistory("approval-1", null)).isEqualTo(recorded);
        }
    }

    /** Runs one approval to its end through a client and a worker on {@code service}; returns its history. */
    private static History runApproval(WorkflowServiceSpi service) {
        WorkflowClient client = WorkflowClient.newInstance(service);
        WorkerFactory factory = WorkerFactory.newInstance(client);
        factory.newWorker("approvals").registerWorkflowImplementationTypes(ApprovalImpl.class);
        factory.start();
        try {
            Approval approval = client.newWorkflowStub(Approval.class,
                    WorkflowOptions.newBuilder().setTaskQueue("approvals").setWorkflowId("approval-1").build());
            WorkflowClient.start(approval::request, "laptop");
            // signal once the timer fired, so that both services see the same order of inputs
            Awaitility.await("the timer of approval-1 to fire").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> types(service.getHistory("approval-1", null)).contains(EventType.TimerFired));
            approval.approve("ada");
            WorkflowStub stub = client.newUntypedWorkflowStub("approval-1");
            assertThat(stub.getResult(String.class)).isEqualTo("laptop approved by ada");
            return service.getHistory("approval-1", null);
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
