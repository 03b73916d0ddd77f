package dev.hourglass.client.schedules;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A schedule as {@link ScheduleHandle#describe()} found it: its id, its current definition and what it has done.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleDescription {

    private final String id;
    private final Schedule schedule;
    private final ScheduleInfo info;

    /**
     * Creates the description.
     *
     * @param id the schedule id; never {@code null}
     * @param schedule the schedule as it stands, state included; never {@code null}
     * @param info what it has done; never {@code null}
     */
    public ScheduleDescription(String id, Schedule schedule, ScheduleInfo info) {
        this.id = Objects.requireNonNull(id, "id");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.info = Objects.requireNonNull(info, "info");
    }

    /** The schedule id; never {@code null}. */
    public String getId() {
        return id;
    }

    /** The schedule as it stands: action, spec, policy and state (paused, note, remaining actions). */
    public Schedule getSchedule() {
        return schedule;
    }

    /** What the schedule has done and will do. */
    public ScheduleInfo getInfo() {
        return info;
    }

    @Override
    public String toString() {
        return "ScheduleDescription{id=" + id + ", schedule=" + schedule + ", info=" + info + "}";
    }
}
