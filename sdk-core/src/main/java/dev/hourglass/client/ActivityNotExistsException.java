package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * Thrown by a heartbeat when the attempt is no longer known to the service: it timed out (start-to-close,
 * heartbeat or schedule-to-close), the activity was canceled without waiting for it, or its workflow run closed.
 *
 * <p>Let it propagate: the attempt's outcome is ignored; if its activity is retried, another attempt is already
 * scheduled.
 *
 * <p>An {@link ActivityCompletionClient} throws it too, for an answer no attempt takes: the token or ids name no
 * running attempt (unknown, answered already, timed out, or its activity or run closed).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ActivityNotExistsException extends ActivityCompletionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for an attempt of an activity.
     *
     * @param message what happened and what to do; may be {@code null}
     * @param activityType the activity type; may be {@code null}
     * @param activityId the activity's id within its workflow run; may be {@code null}
     */
    public ActivityNotExistsException(String message, String activityType, String activityId) {
        super(message, activityType, activityId);
    }
}
