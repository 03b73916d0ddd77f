package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Child workflows, continue-as-new and execution timeouts under the real client and worker on the JDBC service, on
 * every dialect: the histories are those the in-memory service records for the same workflows.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcChildrenEndToEndTest {

    @WorkflowInterface
    public interface Packing {
        @WorkflowMethod
        String pack(String item);
    }

    @WorkflowInterface
    public interface Shipment {
        @WorkflowMethod
        String ship(String item);
    }

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod
        int count(int value, int limit);
    }

    @WorkflowInterface
    public interface Sleeper {
        @WorkflowMethod
        void sleep();
    }

    public static class PackingImpl implements Packing {
        @Override
        public String pack(String item) {
            Workflow.sleep(Duration.ofMillis(20));
            return "packed " + item + " for " + Workflow.getInfo().getParentWorkflowId().orElse("nobody");
        }
    }

    /** Ships an item once a child workflow packed it. */
    public static class ShipmentImpl implements Shipment {
        @Override
        public String ship(String item) {
            Packing packing = Workflow.newChildWorkflowStub(Packing.class, ChildWorkflowOptions.newBuilder()
                    .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-packing").build());
            return packing.pack(item) + ", shipped";
        }
    }

    /** Counts up to its limit, one run per step. */
    public static class CounterImpl implements Counter {
        @Override
        public int count(int value, int limit) {
            Workflow.sleep(Duration.ofMillis(5));
            if (value < limit) {
                Workflow.continueAsNew(value + 1, limit);
            }
            return value;
        }
    }

    public static class SleeperImpl implements Sleeper {
        @Override
        public void sleep() {
            Workflow.sleep(Duration.ofHours(1));
        }
    }

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, dir);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aParentAndItsChildRecordWhatTheyRecordInMemory() {
        Function<WorkflowServiceSpi, List<History>> scenario = service -> run(service, client -> {
            Shipment shipment = client.newWorkflowStub(Shipment.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("shipping").setWorkflowId("shipment-1").build());
            assertThat(shipment.ship("lamp")).isEqualTo("packed lamp for shipment-1, shipped");
            return List.of(service.getHistory("shipment-1", null), service.getHistory("shipment-1-packing", null));
        });
        List<History> inMemory = inMemory(scenario);
        List<History> durable = durable(scenario);

        assertThat(types(durable.get(0))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.StartChildWorkflowExecutionInitiated, EventType.ChildWorkflowExecutionStarted,
                EventType.ChildWorkflowExecutionCompleted, EventType.WorkflowExecutionCompleted);
        assertThat(attributes(durable)).isEqualTo(attributes(inMemory));
    }

    @Test
    void aChainOfContinueAsNewRunsRecordsWhatItRecordsInMemoryAndTheResultIsTheLastRuns() {
        Function<WorkflowServiceSpi, List<History>> scenario = service -> run(service, client -> {
            Counter counter = client.newWorkflowStub(Counter.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("shipping").setWorkflowId("counter-1").build());
            assertThat(counter.count(1, 3)).isEqualTo(3);
            return chain(service, "counter-1");
        });
        List<History> inMemory = inMemory(scenario);
        List<History> durable = durable(scenario);

        assertThat(durable).hasSize(3);
        assertThat(attributes(durable)).isEqualTo(attributes(inMemory));
    }

    @Test
    void aWorkflowPastItsExecutionTimeoutTimesOutForItsClient() {
        List<History> durable = durable(service -> run(service, client -> {
            Sleeper sleeper = client.newWorkflowStub(Sleeper.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("shipping").setWorkflowId("sleeper-1")
                    .setWorkflowExecutionTimeout(Duration.ofMillis(300)).build());
            assertThatThrownBy(sleeper::sleep).isInstanceOf(WorkflowFailedException.class);
            return List.of(service.getHistory("sleeper-1", null));
        }));

        // whether the timer was recorded first depends on how fast the worker is: the close does not
        assertThat(types(durable.get(0))).startsWith(EventType.WorkflowExecutionStarted)
                .endsWith(EventType.WorkflowExecutionTimedOut);
    }

    /** The histories of every run of a workflow id, following its continue-as-new chain from the first run. */
    private static List<History> chain(WorkflowServiceSpi service, String workflowId) {
        List<History> runs = new ArrayList<>();
        History run = service.getHistory(workflowId, IdGenerator.seeded(42).newRunId(workflowId, 1));
        runs.add(run);
        while (run.getLastEvent().getAttributes() instanceof WorkflowExecutionContinuedAsNewAttributes next) {
            run = service.getHistory(workflowId, next.newRunId());
            runs.add(run);
        }
        return runs;
    }

    private static List<History> inMemory(Function<WorkflowServiceSpi, List<History>> scenario) {
        try (InMemoryWorkflowService service = new InMemoryWorkflowService(Clock.systemUTC(),
                new RealTimeScheduler(Clock.systemUTC()), ServiceOptions.getDefaultInstance(), IdGenerator.seeded(42))) {
            return scenario.apply(service);
        }
    }

    private List<History> durable(Function<WorkflowServiceSpi, List<History>> scenario) {
        try (JdbcWorkflowService service = new JdbcWorkflowService(database.open(Clock.systemUTC()),
                ServiceOptions.getDefaultInstance(), Duration.ofMillis(50))) {
            return scenario.apply(service);
        }
    }

    /** Runs {@code scenario} with a client and a worker of every workflow here on {@code service}. */
    private static List<History> run(WorkflowServiceSpi service, Function<WorkflowClient, List<History>> scenario) {
        WorkflowClient client = WorkflowClient.newInstance(service);
        WorkerFactory factory = WorkerFactory.newInstance(client);
        factory.newWorker("shipping").registerWorkflowImplementationTypes(ShipmentImpl.class, PackingImpl.class,
                CounterImpl.class, SleeperImpl.class);
        factory.start();
        try {
            return scenario.apply(client);
        } finally {
            factory.shutdown();
        }
    }

    private static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    /** The attributes of every event of the runs, run by run: all but the times, which the real clock sets. */
    private static List<List<EventAttributes>> attributes(List<History> runs) {
        return runs.stream().map(run -> run.getEvents().stream().map(HistoryEvent::getAttributes).toList()).toList();
    }
}
