package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The backlog of a task queue, as each service counts it for the worker's gauge: what is due and not yet taken. */
class TaskQueueBacklogTest {

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(T0);
    private TestDatabase database;
    private WorkflowServiceSpi service;

    private WorkflowServiceSpi open(String kind) {
        if (kind.equals("memory")) {
            service = new InMemoryWorkflowService(clock, new RealTimeScheduler(clock), ServiceOptions.getDefaultInstance());
        } else {
            database = TestDatabase.create(Dialect.valueOf(kind), directory);
            service = new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(),
                    Duration.ofMillis(20));
        }
        return service;
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "SQLITE", "POSTGRESQL"})
    void countsTheWorkflowTasksAndAttemptsThatAreDueAndNotTaken(String kind) {
        open(kind);
        service.startWorkflow(start("transfer-1"));
        service.startWorkflow(start("transfer-2"));
        assertThat(service.taskQueueBacklog("payments")).isEqualTo(2);

        WorkflowTask taken = service.pollWorkflowTask("payments", Duration.ZERO);
        assertThat(service.taskQueueBacklog("payments")).isEqualTo(1);

        service.completeWorkflowTask(taken.taskToken(), List.of(new Command(new ActivityTaskScheduledAttributes("1",
                "withdraw", "payments", Payload.fromJson("[]"), Duration.ofMinutes(1), null, null, null, null))));
        assertThat(service.taskQueueBacklog("payments")).isEqualTo(2);
        assertThat(service.taskQueueBacklog("nobody-polls-this")).isZero();
    }
}
