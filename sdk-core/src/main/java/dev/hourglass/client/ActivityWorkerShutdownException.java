package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * Thrown by a heartbeat when the worker running the attempt is shutting down.
 *
 * <p>Let it propagate: the attempt fails and is retried by its retry policy, on this worker after a restart or on
 * another one; heartbeat details recorded so far reach the next attempt.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ActivityWorkerShutdownException extends ActivityCompletionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for an attempt of an activity.
     *
     * @param message what happened and what to do; may be {@code null}
     * @param activityType the activity type; may be {@code null}
     * @param activityId the activity's id within its workflow run; may be {@code null}
     */
    public ActivityWorkerShutdownException(String message, String activityType, String activityId) {
        super(message, activityType, activityId);
    }
}
