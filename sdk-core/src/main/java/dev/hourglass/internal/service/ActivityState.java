package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.RetryPolicy;
import java.time.Duration;
import java.time.Instant;

/** The service-side state of one scheduled activity across its attempts; guarded by the service lock. */
final class ActivityState {

    final Run run;
    final String activityId;
    final String activityType;
    final String taskQueue;
    final ArrayNode input;
    final Duration startToClose;
    final Duration heartbeatTimeout;
    final RetryPolicy retryPolicy;
    final Instant scheduledTime;
    final Instant scheduleToCloseDeadline;

    int attempt;
    String currentToken;
    boolean running;
    /** Whether the current attempt was let go of as pending work (see {@code Activities.holdClock}). */
    boolean released;
    JsonNode lastHeartbeatDetails;
    ObjectNode lastFailure;
    Scheduler.Cancellable attemptTimer;
    Scheduler.Cancellable heartbeatTimer;
    Scheduler.Cancellable retryTimer;
    Scheduler.Cancellable scheduleToCloseTimer;

    ActivityState(Run run, String activityId, String activityType, String taskQueue, ArrayNode input,
            Duration startToClose, Duration heartbeatTimeout, RetryPolicy retryPolicy, Instant scheduledTime,
            Instant scheduleToCloseDeadline) {
        this.run = run;
        this.activityId = activityId;
        this.activityType = activityType;
        this.taskQueue = taskQueue;
        this.input = input;
        this.startToClose = startToClose;
        this.heartbeatTimeout = heartbeatTimeout;
        this.retryPolicy = retryPolicy;
        this.scheduledTime = scheduledTime;
        this.scheduleToCloseDeadline = scheduleToCloseDeadline;
    }

    void cancelAttemptTimers() {
        if (attemptTimer != null) {
            attemptTimer.cancel();
            attemptTimer = null;
        }
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel();
            heartbeatTimer = null;
        }
    }

    void cancelAllTimers() {
        cancelAttemptTimers();
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
        if (scheduleToCloseTimer != null) {
            scheduleToCloseTimer.cancel();
            scheduleToCloseTimer = null;
        }
    }
}
