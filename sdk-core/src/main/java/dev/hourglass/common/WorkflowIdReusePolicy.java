package dev.hourglass.common;

import org.apiguardian.api.API;

/**
 * Whether a new workflow execution may take the id of a closed one.
 *
 * <p>Whatever the policy, an id can never be reused while an execution with it is open: starting another
 * throws {@link WorkflowExecutionAlreadyStartedException}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum WorkflowIdReusePolicy {

    /** The id may be reused once every execution with it is closed, however it closed; the default. */
    ALLOW_DUPLICATE,

    /**
     * The id may be reused only if the last execution with it failed, meaning it failed, was canceled, was
     * terminated or timed out; not if it completed.
     */
    ALLOW_DUPLICATE_FAILED_ONLY,

    /** The id may never be reused, even after every execution with it closed. */
    REJECT_DUPLICATE
}
