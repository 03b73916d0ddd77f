package dev.hourglass.client.schedules;

import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * One schedule, to describe and change: pause, unpause, trigger, backfill, update and delete it.
 *
 * <p>Changes are signals to the schedule's workflow: they are recorded at once, in the order sent, and take effect
 * when a worker runs the schedule's next workflow task. Every method throws {@link ScheduleNotFoundException} if the
 * schedule does not exist.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ScheduleHandle {

    /** The schedule id; never {@code null}. */
    String getId();

    /**
     * Returns the schedule as it stands and what it has done; needs a running worker to answer.
     *
     * @return the description; never {@code null}
     */
    ScheduleDescription describe();

    /**
     * Pauses the schedule: its fire times start nothing until {@link #unpause(String)}; triggers and backfills still
     * do.
     *
     * @param note why, shown in {@link ScheduleState#getNote()}; may be {@code null}
     */
    void pause(String note);

    /** Pauses the schedule with no note. */
    default void pause() {
        pause(null);
    }

    /**
     * Unpauses the schedule: it acts on fire times from now on (the ones passed while paused are not caught up).
     *
     * @param note why, shown in {@link ScheduleState#getNote()}; may be {@code null}
     */
    void unpause(String note);

    /** Unpauses the schedule with no note. */
    default void unpause() {
        unpause(null);
    }

    /** Acts once now, under the schedule's overlap policy, paused or not. */
    void trigger();

    /**
     * Acts once now, under {@code overlapPolicy}, paused or not.
     *
     * @param overlapPolicy the policy of this action; {@code null} for the schedule's
     */
    void trigger(ScheduleOverlapPolicy overlapPolicy);

    /**
     * Acts on every fire time of the spec in each range, as if the schedule had run then; the catch-up window does not
     * apply.
     *
     * @param backfills the ranges; never {@code null}
     */
    void backfill(List<ScheduleBackfill> backfills);

    /**
     * Replaces the schedule by what {@code updater} makes of its description: the action, spec, policy and state
     * all come from the returned schedule. The next fire time is the new spec's first after now.
     *
     * @param updater from the current description to the new schedule; returning {@code null} leaves it unchanged
     * @throws IllegalArgumentException if the new schedule is not valid
     */
    void update(Function<ScheduleDescription, Schedule> updater);

    /** Deletes the schedule: it acts no more; the runs it started go on. The id can then be created again. */
    void delete();
}
