package dev.hourglass.client.schedules;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A range of past time to run a schedule over as if it had been running then: every fire time {@code t} of the
 * schedule's spec with {@code start <= t < end} starts an action, whatever the catch-up window says.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleBackfill {

    private final Instant startAt;
    private final Instant endAt;
    private final ScheduleOverlapPolicy overlapPolicy;

    /**
     * A backfill with the schedule's own overlap policy.
     *
     * @param startAt the first instant of the range, included; never {@code null}
     * @param endAt the end of the range, excluded; not before {@code startAt}; never {@code null}
     */
    public ScheduleBackfill(Instant startAt, Instant endAt) {
        this(startAt, endAt, null);
    }

    /**
     * A backfill with an overlap policy of its own.
     *
     * @param startAt the first instant of the range, included; never {@code null}
     * @param endAt the end of the range, excluded; not before {@code startAt}; never {@code null}
     * @param overlapPolicy the policy for the range's actions, or {@code null} for the schedule's
     * @throws IllegalArgumentException if {@code endAt} is before {@code startAt}
     */
    public ScheduleBackfill(Instant startAt, Instant endAt, ScheduleOverlapPolicy overlapPolicy) {
        this.startAt = Objects.requireNonNull(startAt, "startAt");
        this.endAt = Objects.requireNonNull(endAt, "endAt");
        if (endAt.isBefore(startAt)) {
            throw new IllegalArgumentException("ScheduleBackfill: endAt (" + endAt + ") is before startAt (" + startAt
                    + "); pass the earlier instant first");
        }
        this.overlapPolicy = overlapPolicy;
    }

    /** The first instant of the range, included; never {@code null}. */
    public Instant getStartAt() {
        return startAt;
    }

    /** The end of the range, excluded; never {@code null}. */
    public Instant getEndAt() {
        return endAt;
    }

    /** The overlap policy of the range's actions, or {@code null} for the schedule's. */
    public ScheduleOverlapPolicy getOverlapPolicy() {
        return overlapPolicy;
    }

    @Override
    public String toString() {
        return "ScheduleBackfill{" + startAt + ".." + endAt + (overlapPolicy == null ? "" : ", " + overlapPolicy) + "}";
    }
}
