package dev.hourglass.history;

import dev.hourglass.failure.TimeoutType;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskTimedOut}: an activity ran out of time.
 *
 * @param activityId the scheduled activity's id
 * @param timeoutType which timeout: start-to-close, schedule-to-close or heartbeat
 * @param failure the timeout as a failure object, with the last attempt's failure as its cause, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskTimedOutAttributes(String activityId, TimeoutType timeoutType,
        Payload failure) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskTimedOut;
    }
}
