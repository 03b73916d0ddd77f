package dev.hourglass.history;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#TimerStarted}: the workflow started a durable timer.
 *
 * @param timerId the timer's id within the run
 * @param duration how long after this event the timer fires (at least 1 ms)
 * @param summary what the timer waits for, as the code said with {@code TimerOptions.setSummary}, or {@code null}
 *      when none was given; replay does not compare it
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TimerStartedAttributes(String timerId, Duration duration, String summary) implements EventAttributes {

    /**
     * The attributes of a timer without a summary.
     *
     * @param timerId the timer's id within the run
     * @param duration how long after this event the timer fires
     */
    public TimerStartedAttributes(String timerId, Duration duration) {
        this(timerId, duration, null);
    }

    @Override
    public EventType eventType() {
        return EventType.TimerStarted;
    }
}
