package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Reports to workflow code that an activity failed for good: it failed with a non-retryable failure, ran out
 * of attempts or time, or was canceled.
 *
 * <p>The cause says why: an {@link ApplicationFailure}, a {@link TimeoutFailure} or a {@link CanceledFailure}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ActivityFailure extends HourglassFailure {

    private static final long serialVersionUID = 1L;

    private final String activityType;
    private final String activityId;
    private final int attempt;

    /**
     * Creates an activity failure.
     *
     * @param activityType the activity type; may be {@code null} if unknown
     * @param activityId the activity id; may be {@code null} if unknown
     * @param attempt the number of the last attempt, counting from {@code 1}
     * @param cause why the activity failed; may be {@code null}
     */
    public ActivityFailure(String activityType, String activityId, int attempt, Throwable cause) {
        super(
                "Activity task failed: activityType='" + activityType + "', activityId='" + activityId
                        + "', attempt=" + attempt,
                cause);
        this.activityType = activityType;
        this.activityId = activityId;
        this.attempt = attempt;
    }

    /**
     * Returns the activity type.
     *
     * @return the activity type; may be {@code null} if unknown
     */
    public String getActivityType() {
        return activityType;
    }

    /**
     * Returns the activity id.
     *
     * @return the activity id; may be {@code null} if unknown
     */
    public String getActivityId() {
        return activityId;
    }

    /**
     * Returns the number of the last attempt.
     *
     * @return the attempt number, counting from {@code 1}
     */
    public int getAttempt() {
        return attempt;
    }
}
