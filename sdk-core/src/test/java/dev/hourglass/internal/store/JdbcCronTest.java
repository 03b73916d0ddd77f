package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCanceledAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A workflow on a cron schedule in the SQL stores: one run per fire time, each started when the last one closed. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcCronTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final String HOURLY = "0 * * * *";
    private static final Instant ONE_PM = Instant.parse("2024-05-01T13:00:00Z");

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(T0);
    private TestDatabase database;
    private JdbcWorkflowService service;

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, directory);
        service = new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(),
                Duration.ofMillis(20));
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

    private String startHourly() {
        return service.startWorkflow(start("report").withCron(HOURLY, null)).getRunId();
    }

    private static WorkflowExecutionStartedAttributes started(History history) {
        return history.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
    }

    /** Runs the due workflow task of the run, closing it with {@code closing}; returns the closed run's history. */
    private History closeDueRun(EventAttributes closing) {
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        assertThat(task).as("a workflow task is due at %s", clock.instant()).isNotNull();
        service.completeWorkflowTask(task.taskToken(),
                List.of(new Command(closing)));
        return service.getHistory("report", task.history().getRunId());
    }

    @Test
    void theFirstRunWaitsForTheFirstFireTime() {
        startHourly();

        History first = service.getHistory("report", null);
        assertThat(started(first).cronSchedule()).isEqualTo(HOURLY);
        assertThat(started(first).firstWorkflowTaskBackoff()).isEqualTo(Duration.between(T0, ONE_PM));
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();

        clock.set(ONE_PM);
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNotNull();
    }

    @Test
    void aCompletedRunStartsTheNextRunDueAtTheNextFireTime() {
        String firstRunId = startHourly();
        clock.set(ONE_PM.plusSeconds(5));

        History closed = closeDueRun(new WorkflowExecutionCompletedAttributes(Payload.of("report 1")));

        History next = service.getHistory("report", null);
        assertThat(closed.getRunId()).isEqualTo(firstRunId);
        assertThat(closed.getLastEvent().getAttributes(WorkflowExecutionCompletedAttributes.class)
                .newExecutionRunId()).isEqualTo(next.getRunId());
        assertThat(started(next).continuedFromRunId()).isEqualTo(firstRunId);
        assertThat(started(next).cronSchedule()).isEqualTo(HOURLY);
        assertThat(started(next).input()).isEqualTo(started(closed).input());
        assertThat(started(next).lastCompletionResult()).isEqualTo(Payload.of("report 1"));
        assertThat(started(next).firstWorkflowTaskBackoff()).isEqualTo(Duration.ofMinutes(60).minusSeconds(5));
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();
    }

    @Test
    void aFailedRunStartsTheNextRunAndKeepsTheLastCompletionResult() {
        startHourly();
        clock.set(ONE_PM);
        closeDueRun(new WorkflowExecutionCompletedAttributes(Payload.of("report 1")));
        clock.set(ONE_PM.plus(Duration.ofHours(1)));

        History failed = closeDueRun(new WorkflowExecutionFailedAttributes(
                Payload.fromJson("{\"message\":\"no data\",\"type\":\"ApplicationFailure\"}")));

        History next = service.getHistory("report", null);
        assertThat(failed.getLastEvent().getAttributes(WorkflowExecutionFailedAttributes.class).newExecutionRunId())
                .isEqualTo(next.getRunId());
        assertThat(started(next).lastCompletionResult()).isEqualTo(Payload.of("report 1"));
    }

    @Test
    void aRunThatContinuesAsNewPassesTheScheduleOn() {
        startHourly();
        clock.set(ONE_PM);
        closeDueRun(new WorkflowExecutionCompletedAttributes(Payload.of("report 1")));
        clock.set(ONE_PM.plus(Duration.ofHours(1)));

        History continued = closeDueRun(new WorkflowExecutionContinuedAsNewAttributes(null, Payload.ofArguments("b"),
                null, null));

        History next = service.getHistory("report", null);
        assertThat(started(next).continuedFromRunId()).isEqualTo(continued.getRunId());
        assertThat(started(next).cronSchedule()).isEqualTo(HOURLY);
        assertThat(started(next).lastCompletionResult()).isEqualTo(Payload.of("report 1"));
        assertThat(started(next).firstWorkflowTaskBackoff()).isNull();
    }

    @Test
    void aCanceledRunEndsTheChain() {
        startHourly();
        clock.set(ONE_PM);
        service.requestCancelWorkflow("report", null);

        History canceled = closeDueRun(new WorkflowExecutionCanceledAttributes());

        assertThat(service.getHistory("report", null).getRunId()).isEqualTo(canceled.getRunId());
        assertThat(canceled.getEvents()).extracting(HistoryEvent::getEventType).last()
                .isEqualTo(EventType.WorkflowExecutionCanceled);
    }

    @Test
    void aTerminatedRunEndsTheChain() {
        String runId = startHourly();

        service.terminateWorkflow("report", null, "the report is retired");
        clock.set(ONE_PM.plus(Duration.ofDays(1)));

        assertThat(service.getHistory("report", null).getRunId()).isEqualTo(runId);
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();
    }
}
