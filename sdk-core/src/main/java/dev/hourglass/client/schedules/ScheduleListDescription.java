package dev.hourglass.client.schedules;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One schedule as {@link ScheduleClient#listSchedules()} lists it; {@link ScheduleClient#getHandle(String)} then
 * describes or changes it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleListDescription {

    private final String scheduleId;
    private final Instant createdAt;

    /**
     * Creates the entry.
     *
     * @param scheduleId the schedule id; never {@code null}
     * @param createdAt when the schedule (its current run of the schedule's workflow) started; never {@code null}
     */
    public ScheduleListDescription(String scheduleId, Instant createdAt) {
        this.scheduleId = Objects.requireNonNull(scheduleId, "scheduleId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The schedule id; never {@code null}. */
    public String getScheduleId() {
        return scheduleId;
    }

    /** When the current run of the schedule's workflow started (it continues as new now and then). */
    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "ScheduleListDescription{scheduleId=" + scheduleId + ", createdAt=" + createdAt + "}";
    }
}
