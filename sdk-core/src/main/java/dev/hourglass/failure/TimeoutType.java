package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Which timeout a {@link TimeoutFailure} reports.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TimeoutType {

    /** An activity attempt ran longer than its start-to-close timeout. */
    START_TO_CLOSE,

    /**
     * An activity attempt waited in its task queue longer than its schedule-to-start timeout without a worker
     * picking it up; not retried.
     */
    SCHEDULE_TO_START,

    /** An activity, all attempts and backoffs included, ran longer than its schedule-to-close timeout. */
    SCHEDULE_TO_CLOSE,

    /** An activity attempt went longer than its heartbeat timeout without heartbeating. */
    HEARTBEAT,

    /** A workflow execution ran longer than its workflow execution timeout. */
    WORKFLOW_EXECUTION
}
