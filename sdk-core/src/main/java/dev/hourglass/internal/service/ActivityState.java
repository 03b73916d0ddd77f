package dev.hourglass.internal.service;

import dev.hourglass.common.RetryPolicy;
import dev.hourglass.history.Payload;
import java.time.Duration;
import java.time.Instant;

/** The service-side state of one scheduled activity across its attempts; guarded by the service lock. */
final class ActivityState {

    final Run run;
    final String activityId;
    final String activityType;
    final String taskQueue;
    final Payload input;
    final Duration startToClose;
    final Duration heartbeatTimeout;
    final Duration scheduleToStart;
    final RetryPolicy retryPolicy;
    final Instant scheduledTime;
    final Instant scheduleToCloseDeadline;

    final ActivityAttemptLifecycle attemptState = new ActivityAttemptLifecycle();
    int attempt;
    /** The token of the current attempt while one is queued or running, else {@code null}. */
    String currentToken;
    /** The identity of the worker that runs (or last ran) an attempt, {@code null} for none. */
    String workerIdentity;
    Payload lastHeartbeatDetails;
    Payload lastFailure;
    /** Whether the workflow asked for the activity to be canceled while an attempt ran; told by heartbeats. */
    boolean cancelRequested;
    /** When the current attempt was queued. */
    Instant attemptQueuedAt;
    /** When the next attempt is queued while the activity backs off after a failed attempt, else {@code null}. */
    Instant nextAttemptTime;
    Scheduler.Cancellable attemptTimer;
    Scheduler.Cancellable heartbeatTimer;
    Scheduler.Cancellable retryTimer;
    Scheduler.Cancellable scheduleToCloseTimer;
    Scheduler.Cancellable scheduleToStartTimer;

    ActivityState(Run run, String activityId, String activityType, String taskQueue, Payload input,
            Duration startToClose, Duration heartbeatTimeout, Duration scheduleToStart, RetryPolicy retryPolicy,
            Instant scheduledTime, Instant scheduleToCloseDeadline) {
        this.run = run;
        this.activityId = activityId;
        this.activityType = activityType;
        this.taskQueue = taskQueue;
        this.input = input;
        this.startToClose = startToClose;
        this.heartbeatTimeout = heartbeatTimeout;
        this.scheduleToStart = scheduleToStart;
        this.retryPolicy = retryPolicy;
        this.scheduledTime = scheduledTime;
        this.scheduleToCloseDeadline = scheduleToCloseDeadline;
    }

    void cancelAttemptTimers() {
        cancelScheduleToStartTimer();
        if (attemptTimer != null) {
            attemptTimer.cancel();
            attemptTimer = null;
        }
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel();
            heartbeatTimer = null;
        }
    }

    void cancelScheduleToStartTimer() {
        if (scheduleToStartTimer != null) {
            scheduleToStartTimer.cancel();
            scheduleToStartTimer = null;
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
