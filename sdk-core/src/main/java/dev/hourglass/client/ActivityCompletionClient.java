package dev.hourglass.client;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Completes, fails, cancels and heartbeats activity attempts from outside the worker that ran them: the answer to
 * an attempt whose method called {@link dev.hourglass.activity.ActivityExecutionContext#doNotCompleteOnReturn()}.
 *
 * <p>Obtain it with {@link WorkflowClient#newActivityCompletionClient()}. An attempt is named either by its task
 * token ({@link dev.hourglass.activity.ActivityExecutionContext#getTaskToken()}), or by its workflow id, run id and
 * activity id: the attempt of that activity that runs now. Results, failures and details are converted with the data
 * converter of the client it came from, as a worker converts those of an activity method.
 *
 * <pre>{@code
 * ActivityCompletionClient completions = client.newActivityCompletionClient();
 * completions.complete(taskToken, "approved");
 * }</pre>
 *
 * <p>Every method throws {@link ActivityNotExistsException} when the attempt is not one the service can take an
 * answer for: unknown, already answered, timed out (and perhaps retried as a new attempt with a new token), or its
 * activity or workflow run closed. Only the first answer to an attempt counts.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ActivityCompletionClient {

    /**
     * Completes the attempt with a result, which the workflow receives as the activity's result.
     *
     * @param taskToken the attempt's token; never {@code null}
     * @param result the result, serialisable by the data converter; may be {@code null}
     * @param <R> the type of the result
     * @throws ActivityNotExistsException if the attempt is unknown or no longer running
     * @throws IllegalArgumentException if {@code taskToken} is not a task token of this client's service
     */
    <R> void complete(byte[] taskToken, R result);

    /**
     * Fails the attempt, as if its activity method had thrown {@code failure}: retried by the activity's retry
     * policy, unless the failure is not retryable (an {@link dev.hourglass.failure.ApplicationFailure} made with
     * {@code newNonRetryableFailure}, or of a type the policy does not retry), in which case the workflow receives it
     * as the cause of an {@link dev.hourglass.failure.ActivityFailure}.
     *
     * @param taskToken the attempt's token; never {@code null}
     * @param failure why the attempt failed; never {@code null}
     * @throws ActivityNotExistsException if the attempt is unknown or no longer running
     * @throws IllegalArgumentException if {@code taskToken} is not a task token of this client's service
     */
    void completeExceptionally(byte[] taskToken, Exception failure);

    /**
     * Reports that the attempt stopped because cancellation of its activity was requested (which
     * {@link #heartbeat(byte[], Object)} tells): the activity closes as canceled, with {@code details} recorded in
     * its {@code ActivityTaskCanceled} event. If no cancellation was requested, the report counts as a failed
     * attempt, retried by the retry policy.
     *
     * @param taskToken the attempt's token; never {@code null}
     * @param details what to record with the cancellation, serialisable by the data converter; may be {@code null}
     * @throws ActivityNotExistsException if the attempt is unknown or no longer running
     * @throws IllegalArgumentException if {@code taskToken} is not a task token of this client's service
     */
    void reportCancellation(byte[] taskToken, Object details);

    /**
     * Records progress of the attempt and resets its heartbeat timeout, as
     * {@link dev.hourglass.activity.ActivityExecutionContext#heartbeat(Object)} does from the activity method. A
     * later attempt reads {@code details} with {@code getHeartbeatDetails}.
     *
     * @param taskToken the attempt's token; never {@code null}
     * @param details progress to record, serialisable by the data converter; may be {@code null}
     * @throws ActivityCanceledException if cancellation of the activity was requested (the heartbeat was recorded):
     *     stop the work and answer with {@link #reportCancellation(byte[], Object)}
     * @throws ActivityNotExistsException if the attempt is unknown or no longer running
     * @throws IllegalArgumentException if {@code taskToken} is not a task token of this client's service
     */
    void heartbeat(byte[] taskToken, Object details);

    /**
     * Completes the running attempt of an activity of a workflow run with a result; see
     * {@link #complete(byte[], Object)}.
     *
     * @param workflowId the workflow id; never {@code null}
     * @param runId the run; empty for the open run of {@code workflowId}; never {@code null}
     * @param activityId the activity's id within the run, as {@code ActivityTaskScheduled} records it; never
     *     {@code null}
     * @param result the result; may be {@code null}
     * @param <R> the type of the result
     * @throws ActivityNotExistsException if there is no such run, it is closed, or it has no running attempt of that
     *     activity
     */
    <R> void complete(String workflowId, Optional<String> runId, String activityId, R result);

    /**
     * Fails the running attempt of an activity of a workflow run; see
     * {@link #completeExceptionally(byte[], Exception)}.
     *
     * @param workflowId the workflow id; never {@code null}
     * @param runId the run; empty for the open run of {@code workflowId}; never {@code null}
     * @param activityId the activity's id within the run; never {@code null}
     * @param failure why the attempt failed; never {@code null}
     * @throws ActivityNotExistsException if there is no such run, it is closed, or it has no running attempt of that
     *     activity
     */
    void completeExceptionally(String workflowId, Optional<String> runId, String activityId, Exception failure);

    /**
     * Reports the running attempt of an activity of a workflow run canceled; see
     * {@link #reportCancellation(byte[], Object)}.
     *
     * @param workflowId the workflow id; never {@code null}
     * @param runId the run; empty for the open run of {@code workflowId}; never {@code null}
     * @param activityId the activity's id within the run; never {@code null}
     * @param details what to record with the cancellation; may be {@code null}
     * @throws ActivityNotExistsException if there is no such run, it is closed, or it has no running attempt of that
     *     activity
     */
    void reportCancellation(String workflowId, Optional<String> runId, String activityId, Object details);

    /**
     * Records progress of the running attempt of an activity of a workflow run; see
     * {@link #heartbeat(byte[], Object)}.
     *
     * @param workflowId the workflow id; never {@code null}
     * @param runId the run; empty for the open run of {@code workflowId}; never {@code null}
     * @param activityId the activity's id within the run; never {@code null}
     * @param details progress to record; may be {@code null}
     * @throws ActivityCanceledException if cancellation of the activity was requested
     * @throws ActivityNotExistsException if there is no such run, it is closed, or it has no running attempt of that
     *     activity
     */
    void heartbeat(String workflowId, Optional<String> runId, String activityId, Object details);
}
