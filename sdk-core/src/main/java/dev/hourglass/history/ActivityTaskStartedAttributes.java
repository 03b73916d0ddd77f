package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskStarted}: a worker ran an attempt of the activity; recorded with
 * the outcome of that attempt.
 *
 * @param activityId the scheduled activity's id
 * @param attempt the attempt number, from 1
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskStartedAttributes(String activityId, int attempt) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskStarted;
    }
}
