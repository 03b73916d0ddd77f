package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskCancelRequested}: the workflow asked for a scheduled activity to be
 * canceled.
 *
 * @param activityId the scheduled activity's id
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskCancelRequestedAttributes(String activityId) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskCancelRequested;
    }
}
