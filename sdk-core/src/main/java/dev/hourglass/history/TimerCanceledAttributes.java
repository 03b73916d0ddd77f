package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#TimerCanceled}: the workflow canceled a timer before it fired.
 *
 * @param timerId the started timer's id
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TimerCanceledAttributes(String timerId) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.TimerCanceled;
    }
}
