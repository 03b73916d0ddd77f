package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#TimerFired}: a timer fired.
 *
 * @param timerId the started timer's id
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TimerFiredAttributes(String timerId) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.TimerFired;
    }
}
