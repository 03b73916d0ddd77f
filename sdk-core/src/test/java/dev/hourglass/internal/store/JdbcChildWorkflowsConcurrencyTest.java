package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Children of one parent that close at the same time, each through a service of its own over one database (workers
 * on many machines): every close reaches the parent, none is lost to another writer of the parent's history.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcChildWorkflowsConcurrencyTest {

    private static final int CHILDREN = 6;

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private final List<JdbcWorkflowService> services = new ArrayList<>();
    private TestDatabase database;

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, dir);
        for (int i = 0; i < CHILDREN; i++) {
            services.add(new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(),
                    Duration.ofHours(1)));
        }
    }

    @AfterEach
    void close() throws Exception {
        try {
            services.forEach(JdbcWorkflowService::close);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void childrenThatCompleteAtOnceAllReachTheirParent() throws Exception {
        JdbcWorkflowService first = services.get(0);
        first.startWorkflow(StartWorkflowRequest.of("order-1", "Order", "orders", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        WorkflowTask parentTask = first.pollWorkflowTask("orders", Duration.ZERO);
        List<Command> starts = new ArrayList<>();
        for (int i = 1; i <= CHILDREN; i++) {
            starts.add(new Command(new StartChildWorkflowExecutionInitiatedAttributes(String.valueOf(i),
                    "order-1-part-" + i, "Part", "parts", Payload.fromJson("[]"), null, null)));
        }
        first.completeWorkflowTask(parentTask.taskToken(), starts);
        List<WorkflowTask> childTasks = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            childTasks.add(first.pollWorkflowTask("parts", Duration.ZERO));
        }

        CyclicBarrier together = new CyclicBarrier(CHILDREN);
        ExecutorService threads = Executors.newFixedThreadPool(CHILDREN);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CHILDREN; i++) {
                JdbcWorkflowService service = services.get(i);
                WorkflowTask task = childTasks.get(i);
                done.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    service.completeWorkflowTask(task.taskToken(), List.of(new Command(
                            new WorkflowExecutionCompletedAttributes(Payload.of("made")))));
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(database.query("SELECT status FROM hourglass_runs WHERE workflow_id LIKE 'order-1-part-%'"))
                .containsOnly("COMPLETED").hasSize(CHILDREN);
        List<EventType> parentEvents = first.getHistory("order-1", null).getEvents().stream()
                .map(HistoryEvent::getEventType).toList();
        assertThat(parentEvents).filteredOn(type -> type == EventType.ChildWorkflowExecutionCompleted)
                .hasSize(CHILDREN);
    }

    @Test
    void twoParentsThatStartOneChildIdAtOnceStartItOnceAndTheOtherParentHearsWhy() throws Exception {
        List<WorkflowTask> parentTasks = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            services.get(0).startWorkflow(StartWorkflowRequest.of("order-" + i, "Order", "orders",
                    Payload.fromJson("[]"), WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
            parentTasks.add(services.get(0).pollWorkflowTask("orders", Duration.ZERO));
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JdbcWorkflowService service = services.get(i);
                WorkflowTask task = parentTasks.get(i);
                done.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    service.completeWorkflowTask(task.taskToken(), List.of(new Command(
                            new StartChildWorkflowExecutionInitiatedAttributes("1", "audit-1", "Audit", "audits",
                                    Payload.fromJson("[]"), null, null))));
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(database.query("SELECT COUNT(*) FROM hourglass_runs WHERE workflow_id = 'audit-1'"))
                .containsExactly("1");
        List<EventType> outcomes = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            outcomes.add(services.get(0).getHistory("order-" + i, null).getLastEvent().getEventType());
        }
        assertThat(outcomes).containsExactlyInAnyOrder(EventType.ChildWorkflowExecutionStarted,
                EventType.ChildWorkflowExecutionFailed);
    }
}
