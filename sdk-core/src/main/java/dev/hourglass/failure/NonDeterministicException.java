package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Reports that workflow code, replayed against its history, produced commands that differ from the recorded
 * ones.
 *
 * <p>It is not an {@link HourglassFailure}: it fails the workflow task, not the workflow execution, so the
 * execution resumes once compatible code is deployed. Make changes compatible with {@code Workflow.getVersion},
 * or move the changed logic into an activity.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class NonDeterministicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long eventId;
    private final String recorded;
    private final String actual;
    private final String location;

    /**
     * Creates a nondeterminism report.
     *
     * @param message the full report, returned as is by {@link #getMessage()}; may be {@code null}
     * @param eventId the id of the history event that did not match, or {@code -1} if none
     * @param recorded the recorded command; may be {@code null}, for example when the code produced an extra one
     * @param actual the command the code produced; may be {@code null}, for example when it produced none
     * @param location the workflow source location of the mismatching call; may be {@code null} if unknown
     */
    public NonDeterministicException(String message, long eventId, String recorded, String actual, String location) {
        super(message);
        this.eventId = eventId;
        this.recorded = recorded;
        this.actual = actual;
        this.location = location;
    }

    /**
     * Returns the id of the history event that did not match.
     *
     * @return the event id, or {@code -1} when the mismatch is not tied to an event
     */
    public long getEventId() {
        return eventId;
    }

    /**
     * Returns a description of the command recorded in the history.
     *
     * @return the recorded command; may be {@code null}
     */
    public String getRecorded() {
        return recorded;
    }

    /**
     * Returns a description of the command the code produced.
     *
     * @return the new command; may be {@code null}
     */
    public String getActual() {
        return actual;
    }

    /**
     * Returns the workflow source location of the mismatching call, such as {@code MoneyTransferImpl.java:42}.
     *
     * @return the location; may be {@code null}
     */
    public String getLocation() {
        return location;
    }
}
