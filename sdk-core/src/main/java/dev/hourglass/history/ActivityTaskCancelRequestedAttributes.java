package dev.hourglass.history;

import dev.hourglass.activity.ActivityCancellationType;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskCancelRequested}: the workflow asked for a scheduled activity to be
 * canceled.
 *
 * @param activityId the scheduled activity's id
 * @param cancellationType how the workflow waits for the cancellation: {@link ActivityCancellationType#TRY_CANCEL}
 *     (not at all) or {@link ActivityCancellationType#WAIT_CANCELLATION_COMPLETED}; never {@code null}, a
 *     {@code null} argument (a history recorded before the type was recorded) meaning {@code TRY_CANCEL}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskCancelRequestedAttributes(String activityId, ActivityCancellationType cancellationType)
        implements EventAttributes {

    /** Takes a {@code null} cancellation type as {@link ActivityCancellationType#TRY_CANCEL}. */
    public ActivityTaskCancelRequestedAttributes {
        if (cancellationType == null) {
            cancellationType = ActivityCancellationType.TRY_CANCEL;
        }
    }

    /**
     * The request of a workflow that does not wait for the cancellation ({@link ActivityCancellationType#TRY_CANCEL}).
     *
     * @param activityId the scheduled activity's id
     */
    public ActivityTaskCancelRequestedAttributes(String activityId) {
        this(activityId, ActivityCancellationType.TRY_CANCEL);
    }

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskCancelRequested;
    }
}
