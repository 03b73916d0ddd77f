package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two services on one database stand for two processes: what one of them does wakes the other's idle poll and result
 * wait at once, long before the sweep interval after which they would look anyway (SQLite: the watcher sees the
 * database's data version change; PostgreSQL: a notification).
 */
class CrossProcessWakeUpTest {

    /** So long that only a wake-up can end the waits below in time. */
    private static final ServiceOptions SLOW_SWEEPS = ServiceOptions.newBuilder()
            .setSweepInterval(Duration.ofMinutes(5)).build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWorkflowStartedByAnotherProcessWakesAnIdlePoll(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.create(dialect, directory);
                JdbcWorkflowService worker = new JdbcWorkflowService(database.open(Clock.systemUTC()), SLOW_SWEEPS);
                JdbcWorkflowService client = new JdbcWorkflowService(database.open(Clock.systemUTC()), SLOW_SWEEPS)) {
            assertThat(worker.pollWorkflowTask("payments", Duration.ZERO)).as("nothing to do yet").isNull();
            CompletableFuture<WorkflowTask> polled = CompletableFuture.supplyAsync(
                    () -> worker.pollWorkflowTask("payments", WAIT));
            Thread.sleep(200); // the poll has looked once and sleeps

            client.startWorkflow(start("transfer-1"));

            WorkflowTask task = polled.get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            assertThat(task).as("handed out within the poll's %s, not after the %s sweep interval", WAIT,
                    SLOW_SWEEPS.getSweepInterval()).isNotNull();
            assertThat(task.history().getWorkflowId()).isEqualTo("transfer-1");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRunClosedByAnotherProcessEndsAResultWait(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.create(dialect, directory);
                JdbcWorkflowService worker = new JdbcWorkflowService(database.open(Clock.systemUTC()), SLOW_SWEEPS);
                JdbcWorkflowService client = new JdbcWorkflowService(database.open(Clock.systemUTC()), SLOW_SWEEPS)) {
            client.startWorkflow(start("transfer-1"));
            CompletableFuture<History> result = client.awaitClose("transfer-1", null);
            Thread.sleep(200); // the wait has looked once

            WorkflowTask task = worker.pollWorkflowTask("payments", Duration.ZERO);
            worker.completeWorkflowTask(task.taskToken(),
                    List.of(new Command(new WorkflowExecutionCompletedAttributes(Payload.fromJson("\"done\"")))));

            History history = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(history.getEvents().get(history.getEvents().size() - 1).getEventType())
                    .isEqualTo(EventType.WorkflowExecutionCompleted);
        }
    }
}
