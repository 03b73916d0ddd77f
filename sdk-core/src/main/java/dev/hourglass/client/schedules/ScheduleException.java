package dev.hourglass.client.schedules;

import org.apiguardian.api.API;

/**
 * Thrown when a schedule cannot do what a client asked: see its subclasses.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ScheduleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String scheduleId;

    /**
     * Creates the exception.
     *
     * @param scheduleId the schedule id; never {@code null}
     * @param message what was expected, what happened and what to do
     * @param cause the cause, or {@code null}
     */
    public ScheduleException(String scheduleId, String message, Throwable cause) {
        super(message, cause);
        this.scheduleId = scheduleId;
    }

    /** The schedule id the call named. */
    public String getScheduleId() {
        return scheduleId;
    }
}
