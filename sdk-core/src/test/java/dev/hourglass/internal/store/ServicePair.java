package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The in-memory service and a JDBC service driven alike, call by call, over one clock that moves only when told and
 * ids seeded alike: what the JDBC service records can be compared with what the in-memory service records, event by
 * event, times and ids included.
 */
final class ServicePair implements AutoCloseable {

    /** A workflow task of each service, handed out by the same poll. */
    record Tasks(WorkflowTask memory, WorkflowTask jdbc) {
    }

    final SettableClock clock = new SettableClock(T0);
    final InMemoryWorkflowService memory;
    final JdbcWorkflowService jdbc;

    /** Opens both services; the JDBC one on {@code database}, sweeping only when a test calls {@link #sweep}. */
    ServicePair(TestDatabase database, ServiceOptions options) {
        this.memory = new InMemoryWorkflowService(clock, new RealTimeScheduler(clock), options, IdGenerator.seeded(42));
        this.jdbc = new JdbcWorkflowService(database.open(clock), options, Duration.ofHours(1));
    }

    ServicePair(TestDatabase database) {
        this(database, ServiceOptions.getDefaultInstance());
    }

    /** Does the same to both services. */
    void both(Consumer<WorkflowServiceSpi> call) {
        call.accept(memory);
        call.accept(jdbc);
    }

    WorkflowExecution start(StartWorkflowRequest request) {
        WorkflowExecution inMemory = memory.startWorkflow(request);
        WorkflowExecution durable = jdbc.startWorkflow(request);
        assertThat(durable).as("the run started by the JDBC service").isEqualTo(inMemory);
        return durable;
    }

    /** Polls both services; both hand out a task, or neither does. */
    Tasks poll(String taskQueue) {
        WorkflowTask inMemory = memory.pollWorkflowTask(taskQueue, Duration.ZERO);
        WorkflowTask durable = jdbc.pollWorkflowTask(taskQueue, Duration.ZERO);
        assertThat(durable == null).as("the JDBC service hands out a task of '%s' as the in-memory one does",
                taskQueue).isEqualTo(inMemory == null);
        return inMemory == null ? null : new Tasks(inMemory, durable);
    }

    void complete(Tasks tasks, EventAttributes... commands) {
        List<Command> list = Arrays.stream(commands).map(Command::new).toList();
        memory.completeWorkflowTask(tasks.memory().taskToken(), list);
        jdbc.completeWorkflowTask(tasks.jdbc().taskToken(), list);
    }

    /** Polls a task of {@code taskQueue} from both and completes it with {@code commands}. */
    Tasks pollAndComplete(String taskQueue, EventAttributes... commands) {
        Tasks tasks = poll(taskQueue);
        assertThat(tasks).as("a workflow task of '%s'", taskQueue).isNotNull();
        complete(tasks, commands);
        return tasks;
    }

    void signal(String workflowId, String signalName) {
        both(service -> service.signalWorkflow(workflowId, null, signalName, Payload.fromJson("[]"), null));
    }

    /** The history of a run in the JDBC service, after checking that it is the in-memory one. */
    History history(String workflowId, String runId) {
        History durable = jdbc.getHistory(workflowId, runId);
        assertThat(durable.toJson()).as("the history of %s in the JDBC service, compared with the in-memory one",
                workflowId).isEqualTo(memory.getHistory(workflowId, runId).toJson());
        assertThat(durable).as("the history of %s in the JDBC service, compared with the in-memory one",
                workflowId).isEqualTo(memory.getHistory(workflowId, runId));
        return durable;
    }

    /** The latest runs' histories of the workflow ids, after checking that each is the in-memory one. */
    List<History> histories(String... workflowIds) {
        List<History> histories = new ArrayList<>();
        for (String workflowId : workflowIds) {
            histories.add(history(workflowId, null));
        }
        return histories;
    }

    /** Fires what is due in the JDBC service: timers, activity and execution timeouts. */
    void sweep() {
        jdbc.sweepTimers();
    }

    static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    @Override
    public void close() {
        try {
            jdbc.close();
        } finally {
            memory.close();
        }
    }
}
