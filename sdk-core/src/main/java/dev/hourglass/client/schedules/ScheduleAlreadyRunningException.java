package dev.hourglass.client.schedules;

import org.apiguardian.api.API;

/**
 * Thrown by {@link ScheduleClient#createSchedule} when a schedule with the id exists and was not deleted.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleAlreadyRunningException extends ScheduleException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param scheduleId the schedule id; never {@code null}
     * @param cause the cause, or {@code null}
     */
    public ScheduleAlreadyRunningException(String scheduleId, Throwable cause) {
        super(scheduleId, "cannot create schedule '" + scheduleId + "': a schedule with this id exists; change it"
                + " with ScheduleClient.getHandle(\"" + scheduleId + "\").update(..), or delete it first", cause);
    }
}
