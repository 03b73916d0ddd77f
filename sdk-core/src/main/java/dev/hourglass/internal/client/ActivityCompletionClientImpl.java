package dev.hourglass.internal.client;

import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.client.ActivityCompletionClient;
import dev.hourglass.client.ActivityNotExistsException;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ActivityCompletionClient} over a service: an answer by token goes to the service as the worker's would,
 * an answer by id first looks up the token of the activity's running attempt. Values are converted as the worker
 * converts an activity method's.
 */
final class ActivityCompletionClientImpl implements ActivityCompletionClient {

    private final WorkflowServiceSpi service;
    private final PayloadConverter converter;

    ActivityCompletionClientImpl(WorkflowServiceSpi service, PayloadConverter converter) {
        this.service = service;
        this.converter = converter;
    }

    /** An attempt as the caller named it: its token, and how to name it in a message. */
    private record Attempt(String token, String description, String activityId) {
    }

    @Override
    public <R> void complete(byte[] taskToken, R result) {
        complete(byToken(taskToken), result);
    }

    @Override
    public void completeExceptionally(byte[] taskToken, Exception failure) {
        completeExceptionally(byToken(taskToken), failure);
    }

    @Override
    public void reportCancellation(byte[] taskToken, Object details) {
        reportCancellation(byToken(taskToken), details);
    }

    @Override
    public void heartbeat(byte[] taskToken, Object details) {
        heartbeat(byToken(taskToken), details);
    }

    @Override
    public <R> void complete(String workflowId, Optional<String> runId, String activityId, R result) {
        complete(byId(workflowId, runId, activityId), result);
    }

    @Override
    public void completeExceptionally(String workflowId, Optional<String> runId, String activityId,
            Exception failure) {
        completeExceptionally(byId(workflowId, runId, activityId), failure);
    }

    @Override
    public void reportCancellation(String workflowId, Optional<String> runId, String activityId, Object details) {
        reportCancellation(byId(workflowId, runId, activityId), details);
    }

    @Override
    public void heartbeat(String workflowId, Optional<String> runId, String activityId, Object details) {
        heartbeat(byId(workflowId, runId, activityId), details);
    }

    private void complete(Attempt attempt, Object result) {
        Payload encoded = JsonPayload.of(converter.toJson(result, "the result completing ", attempt.description()));
        if (!service.completeActivityTask(attempt.token(), encoded)) {
            throw notCurrent(attempt, "complete");
        }
    }

    private void completeExceptionally(Attempt attempt, Exception failure) {
        Objects.requireNonNull(failure, "failure");
        Payload encoded = JsonPayload.of(FailureConverter.toJson(failure, converter));
        if (!service.failActivityTask(attempt.token(), encoded)) {
            throw notCurrent(attempt, "fail");
        }
    }

    private void reportCancellation(Attempt attempt, Object details) {
        Payload encoded = details == null ? null
                : JsonPayload.of(converter.toJson(details, "the cancellation details of ", attempt.description()));
        if (!service.reportActivityTaskCanceled(attempt.token(), encoded)) {
            throw notCurrent(attempt, "report canceled");
        }
    }

    private void heartbeat(Attempt attempt, Object details) {
        Payload encoded = JsonPayload.of(converter.toJson(details, "the heartbeat details of ",
                attempt.description()));
        ActivityHeartbeatResponse response = service.recordActivityHeartbeat(attempt.token(), encoded);
        if (response == ActivityHeartbeatResponse.ATTEMPT_NOT_FOUND) {
            throw notCurrent(attempt, "heartbeat");
        }
        if (response == ActivityHeartbeatResponse.CANCEL_REQUESTED) {
            throw new ActivityCanceledException("cancellation of " + attempt.description() + " was requested by its"
                    + " workflow (the heartbeat was recorded): stop its work and answer with reportCancellation, after"
                    + " which the activity is canceled", null, attempt.activityId());
        }
    }

    private Attempt byToken(byte[] taskToken) {
        Objects.requireNonNull(taskToken, "taskToken");
        String token = new String(taskToken, StandardCharsets.UTF_8);
        return new Attempt(token, "the activity attempt of task token '" + token + "'", null);
    }

    private Attempt byId(String workflowId, Optional<String> runId, String activityId) {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(runId, "runId (Optional.empty() for the open run)");
        Objects.requireNonNull(activityId, "activityId");
        String description = "activity " + activityId + " of workflow " + workflowId
                + runId.map(id -> " (run " + id + ")").orElse(" (its open run)");
        String token = service.runningActivityTaskToken(workflowId, runId.orElse(null), activityId);
        if (token == null) {
            throw new ActivityNotExistsException(description + " has no running attempt: the workflow id or run is"
                    + " unknown, the run closed, it has no open activity of that id (it closed, or was never"
                    + " scheduled), or the activity's attempt is not running now (it waits for a worker or for a"
                    + " retry). Check the ids against the run's history; an attempt that timed out is retried as a"
                    + " new one, which answers for itself", null, activityId);
        }
        return new Attempt(token, description, activityId);
    }

    private static ActivityNotExistsException notCurrent(Attempt attempt, String action) {
        return new ActivityNotExistsException("cannot " + action + " " + attempt.description() + ": the service no"
                + " longer runs that attempt. It was answered already, it timed out (a retry is a new attempt with a"
                + " new token), its activity was canceled or closed, or its workflow run closed; its answer is"
                + " ignored", null, attempt.activityId());
    }
}
