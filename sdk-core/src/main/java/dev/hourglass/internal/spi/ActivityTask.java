package dev.hourglass.internal.spi;

import dev.hourglass.history.Payload;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt of an activity, handed to a worker by {@link WorkflowServiceSpi#pollActivityTask}.
 *
 * @param taskToken identifies the attempt (its lease) in the answer; never {@code null}
 * @param workflowId the scheduling workflow's id
 * @param runId the scheduling workflow's run id
 * @param workflowType the scheduling workflow's type
 * @param activityId the activity's id within the run
 * @param activityType the activity type
 * @param taskQueue the task queue the attempt was polled from
 * @param input the arguments, a JSON array; never {@code null}
 * @param attempt the attempt number, from 1
 * @param scheduledTime when the activity was scheduled
 * @param heartbeatTimeout the heartbeat timeout, or {@code null}
 * @param lastHeartbeatDetails the details of the last heartbeat of an earlier attempt, or {@code null}
 * @param attemptDueTime when this attempt became due: the schedule time for the first, the end of the retry backoff
 *      for a later one; on the service's clock
 */
public record ActivityTask(String taskToken, String workflowId, String runId, String workflowType, String activityId,
        String activityType, String taskQueue, Payload input, int attempt, Instant scheduledTime,
        Duration heartbeatTimeout, Payload lastHeartbeatDetails, Instant attemptDueTime) {

    /** An attempt that became due when its activity was scheduled. */
    public ActivityTask(String taskToken, String workflowId, String runId, String workflowType, String activityId,
            String activityType, String taskQueue, Payload input, int attempt, Instant scheduledTime,
            Duration heartbeatTimeout, Payload lastHeartbeatDetails) {
        this(taskToken, workflowId, runId, workflowType, activityId, activityType, taskQueue, input, attempt,
                scheduledTime, heartbeatTimeout, lastHeartbeatDetails, scheduledTime);
    }
}
