package dev.hourglass.internal.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ActivityTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
         * Records a heartbeat; returns whether the attempt should stop (it was canceled, or timed out).
         *
         * @param details the details the activity passed; may be {@code null}
         * @param encoded their JSON form; never {@code null}
         */
        boolean record(Object details, Payload encoded);
    }

    private final ActivityTask task;
    private final HeartbeatRecorder recorder;
    private final String whyStopped;
    private final PayloadConverter converter;

    /**
     * @param task the attempt
     * @param recorder takes the attempt's heartbeats
     * @param whyStopped completes "activity X (id N) ..." in the {@link CanceledFailure} a heartbeat throws
     *     when the recorder says stop
     * @param converter converts heartbeat details
     */
    public ActivityTaskContext(ActivityTask task, HeartbeatRecorder recorder, String whyStopped,
            PayloadConverter converter) {
        this.task = task;
        this.recorder = recorder;
        this.whyStopped = whyStopped;
        this.converter = converter;
    }

    @Override
    public ActivityInfo getInfo() {
        return this;
    }

    @Override
    public void heartbeat(Object details) {
        if (recorder.record(details, JsonPayload.of(converter.toJson(details,
                "the heartbeat details of activity ", task.activityType())))) {
            throw new CanceledFailure("activity " + task.activityType() + " (id " + task.activityId() + ") "
                    + whyStopped + "; stop working on it");
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
    public Duration getHeartbeatTimeout() {
        return task.heartbeatTimeout();
    }
}
