package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.ActivityTaskCanceledAttributes;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
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

/** Activities on the JDBC service, driven through the SPI under a clock the tests move, on every dialect. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkflowServiceActivitiesTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Payload RESULT = Payload.fromJson("\"withdrawn\"");
    private static final RetryPolicy TWO_ATTEMPTS = RetryPolicy.newBuilder().setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2).setMaximumAttempts(2).build();

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

    /** Opens the service with a sweeper that never runs on its own: the tests sweep when they mean to. */
    private JdbcWorkflowService open() {
        service = new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(),
                Duration.ofDays(1));
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

    private static ActivityTaskScheduledAttributes withdraw(Duration startToClose, RetryPolicy policy) {
        return new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[\"alice\",420]"),
                startToClose, null, null, policy, null);
    }

    /** Starts transfer-1 and completes its first workflow task with {@code commands}. */
    private void startWith(EventAttributes... commands) {
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        service.completeWorkflowTask(task.taskToken(), List.of(commands).stream().map(Command::new).toList());
    }

    private List<EventType> types() {
        return history().getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    private History history() {
        return service.getHistory("transfer-1", null);
    }

    private EventAttributes last() {
        List<HistoryEvent> events = history().getEvents();
        return events.get(events.size() - 1).getAttributes();
    }

    private static Payload failure(String type, boolean nonRetryable) {
        return Payload.fromJson("{\"message\":\"declined\",\"type\":\"" + type + "\",\"nonRetryable\":" + nonRetryable
                + "}");
    }

    @Test
    void aScheduledActivityIsHandedOutOnceWithItsInput() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));

        ActivityTask attempt = service.pollActivityTask("payments", "worker-a", NO_WAIT);

        assertThat(attempt).isNotNull();
        assertThat(attempt.activityType()).isEqualTo("withdraw");
        assertThat(attempt.attempt()).isEqualTo(1);
        assertThat(attempt.input().toJson()).isEqualTo("[\"alice\",420]");
        assertThat(attempt.scheduledTime()).isEqualTo(T0);
        assertThat(service.pollActivityTask("payments", "worker-b", NO_WAIT)).as("the attempt is leased").isNull();
    }

    @Test
    void aCompletionRecordsTheAttemptsStartAndResultAndQueuesAWorkflowTask() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));
        ActivityTask attempt = service.pollActivityTask("payments", "worker-a", NO_WAIT);

        service.completeActivityTask(attempt.taskToken(), RESULT);

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.ActivityTaskStarted, EventType.ActivityTaskCompleted);
        assertThat(history().getEvents().get(2).getAttributes())
                .isEqualTo(new ActivityTaskStartedAttributes("1", 1, "worker-a"));
        assertThat(last()).isEqualTo(new ActivityTaskCompletedAttributes("1", RESULT));
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNotNull();
    }

    @Test
    void aCompletionWhileAWorkflowTaskRunsIsRecordedWhenTheTaskEnds() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));
        ActivityTask attempt = service.pollActivityTask("payments", null, NO_WAIT);
        service.signalWorkflow("transfer-1", null, "hurry", Payload.fromJson("[]"));
        WorkflowTask running = service.pollWorkflowTask("payments", NO_WAIT);

        service.completeActivityTask(attempt.taskToken(), RESULT);
        assertThat(types()).as("buffered while the task runs").containsExactly(EventType.WorkflowExecutionStarted,
                EventType.ActivityTaskScheduled, EventType.WorkflowExecutionSignaled);
        service.completeWorkflowTask(running.taskToken(), List.of());

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.WorkflowExecutionSignaled, EventType.ActivityTaskStarted, EventType.ActivityTaskCompleted);
    }

    @Test
    void aFailedAttemptIsHandedOutAgainOnlyAfterItsBackoff() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), TWO_ATTEMPTS));
        ActivityTask first = service.pollActivityTask("payments", null, NO_WAIT);

        service.failActivityTask(first.taskToken(), failure("Declined", false));

        assertThat(types()).as("a retried attempt records nothing").containsExactly(
                EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled);
        clock.advance(Duration.ofMillis(999));
        assertThat(service.pollActivityTask("payments", null, NO_WAIT)).as("still backing off").isNull();
        clock.advance(Duration.ofMillis(1));
        ActivityTask second = service.pollActivityTask("payments", null, NO_WAIT);
        assertThat(second).isNotNull();
        assertThat(second.attempt()).isEqualTo(2);
    }

    @Test
    void theLastAllowedAttemptsFailureFailsTheActivity() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), TWO_ATTEMPTS));
        service.failActivityTask(service.pollActivityTask("payments", null, NO_WAIT).taskToken(),
                failure("Declined", false));
        clock.advance(Duration.ofSeconds(1));

        service.failActivityTask(service.pollActivityTask("payments", null, NO_WAIT).taskToken(),
                failure("Declined", false));

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.ActivityTaskStarted, EventType.ActivityTaskFailed);
        assertThat(last()).isEqualTo(new ActivityTaskFailedAttributes("1", failure("Declined", false), 2));
    }

    @Test
    void aNonRetryableFailureFailsTheActivityAtOnce() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));

        service.failActivityTask(service.pollActivityTask("payments", null, NO_WAIT).taskToken(),
                failure("InsufficientFunds", true));

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.ActivityTaskStarted, EventType.ActivityTaskFailed);
        assertThat(service.pollActivityTask("payments", null, NO_WAIT)).isNull();
    }

    @Test
    void aFailureOfATypeThePolicyDoesNotRetryFailsTheActivityAtOnce() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), RetryPolicy.newBuilder().setDoNotRetry("Fraud").build()));

        service.failActivityTask(service.pollActivityTask("payments", null, NO_WAIT).taskToken(),
                failure("Fraud", false));

        assertThat(last()).isInstanceOf(ActivityTaskFailedAttributes.class);
    }

    @Test
    void aCompletionWhileAnotherProcessClosesTheRunWaitsForItAndIsIgnored() throws Exception {
        open();
        startWith(withdraw(Duration.ofSeconds(30), null));
        ActivityTask attempt = service.pollActivityTask("payments", "worker-a", NO_WAIT);
        String runId = history().getRunId();
        // another process closes the run: it changes the run's row, then removes the run's activities
        try (Connection closing = database.connect()) {
            closing.setAutoCommit(false);
            try (Statement statement = closing.createStatement()) {
                statement.executeUpdate("UPDATE hourglass_runs SET next_event_id = next_event_id WHERE run_id = '"
                        + runId + "'");
                CompletableFuture<Void> completion = CompletableFuture.runAsync(
                        () -> service.completeActivityTask(attempt.taskToken(), RESULT));
                Thread.sleep(300); // time for the completion to reach the run that the other process holds
                statement.executeUpdate("DELETE FROM hourglass_activity_tasks WHERE run_id = '" + runId + "'");
                closing.commit();
                completion.get(10, TimeUnit.SECONDS);
            }
        }

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled);
    }

    @Test
    void anAttemptWhoseWorkerDiedIsTimedOutAndRetriedWhenItsLeaseRunsOut() {
        open();
        startWith(withdraw(Duration.ofSeconds(30), null));
        ActivityTask dead = service.pollActivityTask("payments", "worker-a", NO_WAIT);

        clock.advance(Duration.ofSeconds(30));
        service.sweepTimers();
        clock.advance(RetryPolicy.getDefaultInstance().getInitialInterval());
        ActivityTask retried = service.pollActivityTask("payments", "worker-b", NO_WAIT);

        assertThat(dead).isNotNull();
        assertThat(retried).isNotNull();
        assertThat(retried.attempt()).isEqualTo(2);
        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled);
    }

    @Test
    void aCompletionWithTheTokenOfATimedOutAttemptIsRefusedAndWritesNothing() {
        open();
        startWith(withdraw(Duration.ofSeconds(30), null));
        ActivityTask stale = service.pollActivityTask("payments", "worker-a", NO_WAIT);
        clock.advance(Duration.ofSeconds(30));
        service.sweepTimers();
        clock.advance(RetryPolicy.getDefaultInstance().getInitialInterval());
        ActivityTask current = service.pollActivityTask("payments", "worker-b", NO_WAIT);

        service.completeActivityTask(stale.taskToken(), RESULT);

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled);
        assertThat(service.recordActivityHeartbeat(stale.taskToken(), null))
                .isEqualTo(ActivityHeartbeatResponse.ATTEMPT_NOT_FOUND);
        service.completeActivityTask(current.taskToken(), RESULT);
        assertThat(history().getEvents().get(2).getAttributes())
                .isEqualTo(new ActivityTaskStartedAttributes("1", 2, "worker-b"));
    }

    @Test
    void theLastAttemptRunningOutOfTimeTimesTheActivityOutAsStartToClose() {
        open();
        startWith(withdraw(Duration.ofSeconds(30), RetryPolicy.newBuilder().setMaximumAttempts(1).build()));
        service.pollActivityTask("payments", null, NO_WAIT);

        clock.advance(Duration.ofSeconds(30));
        service.sweepTimers();

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.ActivityTaskStarted, EventType.ActivityTaskTimedOut);
        assertThat(((ActivityTaskTimedOutAttributes) last()).timeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE);
    }

    @Test
    void heartbeatsPushTheHeartbeatDeadlineBackAndSilenceTimesTheAttemptOut() {
        open();
        startWith(new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[]"),
                Duration.ofMinutes(10), null, Duration.ofSeconds(10), RetryPolicy.newBuilder().setMaximumAttempts(1)
                        .build(), null));
        ActivityTask attempt = service.pollActivityTask("payments", null, NO_WAIT);

        clock.advance(Duration.ofSeconds(8));
        assertThat(service.recordActivityHeartbeat(attempt.taskToken(), Payload.fromJson("{\"done\":3}")))
                .isEqualTo(ActivityHeartbeatResponse.CONTINUE);
        clock.advance(Duration.ofSeconds(8));
        service.sweepTimers();
        assertThat(types()).as("the heartbeat moved the deadline").hasSize(2);
        clock.advance(Duration.ofSeconds(2));
        service.sweepTimers();

        assertThat(((ActivityTaskTimedOutAttributes) last()).timeoutType()).isEqualTo(TimeoutType.HEARTBEAT);
    }

    @Test
    void anActivityPastItsScheduleToCloseTimeoutTimesOutWithoutAStartEvent() {
        open();
        startWith(new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[]"),
                Duration.ofSeconds(10), Duration.ofSeconds(15), null, null, null));
        service.pollActivityTask("payments", null, NO_WAIT);

        clock.advance(Duration.ofSeconds(10));
        service.sweepTimers();
        clock.advance(Duration.ofSeconds(5));
        service.sweepTimers();

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.ActivityTaskTimedOut);
        assertThat(((ActivityTaskTimedOutAttributes) last()).timeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE);
    }

    @Test
    void anAttemptNoWorkerTookWithinItsScheduleToStartTimeoutTimesTheActivityOut() {
        open();
        startWith(new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[]"),
                Duration.ofSeconds(10), null, null, null, Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(service.pollActivityTask("payments", null, NO_WAIT)).as("too late to start").isNull();
        service.sweepTimers();

        assertThat(((ActivityTaskTimedOutAttributes) last()).timeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_START);
    }

    @Test
    void cancelingAnActivityNoWorkerRunsCancelsItAtOnce() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));
        WorkflowTask task = service.pollWorkflowTask("payments", NO_WAIT);
        assertThat(task).as("no task is due before the cancel").isNull();
        service.signalWorkflow("transfer-1", null, "stop", Payload.fromJson("[]"));
        WorkflowTask stop = service.pollWorkflowTask("payments", NO_WAIT);

        service.completeWorkflowTask(stop.taskToken(),
                List.of(new Command(new ActivityTaskCancelRequestedAttributes("1"))));

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.WorkflowExecutionSignaled, EventType.ActivityTaskCancelRequested,
                EventType.ActivityTaskCanceled);
        assertThat(service.pollActivityTask("payments", null, NO_WAIT)).isNull();
        assertThat(service.pollWorkflowTask("payments", NO_WAIT)).isNotNull();
    }

    @Test
    void aRunningAttemptLearnsOfTheCancelFromItsHeartbeatAndReportsItselfCanceled() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));
        ActivityTask attempt = service.pollActivityTask("payments", "worker-a", NO_WAIT);
        service.signalWorkflow("transfer-1", null, "stop", Payload.fromJson("[]"));
        WorkflowTask stop = service.pollWorkflowTask("payments", NO_WAIT);
        service.completeWorkflowTask(stop.taskToken(),
                List.of(new Command(new ActivityTaskCancelRequestedAttributes("1"))));

        assertThat(service.recordActivityHeartbeat(attempt.taskToken(), null))
                .isEqualTo(ActivityHeartbeatResponse.CANCEL_REQUESTED);
        service.reportActivityTaskCanceled(attempt.taskToken());

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.ActivityTaskScheduled,
                EventType.WorkflowExecutionSignaled, EventType.ActivityTaskCancelRequested,
                EventType.ActivityTaskStarted, EventType.ActivityTaskCanceled);
        assertThat(last()).isEqualTo(new ActivityTaskCanceledAttributes("1"));
    }

    @Test
    void closingTheRunDropsItsActivities() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));
        service.signalWorkflow("transfer-1", null, "stop", Payload.fromJson("[]"));
        WorkflowTask stop = service.pollWorkflowTask("payments", NO_WAIT);

        service.completeWorkflowTask(stop.taskToken(),
                List.of(new Command(new WorkflowExecutionCompletedAttributes(RESULT))));

        assertThat(service.pollActivityTask("payments", null, NO_WAIT)).isNull();
    }

    @Test
    void aScheduledActivitySurvivesClosingAndReopeningTheService() {
        open();
        startWith(withdraw(Duration.ofMinutes(1), null));
        service.close();

        open();
        ActivityTask attempt = service.pollActivityTask("payments", "worker-a", NO_WAIT);
        service.completeActivityTask(attempt.taskToken(), RESULT);

        assertThat(last()).isEqualTo(new ActivityTaskCompletedAttributes("1", RESULT));
    }
}
