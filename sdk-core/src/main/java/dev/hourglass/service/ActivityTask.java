package dev.hourglass.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One attempt of an activity, handed to a worker.
 *
 * @param taskToken identifies the attempt in the answer; never {@code null}
 * @param workflowId the scheduling workflow's id
 * @param runId the scheduling workflow's run id
 * @param workflowType the scheduling workflow's type
 * @param activityId the activity's id within the run
 * @param activityType the activity type
 * @param taskQueue the task queue the attempt was polled from
 * @param input the arguments, one JSON element each
 * @param attempt the attempt number, from 1
 * @param scheduledTime when the activity was scheduled
 * @param heartbeatTimeout the heartbeat timeout, or {@code null}
 * @param lastHeartbeatDetails the details of the last heartbeat of an earlier attempt, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTask(String taskToken, String workflowId, String runId, String workflowType, String activityId,
                String activityType, String taskQueue, ArrayNode input, int attempt, Instant scheduledTime,
                Duration heartbeatTimeout, JsonNode lastHeartbeatDetails) {
}
