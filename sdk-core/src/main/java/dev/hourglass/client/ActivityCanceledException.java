package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * Thrown by a heartbeat when cancellation of the activity was requested: its workflow canceled the activity's
 * cancellation scope (see {@link dev.hourglass.activity.ActivityCancellationType}). A heartbeat through an
 * {@link ActivityCompletionClient} throws it as well; answer the attempt with
 * {@link ActivityCompletionClient#reportCancellation(byte[], Object)} then.
 *
 * <p>Let it propagate, after cleaning up: the activity is then reported canceled, which a workflow waiting with
 * {@link dev.hourglass.activity.ActivityCancellationType#WAIT_CANCELLATION_COMPLETED} is waiting for.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ActivityCanceledException extends ActivityCompletionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for an attempt of an activity.
     *
     * @param message what happened and what to do; may be {@code null}
     * @param activityType the activity type; may be {@code null}
     * @param activityId the activity's id within its workflow run; may be {@code null}
     */
    public ActivityCanceledException(String message, String activityType, String activityId) {
        super(message, activityType, activityId);
    }
}
