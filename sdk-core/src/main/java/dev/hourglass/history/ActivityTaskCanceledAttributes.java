package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskCanceled}: an activity was canceled.
 *
 * @param activityId the scheduled activity's id
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskCanceledAttributes(String activityId) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskCanceled;
    }
}
