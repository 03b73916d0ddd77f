package dev.hourglass.internal.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.client.ActivityNotExistsException;
import dev.hourglass.client.ActivityWorkerShutdownException;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What activity code reads through {@code Activity.getExecutionContext()} during one attempt: the facts of
 * its {@link ActivityTask}, and heartbeats handed to a {@link HeartbeatRecorder} (the service for a worker, the
 * test for a test activity environment).
 */
public final class ActivityTaskContext implements ActivityExecutionContext, ActivityInfo {

    /** Takes a heartbeat of the attempt. */
    @FunctionalInterface
    public interface HeartbeatRecorder {
        /**
         * Records a heartbeat; returns whether the attempt goes on, should stop because its activity was canceled,
         * or is no longer current.
         *
         * @param details the details the activity passed; may be {@code null}
         * @param encoded their JSON form; never {@code null}
         * @return the answer; never {@code null}
         */
        ActivityHeartbeatResponse record(Object details, Payload encoded);
    }

    private final ActivityTask task;
    private final HeartbeatRecorder recorder;
    private final String canceledBy;
    private final BooleanSupplier workerShuttingDown;
    private final PayloadConverter converter;
    private volatile boolean doNotCompleteOnReturn;
    private final boolean local;

    /**
     * @param task the attempt
     * @param recorder takes the attempt's heartbeats
     * @param canceledBy who requested cancellation, for the message of an {@link ActivityCanceledException}
     * @param workerShuttingDown whether the worker running the attempt is shutting down
     * @param converter converts heartbeat details
     */
    public ActivityTaskContext(ActivityTask task, HeartbeatRecorder recorder, String canceledBy,
            BooleanSupplier workerShuttingDown, PayloadConverter converter) {
        this(task, recorder, canceledBy, workerShuttingDown, converter, false);
    }

    /**
     * Like the other constructor; with {@code local}, the attempt is of a local activity, which
     * {@link ActivityInfo#isLocal()} reports.
     */
    public ActivityTaskContext(ActivityTask task, HeartbeatRecorder recorder, String canceledBy,
            BooleanSupplier workerShuttingDown, PayloadConverter converter, boolean local) {
        this.local = local;
        this.task = task;
        this.recorder = recorder;
        this.canceledBy = canceledBy;
        this.workerShuttingDown = workerShuttingDown;
        this.converter = converter;
    }

    @Override
    public ActivityInfo getInfo() {
        return this;
    }

    @Override
    public void heartbeat(Object details) {
        ActivityHeartbeatResponse response = recorder.record(details, JsonPayload.of(converter.toJson(details,
                "the heartbeat details of activity ", task.activityType())));
        String activity = "activity " + task.activityType() + " (id " + task.activityId() + ", attempt "
                + task.attempt() + ", workflow " + task.workflowId() + ")";
        if (response == ActivityHeartbeatResponse.CANCEL_REQUESTED) {
            throw new ActivityCanceledException(activity + " was canceled: " + canceledBy + ". Clean up and let"
                    + " this exception propagate: the activity is then reported canceled", task.activityType(),
                    task.activityId());
        }
        if (response == ActivityHeartbeatResponse.ATTEMPT_NOT_FOUND) {
            throw new ActivityNotExistsException(activity + " is no longer known to the service: the attempt timed"
                    + " out, the activity was canceled without waiting for it, or its workflow run closed. Its"
                    + " result would be ignored; let this exception propagate", task.activityType(),
                    task.activityId());
        }
        if (workerShuttingDown.getAsBoolean()) {
            throw new ActivityWorkerShutdownException(activity + ": the worker is shutting down; the heartbeat was"
                    + " recorded. Let this exception propagate: the attempt fails and is retried by its retry"
                    + " policy", task.activityType(), task.activityId());
        }
    }

    @Override
    public <T> Optional<T> getHeartbeatDetails(Class<T> type) {
        Objects.requireNonNull(type, "type");
        JsonNode details = JsonPayload.node(task.lastHeartbeatDetails());
        return details == null || details.isNull() ? Optional.empty()
                : Optional.ofNullable(converter.fromJson(details, type, type,
                        "the heartbeat details of activity ", task.activityType()));
    }

    @Override
    public byte[] getTaskToken() {
        return task.taskToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doNotCompleteOnReturn() {
        doNotCompleteOnReturn = true;
    }

    @Override
    public boolean isDoNotCompleteOnReturn() {
        return doNotCompleteOnReturn;
    }

    @Override
    public int getAttempt() {
        return task.attempt();
    }

    @Override
    public String getActivityId() {
        return task.activityId();
    }

    @Override
    public String getActivityType() {
        return task.activityType();
    }

    @Override
    public String getWorkflowId() {
        return task.workflowId();
    }

    @Override
    public String getRunId() {
        return task.runId();
    }

    @Override
    public String getWorkflowType() {
        return task.workflowType();
    }

    @Override
    public String getTaskQueue() {
        return task.taskQueue();
    }

    @Override
    public Instant getScheduledTime() {
        return task.scheduledTime();
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    @Override
    public Duration getHeartbeatTimeout() {
        return task.heartbeatTimeout();
    }
}
