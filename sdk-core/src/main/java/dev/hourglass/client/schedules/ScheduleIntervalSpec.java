package dev.hourglass.client.schedules;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Fire times at a fixed interval: every instant {@code t} such that {@code t - offset} is a multiple of
 * {@code every} counted from the Unix epoch, so that {@code every = 1 day, offset = 2 h} fires at 02:00 UTC each day.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleIntervalSpec {

    private final Duration every;
    private final Duration offset;

    /**
     * Fires every {@code every}, at multiples of it counted from the Unix epoch.
     *
     * @param every the interval; positive, whole milliseconds; never {@code null}
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public ScheduleIntervalSpec(Duration every) {
        this(every, Duration.ZERO);
    }

    /**
     * Fires every {@code every}, shifted by {@code offset}.
     *
     * @param every the interval; positive; never {@code null}
     * @param offset the shift; at least zero and less than {@code every}; never {@code null}
     * @throws IllegalArgumentException if {@code every} is not positive or {@code offset} is not in
     *     {@code [0, every)}
     */
    public ScheduleIntervalSpec(Duration every, Duration offset) {
        this.every = Objects.requireNonNull(every, "every");
        this.offset = Objects.requireNonNull(offset, "offset");
        if (every.toMillis() <= 0) {
            throw new IllegalArgumentException("ScheduleIntervalSpec: every must be at least one millisecond, was "
                    + every + "; pass a positive interval such as Duration.ofHours(1)");
        }
        if (offset.isNegative() || offset.compareTo(every) >= 0) {
            throw new IllegalArgumentException("ScheduleIntervalSpec: offset must be at least zero and less than every ("
                    + every + "), was " + offset + "; pass the shift within one interval");
        }
    }

    /** The interval; never {@code null}. */
    public Duration getEvery() {
        return every;
    }

    /** The shift from the multiples of the interval; never {@code null}. */
    public Duration getOffset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleIntervalSpec that && every.equals(that.every) && offset.equals(that.offset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(every, offset);
    }

    @Override
    public String toString() {
        return "ScheduleIntervalSpec{every=" + every + ", offset=" + offset + "}";
    }
}
