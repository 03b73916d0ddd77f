package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * Thrown by {@link dev.hourglass.activity.ActivityExecutionContext#heartbeat(Object)} when the attempt should stop: its result would no
 * longer be taken. The subclass says why.
 *
 * <p>Let it propagate out of the activity method, after cleaning up if need be; catching it and going on wastes
 * work whose outcome is ignored.
 *
 * <pre>{@code
 * for (Page page : pages) {
 *     export(page);
 *     try {
 *         Activity.getExecutionContext().heartbeat(page.number());
 *     } catch (ActivityCompletionException e) {
 *         deletePartialExport();
 *         throw e;
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ActivityCompletionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String activityType;
    private final String activityId;

    /**
     * Creates the exception for an attempt of an activity.
     *
     * @param message what happened and what to do; may be {@code null}
     * @param activityType the activity type; may be {@code null}
     * @param activityId the activity's id within its workflow run; may be {@code null}
     */
    protected ActivityCompletionException(String message, String activityType, String activityId) {
        super(message);
        this.activityType = activityType;
        this.activityId = activityId;
    }

    /**
     * Returns the type of the activity whose attempt should stop.
     *
     * @return the activity type, or {@code null} if unknown
     */
    public String getActivityType() {
        return activityType;
    }

    /**
     * Returns the id, within its workflow run, of the activity whose attempt should stop.
     *
     * @return the activity id, or {@code null} if unknown
     */
    public String getActivityId() {
        return activityId;
    }
}
