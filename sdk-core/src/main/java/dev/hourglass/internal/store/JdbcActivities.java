package dev.hourglass.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ActivityTaskCanceledAttributes;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.store.ActivityRecords.ActivityRow;
import dev.hourglass.internal.store.ServiceRecords.RunRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The activities of the JDBC service: attempts handed out as leases, retries with their policy's backoff, the
 * start-to-close, heartbeat, schedule-to-start and schedule-to-close timeouts, and cancellation, each a
 * transaction of the store (or part of the workflow task completion's). The events are those the in-memory service's
 * {@code Activities} records, in the same order: an attempt's {@code ActivityTaskStarted} is recorded with its
 * outcome, right before it, and only for the attempt that closes the activity.
 *
 * <p>A token names one hand-out of an attempt: a completion, failure or heartbeat with a token whose attempt timed out
 * (its lease ended), was retried, or whose activity closed, is refused and writes nothing.
 */
final class JdbcActivities {

    /** How the service delivers events to a run: appended and a workflow task queued, or buffered while one runs. */
    @FunctionalInterface
    interface Inputs {
        void deliver(Connection connection, RunRow run, List<EventAttributes> events, Instant now)
                throws SQLException;
    }

    /**
     * How the service gives a run's workflow task, due now, to one of its own pollers that waits for it: claimed in
     * the transaction that made it due, handed over once that committed.
     */
    @FunctionalInterface
    interface WorkflowTaskHandOver {
        /** Claims the run's due workflow task if a poller of the service waits; returns the hand-over, or null. */
        Runnable claim(Connection connection, String runId, Instant now) throws SQLException;
    }

    static final int PER_TRANSACTION = 100;

    private final JdbcStore store;
    private final ServiceRecords records;
    private final ActivityRecords activities;
    private final Inputs inputs;
    private final WorkflowTaskHandOver handOver;
    private final Consumer<Instant> retryDue;
    private final String owner;

    /**
     * @param retryDue told the time at which a retried attempt becomes due, so that the service's pollers look then
     */
    JdbcActivities(JdbcStore store, ServiceRecords records, ActivityRecords activities, Inputs inputs,
            WorkflowTaskHandOver handOver, Consumer<Instant> retryDue, String owner) {
        this.store = store;
        this.records = records;
        this.activities = activities;
        this.inputs = inputs;
        this.handOver = handOver;
        this.retryDue = retryDue;
        this.owner = owner;
    }

    /** What an activity token names: one hand-out of an attempt. */
    private record Token(long taskId, int claim, String runId) {

        String encode() {
            return "at:" + taskId + ":" + claim + ":" + runId;
        }

        static Token decode(String token) {
            String[] parts = token.split(":", 4);
            if (parts.length == 4 && parts[0].equals("at")) {
                try {
                    return new Token(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), parts[3]);
                } catch (NumberFormatException e) {
                    // not numbers: not a token of this store, said below
                }
            }
            throw new IllegalArgumentException("'" + token + "' is not an activity task token of this store;"
                    + " answer an attempt with the token pollActivityTask handed out with it");
        }
    }

    // ---------------------------------------------------------------- from workflow task completions

    /** Records the activity an {@code ActivityTaskScheduled} event schedules, its first attempt queued at once. */
    void schedule(Connection connection, String runId, long scheduledEventId, ActivityTaskScheduledAttributes scheduled,
            Instant now) throws SQLException {
        activities.insert(connection, runId, scheduledEventId, scheduled, now);
    }

    /**
     * The workflow asked for an activity to be canceled, once its task ended. One that no worker runs now (queued,
     * or waiting for a retry) is canceled at once; a running attempt is told by its next heartbeat, and the activity
     * closes when the attempt reports itself canceled, or completes, fails or times out (without a retry). An
     * activity that closed already is left alone: its outcome event tells the workflow.
     */
    void requestCancel(Connection connection, String runId, String activityId, Instant now) throws SQLException {
        ActivityRow activity = activities.byActivityId(connection, runId, activityId);
        if (activity == null) {
            return;
        }
        if (activity.isRunning()) {
            activities.markCancelRequested(connection, activity.taskId());
        } else {
            closeWith(connection, activity, false, new ActivityTaskCanceledAttributes(activityId), now);
        }
    }

    // ---------------------------------------------------------------- workers

    /**
     * Whether the task queue has an attempt to hand out now, and when its next one becomes due: a read, so that an
     * idle poll takes no write transaction (on SQLite the database's one write lock).
     */
    QueueLook look(String taskQueue) {
        return store.query("look for activity tasks of task queue " + taskQueue,
                connection -> activities.look(connection, taskQueue, store.currentTime()));
    }

    /** Hands out the next attempt of the task queue whose time has come, or returns {@code null}. */
    ActivityTask claim(String taskQueue, String identity) {
        return store.transaction("poll activity task queue " + taskQueue, connection ->
                claimNext(connection, taskQueue, identity, store.currentTime()), null);
    }

    private ActivityTask claimNext(Connection connection, String taskQueue, String identity, Instant now)
            throws SQLException {
        Optional<ActivityRow> next = activities.nextClaimable(connection, taskQueue, now);
        return next.isEmpty() ? null : start(connection, next.get(), taskQueue, identity, now);
    }

    /**
     * Hands out the first attempt of an activity scheduled in this transaction, for a poller of the service that
     * waits for one, so that it needs no transaction of its own; {@code null} if the attempt is not due yet.
     */
    ActivityTask claimScheduled(Connection connection, String runId, ActivityTaskScheduledAttributes scheduled,
            String identity, Instant now) throws SQLException {
        ActivityRow activity = activities.byActivityId(connection, runId, scheduled.activityId());
        if (activity == null || activity.isRunning() || activity.visibleAt() > now.toEpochMilli()) {
            return null;
        }
        return start(connection, activity, scheduled.taskQueue(), identity, now);
    }

    /** Starts an attempt: leased to this service's worker {@code identity} until its first deadline. */
    private ActivityTask start(Connection connection, ActivityRow activity, String taskQueue, String identity,
            Instant now) throws SQLException {
        Long startToCloseDeadline = activity.startToCloseMillis() == null ? null
                : now.toEpochMilli() + activity.startToCloseMillis();
        long lease = earlier(startToCloseDeadline, activity.heartbeatMillis() == null ? null
                : now.toEpochMilli() + activity.heartbeatMillis());
        if (!activities.start(connection, activity, owner, identity, lease, startToCloseDeadline)) {
            return null; // taken between the read and the update: only possible without row locks
        }
        RunRow run = records.byRunId(connection, activity.runId());
        Token token = new Token(activity.taskId(), activity.claims() + 1, activity.runId());
        return new ActivityTask(token.encode(), run.workflowId(), run.runId(), run.workflowType(),
                activity.activityId(), activity.activityType(), taskQueue, activity.input(), activity.attempt(),
                activity.scheduledTime(), activity.heartbeatTimeout(), activity.heartbeatDetails(),
                Instant.ofEpochMilli(activity.visibleAt()));
    }

    /**
     * The token of the running attempt of an open activity of a run ({@code runId} {@code null}: the open run of the
     * workflow id), or {@code null} if there is none: a read that locks nothing. The token is the one its worker was
     * handed, made of the row's ids alone, so it names the attempt from any process on the store.
     */
    String runningToken(String workflowId, String runId, String activityId) {
        return store.query("find the running attempt of activity " + activityId + " of workflow " + workflowId,
                connection -> {
                    RunRow run;
                    if (runId == null) {
                        run = records.openRun(connection, workflowId);
                    } else {
                        try {
                            run = records.find(connection, workflowId, runId);
                        } catch (WorkflowNotFoundException e) {
                            return null;
                        }
                    }
                    if (run == null || !run.isOpen()) {
                        return null;
                    }
                    ActivityRow activity = activities.byActivityId(connection, run.runId(), activityId);
                    if (activity == null || !activity.isRunning()
                            || activity.leaseExpiresAt() <= store.currentTime().toEpochMilli()) {
                        return null;
                    }
                    return new Token(activity.taskId(), activity.claims(), run.runId()).encode();
                });
    }

    /** Completes the attempt the token names; returns whether it was current (else nothing is written). */
    boolean complete(String taskToken, Payload result) {
        return completeAndTakeNext(taskToken, result, null, null).current();
    }

    /**
     * Completes the attempt the token names and, with {@code nextOf}, hands out the next due attempt of that task
     * queue to worker {@code identity} in the same transaction.
     */
    Answered completeAndTakeNext(String taskToken, Payload result, String nextOf, String identity) {
        return answer(taskToken, "complete", (connection, activity, now) -> closeWith(connection, activity, true,
                new ActivityTaskCompletedAttributes(activity.activityId(), result), now), nextOf, identity);
    }

    /** What answering an attempt did: whether the attempt was current, and the next attempt handed out with it. */
    record Answered(boolean current, ActivityTask next) {
    }

    /** Fails the attempt the token names, retried by its policy; returns whether it was current. */
    boolean fail(String taskToken, Payload failure) {
        return answer(taskToken, "fail", (connection, activity, now) -> attemptFailed(connection, activity, failure,
                null, now));
    }

    /** The running attempt stopped because its activity's cancellation was requested: the activity is canceled. */
    boolean reportCanceled(String taskToken, Payload details) {
        return answer(taskToken, "report canceled", (connection, activity, now) -> {
            if (activity.cancelRequested()) {
                closeWith(connection, activity, true, new ActivityTaskCanceledAttributes(activity.activityId(),
                        details), now);
            } else {
                attemptFailed(connection, activity, JsonPayload.of(serviceFailure(new CanceledFailure("the attempt"
                        + " reported itself canceled, but no cancellation of activity " + activity.activityType()
                        + " was requested"))), null, now);
            }
        });
    }

    /** Records a heartbeat: its details, and a new heartbeat deadline for the attempt. */
    ActivityHeartbeatResponse heartbeat(String taskToken, Payload details) {
        Token token = Token.decode(taskToken);
        return store.transaction("record a heartbeat of an activity of run " + token.runId(), connection -> {
            Instant now = store.currentTime();
            ActivityRow activity = activities.running(connection, token.taskId(), token.claim(), now);
            if (activity == null) {
                return ActivityHeartbeatResponse.ATTEMPT_NOT_FOUND;
            }
            long lease = activity.heartbeatMillis() == null ? activity.leaseExpiresAt()
                    : earlier(activity.startToCloseDeadline(), now.toEpochMilli() + activity.heartbeatMillis());
            activities.heartbeat(connection, activity.taskId(), details, lease);
            return activity.cancelRequested() ? ActivityHeartbeatResponse.CANCEL_REQUESTED
                    : ActivityHeartbeatResponse.CONTINUE;
        }, null);
    }

    @FunctionalInterface
    private interface Answer {
        void apply(Connection connection, ActivityRow activity, Instant now) throws SQLException;
    }

    private boolean answer(String taskToken, String what, Answer answer) {
        return answer(taskToken, what, answer, null, null).current();
    }

    private Answered answer(String taskToken, String what, Answer answer, String nextOf, String identity) {
        Token token = Token.decode(taskToken);
        Runnable[] handedOver = new Runnable[1];
        Answered answered = store.transaction(what + " an activity attempt of run " + token.runId(), connection -> {
            handedOver[0] = null; // a transaction run again starts afresh
            Instant now = store.currentTime();
            records.lockRun(connection, token.runId());
            ActivityRow activity = activities.running(connection, token.taskId(), token.claim(), now);
            if (activity != null) {
                answer.apply(connection, activity, now);
                // the outcome made the run's workflow task due: a poller of this service that waits takes it at once
                handedOver[0] = handOver.claim(connection, token.runId(), now);
            }
            ActivityTask next = nextOf == null ? null : claimNext(connection, nextOf, identity, now);
            return new Answered(activity != null, next);
        }, null);
        if (handedOver[0] != null) {
            handedOver[0].run();
        }
        return answered;
    }

    // ---------------------------------------------------------------- timeouts

    /**
     * The earliest deadline of any activity (an attempt's lease, a schedule-to-close or schedule-to-start deadline),
     * passed or to come, or {@code null} if none has one: a read that locks nothing.
     */
    Instant earliestDeadline() {
        Long millis = store.query("look for activity deadlines", activities::earliestDeadline);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * Times out the activities with a deadline passed, a batch in one transaction: each by its earliest passed
     * deadline, ties going to the schedule-to-close timeout, then the attempt's lease; activities in the order of
     * their deadlines, then run and activity id. Returns how many activities were looked at.
     */
    int sweep(Connection connection) throws SQLException {
        Instant now = store.currentTime();
        long millis = now.toEpochMilli();
        List<ActivityRow> due = new ArrayList<>(activities.due(connection, now, PER_TRANSACTION));
        due.sort(Comparator.comparingLong((ActivityRow row) -> firstDeadline(row, millis))
                .thenComparing(ActivityRow::runId).thenComparing(ActivityRow::activityId));
        for (ActivityRow read : due) {
            // locked, run's task first, and read again: another sweeper (another process) may have handled it
            records.lockRun(connection, read.runId());
            ActivityRow activity = activities.lock(connection, read.taskId());
            if (activity == null || firstDeadline(activity, millis) == Long.MAX_VALUE) {
                continue;
            }
            Long scheduleToClose = activity.scheduleToCloseDeadline();
            Long lease = activity.isRunning() ? activity.leaseExpiresAt() : null;
            Long scheduleToStart = activity.scheduleToStartDeadline();
            long first = firstDeadline(activity, millis);
            if (scheduleToClose != null && scheduleToClose == first) {
                timeOutActivity(connection, activity, now);
            } else if (lease != null && lease == first) {
                boolean startToClose = activity.startToCloseDeadline() != null
                        && activity.startToCloseDeadline() <= lease;
                attemptTimedOut(connection, activity, startToClose ? TimeoutType.START_TO_CLOSE : TimeoutType.HEARTBEAT,
                        now);
            } else if (scheduleToStart != null) {
                notStartedInTime(connection, activity, now);
            }
        }
        return due.size();
    }

    /** The earliest of the activity's deadlines that passed by {@code now}. */
    private static long firstDeadline(ActivityRow row, long now) {
        long first = Long.MAX_VALUE;
        for (Long deadline : new Long[] {row.scheduleToCloseDeadline(), row.isRunning() ? row.leaseExpiresAt() : null,
                row.scheduleToStartDeadline()}) {
            if (deadline != null && deadline <= now) {
                first = Math.min(first, deadline);
            }
        }
        return first;
    }

    private void notStartedInTime(Connection connection, ActivityRow activity, Instant now) throws SQLException {
        TimeoutFailure timeout = new TimeoutFailure("activity attempt " + activity.attempt() + " waited in task"
                + " queue '" + activity.taskQueue() + "' longer than its schedule-to-start timeout of "
                + Duration.ofMillis(activity.scheduleToStartMillis()) + " without a worker picking it up; check that"
                + " a worker polls that task queue", null, TimeoutType.SCHEDULE_TO_START);
        closeWith(connection, activity, false, new ActivityTaskTimedOutAttributes(activity.activityId(),
                TimeoutType.SCHEDULE_TO_START, JsonPayload.of(serviceFailure(timeout))), now);
    }

    private void attemptTimedOut(Connection connection, ActivityRow activity, TimeoutType type, Instant now)
            throws SQLException {
        String message = type == TimeoutType.HEARTBEAT
                ? "activity attempt sent no heartbeat within " + activity.heartbeatTimeout()
                : "activity attempt did not complete within its start-to-close timeout of "
                        + Duration.ofMillis(activity.startToCloseMillis());
        attemptFailed(connection, activity, JsonPayload.of(serviceFailure(new TimeoutFailure(message, null, type))),
                type, now);
    }

    private void timeOutActivity(Connection connection, ActivityRow activity, Instant now) throws SQLException {
        ObjectNode failure = serviceFailure(new TimeoutFailure("activity did not complete within its"
                + " schedule-to-close timeout", null, TimeoutType.SCHEDULE_TO_CLOSE));
        if (activity.lastFailure() != null) {
            failure.set("cause", JsonPayload.node(activity.lastFailure()));
        }
        closeWith(connection, activity, false, new ActivityTaskTimedOutAttributes(activity.activityId(),
                TimeoutType.SCHEDULE_TO_CLOSE, JsonPayload.of(failure)), now);
    }

    // ---------------------------------------------------------------- attempts ending

    private void attemptFailed(Connection connection, ActivityRow activity, Payload failure, TimeoutType timeoutType,
            Instant now) throws SQLException {
        JsonNode failureNode = JsonPayload.node(failure);
        boolean nonRetryable = failureNode != null && failureNode.path("nonRetryable").asBoolean(false);
        String type = FailureConverter.failureType(failureNode);
        // once cancellation was requested, the attempt's end is the activity's: it is not tried again
        if (!activity.cancelRequested()
                && activity.retryPolicy().isRetryable(type, nonRetryable, activity.attempt())) {
            Instant retryAt = now.plus(activity.retryPolicy().backoffAfterAttempt(activity.attempt()));
            if (activity.scheduleToCloseDeadline() == null
                    || retryAt.isBefore(Instant.ofEpochMilli(activity.scheduleToCloseDeadline()))) {
                activities.retry(connection, activity.taskId(), activity.attempt() + 1, retryAt, failure);
                retryDue.accept(retryAt);
                return;
            }
        }
        EventAttributes outcome = timeoutType != null
                ? new ActivityTaskTimedOutAttributes(activity.activityId(), timeoutType, failure)
                : new ActivityTaskFailedAttributes(activity.activityId(), failure, activity.attempt());
        closeWith(connection, activity, true, outcome, now);
    }

    /**
     * Closes the activity and delivers its outcome to the run; with {@code started}, the outcome of an attempt that
     * ran, recorded after an {@code ActivityTaskStarted} event for that attempt.
     */
    private void closeWith(Connection connection, ActivityRow activity, boolean started, EventAttributes outcome,
            Instant now) throws SQLException {
        activities.delete(connection, activity.taskId());
        RunRow run = records.byRunId(connection, activity.runId());
        if (!run.isOpen()) {
            return;
        }
        List<EventAttributes> events = new ArrayList<>(2);
        if (started) {
            events.add(new ActivityTaskStartedAttributes(activity.activityId(), activity.attempt(),
                    activity.workerIdentity()));
        }
        events.add(outcome);
        inputs.deliver(connection, run, events, now);
    }

    /** A failure the service decided, as a failure object; the service's own stack trace would tell a reader nothing. */
    private static ObjectNode serviceFailure(RuntimeException decided) {
        ObjectNode failure = FailureConverter.toJson(decided);
        failure.put("stackTrace", "");
        return failure;
    }

    private static long earlier(Long a, Long b) {
        if (a == null) {
            return b == null ? ActivityRecords.NO_DEADLINE : b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
