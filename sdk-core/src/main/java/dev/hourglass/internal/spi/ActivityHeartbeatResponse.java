package dev.hourglass.internal.spi;

/** The answer of {@link WorkflowServiceSpi#recordActivityHeartbeat} to an activity attempt's heartbeat. */
public enum ActivityHeartbeatResponse {

    /** The heartbeat was recorded; the attempt goes on. */
    CONTINUE,

    /**
     * The heartbeat was recorded, and cancellation of the activity has been requested: the attempt should stop and
     * report itself canceled ({@link WorkflowServiceSpi#reportActivityTaskCanceled}).
     */
    CANCEL_REQUESTED,

    /**
     * The heartbeat was not recorded: the attempt is no longer current. It timed out, its activity was closed
     * (canceled without waiting, or timed out as a whole), its workflow run closed, or the service closed. Its
     * outcome will be ignored.
     */
    ATTEMPT_NOT_FOUND
}
