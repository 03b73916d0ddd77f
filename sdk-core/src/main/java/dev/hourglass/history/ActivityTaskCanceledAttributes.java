package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskCanceled}: an activity was canceled.
 *
 * @param activityId the scheduled activity's id
 * @param details what the attempt reported with its cancellation through
 *     {@code ActivityCompletionClient.reportCancellation}, as JSON, or {@code null} when it reported none (always so
 *     when the activity was canceled before an attempt ran, or its attempt stopped by letting an
 *     {@code ActivityCanceledException} propagate)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskCanceledAttributes(String activityId, Payload details) implements EventAttributes {

    /**
     * The attributes of a cancellation without details.
     *
     * @param activityId the scheduled activity's id
     */
    public ActivityTaskCanceledAttributes(String activityId) {
        this(activityId, null);
    }

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskCanceled;
    }
}
