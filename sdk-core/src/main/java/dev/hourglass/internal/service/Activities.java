package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.RetryPolicy;
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
import dev.hourglass.internal.service.ActivityAttemptLifecycle.Event;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Activity scheduling of the in-memory service: attempts, retries with backoff, start-to-close,
 * schedule-to-close, schedule-to-start and heartbeat timeouts, and cancellation. An activity's attempts move through
 * {@link ActivityAttemptLifecycle}. Called with the service lock held, except for the public entry points that
 * take it.
 */
final class Activities {

    private final InMemoryWorkflowService service;
    private final Map<String, ActivityState> byToken = new HashMap<>();

    Activities(InMemoryWorkflowService service) {
        this.service = service;
    }

    void schedule(Run run, ActivityTaskScheduledAttributes scheduled) {
        Duration scheduleToClose = scheduled.scheduleToCloseTimeout();
        Duration startToClose = scheduled.startToCloseTimeout();
        Instant now = service.now();
        RetryPolicy retryPolicy = scheduled.retryPolicy() != null ? scheduled.retryPolicy()
                : RetryPolicy.getDefaultInstance();
        ActivityState activity = new ActivityState(run, scheduled.activityId(), scheduled.activityType(),
                scheduled.taskQueue(), scheduled.input(), startToClose != null ? startToClose : scheduleToClose,
                scheduled.heartbeatTimeout(), scheduled.scheduleToStartTimeout(), retryPolicy, now,
                scheduleToClose == null ? null : now.plus(scheduleToClose));
        run.activities.put(activity.activityId, activity);
        if (activity.scheduleToCloseDeadline != null) {
            activity.scheduleToCloseTimer = service.scheduler.schedule(activity.scheduleToCloseDeadline,
                    () -> locked(() -> timeOutActivity(activity)));
        }
        enqueueAttempt(activity);
    }

    private void enqueueAttempt(ActivityState activity) {
        activity.nextAttemptTime = null;
        activity.attemptQueuedAt = service.now();
        activity.attempt++;
        activity.currentToken = service.newToken("at-");
        byToken.put(activity.currentToken, activity);
        service.transition(activity.attemptState, Event.ENQUEUE);
        if (activity.scheduleToStart != null) {
            String token = activity.currentToken;
            activity.scheduleToStartTimer = service.scheduler.schedule(service.now().plus(activity.scheduleToStart),
                    () -> locked(() -> notStartedInTime(activity, token)));
        }
        TaskQueue queue = service.queue(activity.taskQueue);
        queue.attempts.add(new TaskQueue.AttemptItem(activity, activity.currentToken,
                service.taskOrder.rank(activity.run.runId, activity.activityId, activity.attempt)));
        service.workQueued(queue, true);
    }

    /** Hands the next attempt of the task queue to the worker of {@code identity} ({@code null} for none). */
    ActivityTask poll(String taskQueue, String identity, Duration timeout) {
        long remaining = timeout.toNanos();
        service.lock.lock();
        try {
            TaskQueue queue = service.queue(taskQueue);
            while (true) {
                service.requireOpen("poll task queue " + taskQueue);
                TaskQueue.AttemptItem item = queue.takeAttempt(service.taskOrder);
                if (item != null) {
                    ActivityState activity = item.activity();
                    if (item.token().equals(activity.currentToken) && activity.attemptState.isQueued()) {
                        return startAttempt(activity, taskQueue, identity);
                    }
                    continue;
                }
                if (remaining <= 0) {
                    return null;
                }
                remaining = queue.activityAvailable.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            service.lock.unlock();
        }
    }

    private ActivityTask startAttempt(ActivityState activity, String taskQueue, String identity) {
        service.transition(activity.attemptState, Event.START);
        activity.workerIdentity = identity;
        activity.cancelScheduleToStartTimer();
        String token = activity.currentToken;
        Instant now = service.now();
        if (activity.startToClose != null) {
            activity.attemptTimer = service.scheduler.schedule(now.plus(activity.startToClose),
                    () -> locked(() -> attemptTimedOut(activity, token, TimeoutType.START_TO_CLOSE)));
        }
        armHeartbeat(activity, token, now);
        Run run = activity.run;
        return new ActivityTask(token, run.workflowId, run.runId, run.workflowType, activity.activityId,
                activity.activityType, taskQueue, activity.input, activity.attempt, activity.scheduledTime,
                activity.heartbeatTimeout, activity.lastHeartbeatDetails, activity.attemptQueuedAt);
    }

    private void armHeartbeat(ActivityState activity, String token, Instant now) {
        if (activity.heartbeatTimeout == null) {
            return;
        }
        if (activity.heartbeatTimer != null) {
            activity.heartbeatTimer.cancel();
        }
        activity.heartbeatTimer = service.scheduler.schedule(now.plus(activity.heartbeatTimeout),
                () -> locked(() -> attemptTimedOut(activity, token, TimeoutType.HEARTBEAT)));
    }

    /** Completes the running attempt the token names; returns whether it was current. */
    boolean complete(String token, Payload result) {
        return answer(token, activity -> closeWith(activity, true,
                new ActivityTaskCompletedAttributes(activity.activityId, result)));
    }

    /** Fails the running attempt the token names, retried by its policy; returns whether it was current. */
    boolean fail(String token, Payload failure) {
        return answer(token, activity -> attemptFailed(activity, failure, null));
    }

    ActivityHeartbeatResponse heartbeat(String token, Payload details) {
        service.lock.lock();
        try {
            ActivityState activity = running(token);
            if (activity == null) {
                return ActivityHeartbeatResponse.ATTEMPT_NOT_FOUND;
            }
            activity.lastHeartbeatDetails = details;
            armHeartbeat(activity, token, service.now());
            return activity.cancelRequested ? ActivityHeartbeatResponse.CANCEL_REQUESTED
                    : ActivityHeartbeatResponse.CONTINUE;
        } finally {
            service.lock.unlock();
        }
    }

    /** The running attempt stopped because its activity's cancellation was requested: the activity is canceled. */
    boolean reportCanceled(String token, Payload details) {
        return answer(token, activity -> {
            if (activity.cancelRequested) {
                closeWith(activity, true, new ActivityTaskCanceledAttributes(activity.activityId, details));
            } else {
                attemptFailed(activity, JsonPayload.of(serviceFailure(new CanceledFailure("the attempt reported"
                        + " itself canceled, but no cancellation of activity " + activity.activityType + " was"
                        + " requested"))), null);
            }
        });
    }

    /** Answers the running attempt the token names with the service lock held; returns whether it was current. */
    private boolean answer(String token, Consumer<ActivityState> answer) {
        service.lock.lock();
        try {
            ActivityState activity = running(token);
            if (activity == null) {
                return false;
            }
            answer.accept(activity);
            return true;
        } finally {
            service.lock.unlock();
        }
    }

    /**
     * The token of the running attempt of an open activity of an open run; {@code null} if there is none. Called with
     * the service lock held.
     */
    String runningToken(Run run, String activityId) {
        ActivityState activity = run.activities.get(activityId);
        if (activity == null || activity.currentToken == null) {
            return null;
        }
        return running(activity.currentToken) == null ? null : activity.currentToken;
    }

    /**
     * The workflow asked for an activity to be canceled. One that no worker runs now (queued, or waiting for a
     * retry) is canceled at once; a running attempt is told by its next heartbeat, and the activity closes when
     * the attempt reports itself canceled, or completes, fails or times out (without a retry).
     */
    void cancel(Run run, String activityId) {
        ActivityState activity = run.activities.get(activityId);
        if (activity == null) {
            return; // it already closed; its outcome event tells the workflow
        }
        if (activity.attemptState.isRunning()) {
            activity.cancelRequested = true;
        } else {
            closeWith(activity, false, new ActivityTaskCanceledAttributes(activityId));
        }
    }

    /** An attempt waited in its task queue longer than its schedule-to-start timeout: the activity times out. */
    private void notStartedInTime(ActivityState activity, String token) {
        if (!token.equals(activity.currentToken) || !activity.attemptState.isQueued()) {
            return;
        }
        activity.scheduleToStartTimer = null;
        TimeoutFailure timeout = new TimeoutFailure("activity attempt " + activity.attempt + " waited in task queue '"
                + activity.taskQueue + "' longer than its schedule-to-start timeout of " + activity.scheduleToStart
                + " without a worker picking it up; check that a worker polls that task queue",
                null, TimeoutType.SCHEDULE_TO_START);
        closeWith(activity, false, new ActivityTaskTimedOutAttributes(activity.activityId,
                TimeoutType.SCHEDULE_TO_START, JsonPayload.of(serviceFailure(timeout))));
    }

    private void attemptTimedOut(ActivityState activity, String token, TimeoutType type) {
        if (!token.equals(activity.currentToken) || !activity.attemptState.isRunning()) {
            return;
        }
        String message = type == TimeoutType.HEARTBEAT
                ? "activity attempt sent no heartbeat within " + activity.heartbeatTimeout
                : "activity attempt did not complete within its start-to-close timeout of " + activity.startToClose;
        attemptFailed(activity, JsonPayload.of(serviceFailure(new TimeoutFailure(message, null, type))), type);
    }

    private void attemptFailed(ActivityState activity, Payload failure, TimeoutType timeoutType) {
        activity.cancelAttemptTimers();
        activity.lastFailure = failure;
        JsonNode failureNode = JsonPayload.node(failure);
        boolean nonRetryable = failureNode != null && failureNode.path("nonRetryable").asBoolean(false);
        String type = FailureConverter.failureType(failureNode);
        // once cancellation was requested, the attempt's end is the activity's: it is not tried again
        if (!activity.cancelRequested && activity.retryPolicy.isRetryable(type, nonRetryable, activity.attempt)) {
            Instant retryAt = service.now().plus(activity.retryPolicy.backoffAfterAttempt(activity.attempt));
            if (activity.scheduleToCloseDeadline == null || retryAt.isBefore(activity.scheduleToCloseDeadline)) {
                endAttempt(activity, Event.RETRY);
                activity.nextAttemptTime = retryAt;
                activity.retryTimer = service.scheduler.schedule(retryAt, () -> locked(() -> {
                    activity.retryTimer = null;
                    if (activity.attemptState.state() == ActivityAttemptLifecycle.State.WAITING) {
                        enqueueAttempt(activity);
                    }
                }));
                return;
            }
        }
        EventAttributes outcome = timeoutType != null
                ? new ActivityTaskTimedOutAttributes(activity.activityId, timeoutType, failure)
                : new ActivityTaskFailedAttributes(activity.activityId, failure, activity.attempt);
        closeWith(activity, true, outcome);
    }

    private void timeOutActivity(ActivityState activity) {
        if (activity.attemptState.state() == ActivityAttemptLifecycle.State.CLOSED) {
            return;
        }
        ObjectNode failure = serviceFailure(new TimeoutFailure("activity did not complete within its"
                + " schedule-to-close timeout", null, TimeoutType.SCHEDULE_TO_CLOSE));
        if (activity.lastFailure != null) {
            failure.set("cause", JsonPayload.node(activity.lastFailure));
        }
        closeWith(activity, false, new ActivityTaskTimedOutAttributes(activity.activityId,
                TimeoutType.SCHEDULE_TO_CLOSE, JsonPayload.of(failure)));
    }

    /** A failure the service decided, as a failure object; the service's own stack trace would tell a reader nothing. */
    private static ObjectNode serviceFailure(RuntimeException decided) {
        ObjectNode failure = FailureConverter.toJson(decided);
        failure.put("stackTrace", "");
        return failure;
    }

    /**
     * Closes the activity and delivers its outcome to the workflow; with {@code started}, the outcome of an
     * attempt that ran, recorded after an {@code ActivityTaskStarted} event for that attempt.
     */
    private void closeWith(ActivityState activity, boolean started, EventAttributes outcome) {
        close(activity);
        activity.run.activities.remove(activity.activityId);
        if (started) {
            service.deliverInput(activity.run,
                    new ActivityTaskStartedAttributes(activity.activityId, activity.attempt, activity.workerIdentity));
        }
        service.deliverInput(activity.run, outcome);
    }

    /** Closes an activity: cancels its timers and ends its attempt, if any. */
    void close(ActivityState activity) {
        activity.cancelAllTimers();
        endAttempt(activity, Event.CLOSE);
    }

    private void endAttempt(ActivityState activity, Event event) {
        if (activity.currentToken != null) {
            byToken.remove(activity.currentToken);
            activity.currentToken = null;
        }
        service.transition(activity.attemptState, event);
    }

    /**
     * Sets whether a running attempt counts as work in progress. An attempt let go of keeps running and keeps
     * its timeouts, but no longer keeps the service from being idle, so a virtual clock may move on to its
     * heartbeat deadline; one that shows progress again is counted again. Returns whether the attempt is
     * still the current, running one.
     */
    boolean holdClock(String token, boolean holds) {
        service.lock.lock();
        try {
            ActivityState activity = running(token);
            if (activity == null) {
                return false;
            }
            service.transition(activity.attemptState, holds ? Event.HOLD : Event.RELEASE);
            return true;
        } finally {
            service.lock.unlock();
        }
    }

    /** The tokens of the attempts queued or running now, a copy; called with the service lock held. */
    Set<String> currentTokens() {
        return new HashSet<>(byToken.keySet());
    }

    /** The activity whose current attempt the token names, if that attempt is running and its run open. */
    private ActivityState running(String token) {
        ActivityState activity = byToken.get(token);
        if (activity == null || !token.equals(activity.currentToken) || !activity.attemptState.isRunning()
                || !activity.run.isOpen() || service.isClosed()) {
            return null;
        }
        return activity;
    }

    private void locked(Runnable action) {
        service.lock.lock();
        try {
            action.run();
        } finally {
            service.lock.unlock();
        }
    }
}
