package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * The status of one run of a workflow: running, or how it closed.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum WorkflowExecutionStatus {
    /** The run is open. */
    RUNNING,
    /** The run returned a result. */
    COMPLETED,
    /** The workflow code failed the run with a business failure. */
    FAILED,
    /** The run accepted a cancellation request and ended canceled. */
    CANCELED,
    /** The run was terminated by a client or by the service. */
    TERMINATED,
    /** The run closed by continuing as a new run of the same workflow id. */
    CONTINUED_AS_NEW,
    /** The run reached its workflow execution timeout. */
    TIMED_OUT
}
