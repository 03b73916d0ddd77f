package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The workflow-task path, signals, cancellation, termination and timers of the JDBC service on every dialect. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkflowServiceTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration TASK_TIMEOUT = ServiceOptions.getDefaultInstance().getWorkflowTaskTimeout();

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(T0);
    private TestDatabase database;
    private JdbcWorkflowService service;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, directory);
    }

    private JdbcWorkflowService open() {
        service = new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(),
                Duration.ofMillis(20));
        return service;
    }

    @AfterEach
    void closeService() throws Exception {
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

    private static Command command(EventAttributes attributes) {
        return new Command(attributes);
    }

    private static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    private static final Payload RESULT = Payload.fromJson("\"done\"");

    @Test
    void pollHandsOutTheStartedRunWithItsHistory() {
        open();
        WorkflowExecution run = service.startWorkflow(start("transfer-1"));

        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);

        assertThat(task).isNotNull();
        assertThat(task.history().getRunId()).isEqualTo(run.getRunId());
        assertThat(types(task.history())).containsExactly(EventType.WorkflowExecutionStarted);
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).as("the task is leased").isNull();
    }

    @Test
    void completingWithACompletionClosesTheRunAndEndsResultWaits() throws Exception {
        open();
        service.startWorkflow(start("transfer-1"));
        CompletableFuture<History> closed = service.awaitClose("transfer-1", null);
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);

        service.completeWorkflowTask(task.taskToken(),
                List.of(command(new WorkflowExecutionCompletedAttributes(RESULT))));

        History history = closed.get(10, TimeUnit.SECONDS);
        assertThat(types(history)).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionCompleted);
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();
    }

    @Test
    void aCompletionWithAStaleLeaseWritesNothing() {
        open();
        service.startWorkflow(start("transfer-1"));
        WorkflowTask first = service.pollWorkflowTask("payments", NO_WAIT);
        clock.advance(TASK_TIMEOUT.plusMillis(1));
        WorkflowTask second = service.pollWorkflowTask("payments", NO_WAIT);
        assertThat(second).as("handed out again once the lease ran out").isNotNull();

        service.completeWorkflowTask(first.taskToken(),
                List.of(command(new TimerStartedAttributes("t1", Duration.ofHours(1)))));

        assertThat(types(service.getHistory("transfer-1", null))).containsExactly(EventType.WorkflowExecutionStarted);
        service.completeWorkflowTask(second.taskToken(),
                List.of(command(new WorkflowExecutionCompletedAttributes(RESULT))));
        assertThat(types(service.getHistory("transfer-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionCompleted);
    }

    @Test
    void aSignalArrivingDuringATaskIsRecordedAfterItsCommandsAndCausesTheNextTask() {
        open();
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);

        service.signalWorkflow("transfer-1", null, "approve", Payload.fromJson("[true]"));
        assertThat(types(service.getHistory("transfer-1", null))).as("buffered while the task runs")
                .containsExactly(EventType.WorkflowExecutionStarted);
        service.completeWorkflowTask(task.taskToken(),
                List.of(command(new TimerStartedAttributes("t1", Duration.ofHours(1)))));

        assertThat(types(service.getHistory("transfer-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.TimerStarted, EventType.WorkflowExecutionSignaled);
        WorkflowTask next = service.pollWorkflowTask("payments", NO_WAIT);
        assertThat(next).isNotNull();
        assertThat(next.history().getEvents()).hasSize(3);
    }

    @Test
    void aTaskMayNotCloseTheRunOverASignalItHasNotSeen() {
        open();
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        service.signalWorkflow("transfer-1", null, "approve", Payload.fromJson("[true]"));

        service.completeWorkflowTask(task.taskToken(),
                List.of(command(new WorkflowExecutionCompletedAttributes(RESULT))));

        assertThat(types(service.getHistory("transfer-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionSignaled);
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).as("retried with the signal").isNotNull();
    }

    @Test
    void aSignalSentWhileAnotherProcessHandsOutTheTaskIsBufferedForThatTask() throws Exception {
        open();
        service.startWorkflow(start("transfer-1"));
        try (Connection claim = database.connect()) {
            claim.setAutoCommit(false);
            try (Statement statement = claim.createStatement()) {
                statement.executeUpdate("UPDATE hourglass_workflow_tasks SET claims = claims + 1,"
                        + " lease_owner = 'another-process', visible_at = " + T0.plus(TASK_TIMEOUT).toEpochMilli());
            }
            CompletableFuture<Void> signal = CompletableFuture.runAsync(
                    () -> service.signalWorkflow("transfer-1", null, "approve", Payload.fromJson("[true]")));
            Thread.sleep(300); // time for the signal to reach the task that the claim holds
            claim.commit();
            signal.get(10, TimeUnit.SECONDS);
        }

        assertThat(types(service.getHistory("transfer-1", null))).as("buffered for the task handed out")
                .containsExactly(EventType.WorkflowExecutionStarted);
    }

    @Test
    void aTaskWhoseHistoryGrewAfterItWasReadRecordsNothingAndIsHandedOutAgainAtOnce() {
        open();
        WorkflowExecution run = service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        // an input another process appended while the claim read the history, as PostgreSQL lets it
        try (JdbcStore other = database.open(clock)) {
            other.appendEvents(run.getRunId(), 2, List.of(
                    new WorkflowExecutionSignaledAttributes("approve", Payload.fromJson("[true]"), null)));
        }

        service.completeWorkflowTask(task.taskToken(),
                List.of(command(new TimerStartedAttributes("t1", Duration.ofHours(1)))));

        assertThat(types(service.getHistory("transfer-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionSignaled);
        WorkflowTask again = service.pollWorkflowTask("payments", NO_WAIT);
        assertThat(again).as("handed out again at once").isNotNull();
        assertThat(types(again.history())).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionSignaled);
    }

    @Test
    void aSignalToAnIdleRunIsAppendedAtOnce() {
        open();
        service.startWorkflow(start("transfer-1"));
        service.signalWorkflow("transfer-1", null, "approve", Payload.fromJson("[true]"), "client-7");

        HistoryEvent signaled = service.getHistory("transfer-1", null).getEvents().get(1);
        assertThat(signaled.getAttributes()).isEqualTo(
                new WorkflowExecutionSignaledAttributes("approve", Payload.fromJson("[true]"), "client-7"));
    }

    @Test
    void aSignalToAClosedRunSaysHowItClosed() {
        open();
        service.startWorkflow(start("transfer-1"));
        service.terminateWorkflow("transfer-1", null, "by hand");

        assertThatThrownBy(() -> service.signalWorkflow("transfer-1", null, "approve", Payload.fromJson("[]")))
                .isInstanceOf(WorkflowExecutionClosedException.class)
                .hasMessageContaining("is closed: it was terminated (event 2, WorkflowExecutionTerminated")
                .hasMessageContaining("WorkflowExecutionTerminated");
    }

    @Test
    void terminationClosesTheRunAndDropsItsTask() {
        open();
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);

        service.terminateWorkflow("transfer-1", null, "by hand", "operator");
        service.completeWorkflowTask(task.taskToken(),
                List.of(command(new WorkflowExecutionCompletedAttributes(RESULT))));

        assertThat(types(service.getHistory("transfer-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionTerminated);
    }

    @Test
    void cancellationIsRequestedOnce() {
        open();
        service.startWorkflow(start("transfer-1"));

        service.requestCancelWorkflow("transfer-1", null);
        service.requestCancelWorkflow("transfer-1", null);

        assertThat(types(service.getHistory("transfer-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionCancelRequested);
    }

    @Test
    void aFailedTaskIsHandedOutAgainAfterTheRetryInterval() {
        open();
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);

        service.failWorkflowTask(task.taskToken(), new IllegalStateException("bug"));

        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();
        clock.advance(ServiceOptions.getDefaultInstance().getWorkflowTaskRetryInterval());
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNotNull();
    }

    @Test
    void signalWithStartRecordsTheSignalRightAfterTheStart() {
        open();
        service.signalWithStart(start("transfer-1"), "approve", Payload.fromJson("[1]"));

        History history = service.getHistory("transfer-1", null);
        assertThat(history.getEvents().get(1).getAttributes()).isEqualTo(
                new WorkflowExecutionSignaledAttributes("approve", Payload.fromJson("[1]"), null, true));
    }

    @Test
    void aTimerFiresWhenDueAndQueuesATask() throws Exception {
        open();
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        service.completeWorkflowTask(task.taskToken(),
                List.of(command(new TimerStartedAttributes("t1", Duration.ofMinutes(5)))));

        clock.advance(Duration.ofMinutes(5));
        WorkflowTask fired = service.pollWorkflowTask("payments", Duration.ofSeconds(10));

        assertThat(fired).isNotNull();
        assertThat(fired.history().getEvents().get(2).getAttributes()).isEqualTo(new TimerFiredAttributes("t1"));
    }

    @Test
    void aTimerSurvivesClosingAndReopeningTheStore() throws Exception {
        open();
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        service.completeWorkflowTask(task.taskToken(),
                List.of(command(new TimerStartedAttributes("t1", Duration.ofDays(3)))));
        service.close();

        clock.advance(Duration.ofDays(3));
        open();
        WorkflowTask fired = service.pollWorkflowTask("payments", Duration.ofSeconds(10));

        assertThat(fired).isNotNull();
        assertThat(types(fired.history())).containsExactly(EventType.WorkflowExecutionStarted, EventType.TimerStarted,
                EventType.TimerFired);
    }

    @Test
    void aStartDelayHoldsTheFirstTaskBackAcrossAReopenUntilItIsOver() throws Exception {
        open();
        service.startWorkflow(start("reminder-1").withStartDelay(Duration.ofDays(1)));
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();
        service.close();

        clock.advance(Duration.ofDays(1).minusMillis(1));
        open();
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();
        clock.advance(Duration.ofMillis(1));
        WorkflowTask first = service.pollWorkflowTask("payments", NO_WAIT);

        assertThat(first).isNotNull();
        assertThat(types(first.history())).containsExactly(EventType.WorkflowExecutionStarted);
    }

    @Test
    void aSignalDuringTheStartDelayMakesTheFirstTaskDueAtOnce() {
        open();
        service.startWorkflow(start("reminder-1").withStartDelay(Duration.ofDays(1)));

        service.signalWorkflow("reminder-1", null, "hurry", Payload.fromJson("[]"));
        WorkflowTask first = service.pollWorkflowTask("payments", NO_WAIT);

        assertThat(first).isNotNull();
        assertThat(types(first.history())).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionSignaled);
    }

    @Test
    void theSignalThatStartsADelayedRunWaitsWithIt() {
        open();
        service.signalWithStart(start("reminder-1").withStartDelay(Duration.ofDays(1)), "hurry",
                Payload.fromJson("[]"));
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNull();

        clock.advance(Duration.ofDays(1));
        WorkflowTask first = service.pollWorkflowTask("payments", NO_WAIT);

        assertThat(first).isNotNull();
        assertThat(types(first.history())).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionSignaled);
    }

    @Test
    void aLeaseNamesTheProcessThatHoldsIt() throws Exception {
        open();
        service.startWorkflow(start("transfer-1"));
        service.pollWorkflowTask("payments", NO_WAIT);

        assertThat(database.query("SELECT lease_owner FROM hourglass_workflow_tasks")).singleElement().asString()
                .startsWith("jdbc-service-" + ProcessHandle.current().pid() + "-");
    }
}
