package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.EventType;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.service.ActivityTask;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Activity scheduling of the in-memory service: attempts, retries with backoff, start-to-close,
 * schedule-to-close and heartbeat timeouts, and cancellation. Called with the service lock held, except
 * for the public entry points that take it.
 */
final class Activities {

    private final InMemoryWorkflowService service;
    private final Map<String, ActivityState> byToken = new HashMap<>();

    Activities(InMemoryWorkflowService service) {
        this.service = service;
    }

    void schedule(Run run, ObjectNode attributes) {
        String activityId = attributes.get("activityId").asText();
        Duration scheduleToClose = millis(attributes, "scheduleToCloseTimeoutMillis");
        Duration startToClose = millis(attributes, "startToCloseTimeoutMillis");
        Instant now = service.now();
        ActivityState activity = new ActivityState(run, activityId, attributes.get("activityType").asText(),
                attributes.get("taskQueue").asText(), (ArrayNode) attributes.get("input"),
                startToClose != null ? startToClose : scheduleToClose, millis(attributes, "heartbeatTimeoutMillis"),
                retryPolicy(attributes.get("retryPolicy")), now,
                scheduleToClose == null ? null : now.plus(scheduleToClose));
        run.activities.put(activityId, activity);
        if (activity.scheduleToCloseDeadline != null) {
            activity.scheduleToCloseTimer = service.scheduler.schedule(activity.scheduleToCloseDeadline,
                    () -> locked(() -> timeOutActivity(activity)));
        }
        enqueueAttempt(activity);
    }

    private void enqueueAttempt(ActivityState activity) {
        activity.attempt++;
        activity.running = false;
        clearAttempt(activity);
        activity.currentToken = service.newToken("at-");
        service.workStarted();
        byToken.put(activity.currentToken, activity);
        TaskQueue queue = service.queue(activity.taskQueue);
        queue.attempts.add(new TaskQueue.AttemptItem(activity, activity.currentToken));
        service.workQueued(queue, true);
    }

    ActivityTask poll(String taskQueue, Duration timeout) {
        long remaining = timeout.toNanos();
        service.lock.lock();
        try {
            TaskQueue queue = service.queue(taskQueue);
            while (true) {
                TaskQueue.AttemptItem item = queue.attempts.poll();
                if (item != null) {
                    ActivityState activity = item.activity();
                    if (item.token().equals(activity.currentToken) && activity.run.isOpen()) {
                        return startAttempt(activity, taskQueue);
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

    private ActivityTask startAttempt(ActivityState activity, String taskQueue) {
        activity.running = true;
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
                activity.heartbeatTimeout, activity.lastHeartbeatDetails);
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

    void complete(String token, JsonNode result) {
        locked(() -> {
            ActivityState activity = current(token);
            if (activity == null) {
                return;
            }
            finish(activity);
            ObjectNode attributes = idAttributes(activity);
            attributes.set("result", result);
            deliverStartedAnd(activity, EventType.ActivityTaskCompleted, attributes);
        });
    }

    void fail(String token, ObjectNode failure) {
        locked(() -> {
            ActivityState activity = current(token);
            if (activity != null) {
                attemptFailed(activity, failure, null);
            }
        });
    }

    boolean heartbeat(String token, JsonNode details) {
        service.lock.lock();
        try {
            ActivityState activity = current(token);
            if (activity == null) {
                return true;
            }
            activity.lastHeartbeatDetails = details;
            armHeartbeat(activity, token, service.now());
            return false;
        } finally {
            service.lock.unlock();
        }
    }

    /** Cancels an activity the workflow no longer waits for, and records that it was canceled. */
    void cancel(Run run, String activityId) {
        ActivityState activity = run.activities.get(activityId);
        if (activity == null) {
            return; // it already closed; its outcome event tells the workflow
        }
        finish(activity);
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("activityId", activityId);
        service.deliverInput(run, EventType.ActivityTaskCanceled, attributes);
    }

    private void attemptTimedOut(ActivityState activity, String token, TimeoutType type) {
        if (!token.equals(activity.currentToken) || !activity.running) {
            return;
        }
        String message = type == TimeoutType.HEARTBEAT
                ? "activity attempt sent no heartbeat within " + activity.heartbeatTimeout
                : "activity attempt did not complete within its start-to-close timeout of " + activity.startToClose;
        ObjectNode failure = FailureConverter.toJson(new TimeoutFailure(message, type, null));
        failure.put("stackTrace", "");
        attemptFailed(activity, failure, type);
    }

    private void attemptFailed(ActivityState activity, ObjectNode failure, TimeoutType timeoutType) {
        activity.cancelAttemptTimers();
        activity.lastFailure = failure;
        boolean nonRetryable = failure.path("nonRetryable").asBoolean(false);
        String type = FailureConverter.failureType(failure);
        if (activity.retryPolicy.isRetryable(type, nonRetryable, activity.attempt)) {
            Instant retryAt = service.now().plus(activity.retryPolicy.backoffAfterAttempt(activity.attempt));
            if (activity.scheduleToCloseDeadline == null || retryAt.isBefore(activity.scheduleToCloseDeadline)) {
                clearAttempt(activity);
                activity.running = false;
                activity.retryTimer = service.scheduler.schedule(retryAt, () -> locked(() -> {
                    activity.retryTimer = null;
                    if (activity.run.isOpen() && activity.run.activities.get(activity.activityId) == activity) {
                        enqueueAttempt(activity);
                    }
                }));
                return;
            }
        }
        finish(activity);
        ObjectNode attributes = idAttributes(activity);
        if (timeoutType != null) {
            attributes.put("timeoutType", timeoutType.name());
            attributes.set("failure", failure);
            deliverStartedAnd(activity, EventType.ActivityTaskTimedOut, attributes);
        } else {
            attributes.set("failure", failure);
            attributes.put("attempt", activity.attempt);
            deliverStartedAnd(activity, EventType.ActivityTaskFailed, attributes);
        }
    }

    private void timeOutActivity(ActivityState activity) {
        if (activity.run.activities.get(activity.activityId) != activity) {
            return;
        }
        finish(activity);
        ObjectNode attributes = idAttributes(activity);
        attributes.put("timeoutType", TimeoutType.SCHEDULE_TO_CLOSE.name());
        ObjectNode failure = FailureConverter.toJson(new TimeoutFailure("activity did not complete within its"
                + " schedule-to-close timeout", TimeoutType.SCHEDULE_TO_CLOSE, null));
        failure.put("stackTrace", "");
        if (activity.lastFailure != null) {
            failure.set("cause", activity.lastFailure);
        }
        attributes.set("failure", failure);
        service.deliverInput(activity.run, EventType.ActivityTaskTimedOut, attributes);
    }

    private void deliverStartedAnd(ActivityState activity, EventType type, ObjectNode attributes) {
        ObjectNode started = idAttributes(activity);
        started.put("attempt", activity.attempt);
        service.deliverInput(activity.run, EventType.ActivityTaskStarted, started);
        service.deliverInput(activity.run, type, attributes);
    }

    private void finish(ActivityState activity) {
        activity.cancelAllTimers();
        clearAttempt(activity);
        activity.running = false;
        activity.run.activities.remove(activity.activityId);
    }

    /** Ends the current attempt, if any: it no longer counts as pending work. */
    void clearAttempt(ActivityState activity) {
        if (activity.currentToken != null) {
            byToken.remove(activity.currentToken);
            activity.currentToken = null;
            if (activity.released) {
                activity.released = false;
            } else {
                service.workEnded();
            }
        }
    }

    /**
     * Sets whether a running attempt counts as pending work. An attempt let go of keeps running and keeps its
     * timeouts, but no longer keeps the service from being idle, so a virtual clock may move on to its
     * heartbeat deadline; one that shows progress again is counted again. Returns whether the attempt is
     * still the current one.
     */
    boolean holdClock(String token, boolean holds) {
        service.lock.lock();
        try {
            ActivityState activity = current(token);
            if (activity == null || !activity.running) {
                return false;
            }
            if (holds && activity.released) {
                activity.released = false;
                service.workStarted();
            } else if (!holds && !activity.released) {
                activity.released = true;
                service.workEnded();
            }
            return true;
        } finally {
            service.lock.unlock();
        }
    }

    private ActivityState current(String token) {
        ActivityState activity = byToken.get(token);
        if (activity == null || !token.equals(activity.currentToken) || !activity.run.isOpen()) {
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

    private static ObjectNode idAttributes(ActivityState activity) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("activityId", activity.activityId);
        return attributes;
    }

    private static Duration millis(ObjectNode attributes, String name) {
        JsonNode value = attributes.get(name);
        return value == null || value.isNull() ? null : Duration.ofMillis(value.asLong());
    }

    private static RetryPolicy retryPolicy(JsonNode node) {
        if (node == null || node.isNull()) {
            return RetryPolicy.getDefaultInstance();
        }
        RetryPolicy.Builder builder = RetryPolicy.newBuilder()
                .setInitialInterval(Duration.ofMillis(node.path("initialIntervalMillis").asLong(1000)))
                .setBackoffCoefficient(node.path("backoffCoefficient").asDouble(2.0))
                .setMaximumAttempts(node.path("maximumAttempts").asInt(0));
        if (node.hasNonNull("maximumIntervalMillis")) {
            builder.setMaximumInterval(Duration.ofMillis(node.get("maximumIntervalMillis").asLong()));
        }
        JsonNode doNotRetry = node.path("doNotRetry");
        String[] types = new String[doNotRetry.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = doNotRetry.get(i).asText();
        }
        builder.setDoNotRetry(types);
        return builder.build();
    }
}
