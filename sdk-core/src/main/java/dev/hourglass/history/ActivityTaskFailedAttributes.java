package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskFailed}: an activity failed, after its last allowed attempt or with
 * a failure that is not retried.
 *
 * @param activityId the scheduled activity's id
 * @param failure why it failed, a failure object (see {@code docs/history-format.md}), or {@code null}
 * @param attempt the attempt that failed last, from 1, or {@code null} when not recorded
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskFailedAttributes(String activityId, Payload failure,
        Integer attempt) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskFailed;
    }
}
