package dev.hourglass.client.schedules;

import org.apiguardian.api.API;

/**
 * Thrown by a {@link ScheduleHandle} whose schedule does not exist: never created, or deleted.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleNotFoundException extends ScheduleException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param scheduleId the schedule id; never {@code null}
     * @param operation what the handle was asked to do
     * @param cause the cause, or {@code null}
     */
    public ScheduleNotFoundException(String scheduleId, String operation, Throwable cause) {
        super(scheduleId, "cannot " + operation + " schedule '" + scheduleId + "': no such schedule (never created,"
                + " or deleted); list the schedules with ScheduleClient.listSchedules(), or create it", cause);
    }
}
