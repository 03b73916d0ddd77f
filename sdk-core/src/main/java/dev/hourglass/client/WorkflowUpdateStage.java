package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * How far an update has to get before {@link WorkflowStub#startUpdate} returns its handle.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum WorkflowUpdateStage {

    /** The validator accepted the update and its handler started: the history records it. */
    ACCEPTED,

    /** The handler returned (or threw an {@code ApplicationFailure}): the result is there. */
    COMPLETED
}
