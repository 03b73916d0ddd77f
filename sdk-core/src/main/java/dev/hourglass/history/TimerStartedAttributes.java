package dev.hourglass.history;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#TimerStarted}: the workflow started a durable timer.
 *
 * @param timerId the timer's id within the run
 * @param duration how long after this event the timer fires (at least 1 ms)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TimerStartedAttributes(String timerId, Duration duration) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.TimerStarted;
    }
}
