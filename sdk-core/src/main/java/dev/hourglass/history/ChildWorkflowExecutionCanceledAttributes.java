package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ChildWorkflowExecutionCanceled}: a child workflow ended canceled.
 *
 * @param childId the initiated child's id
 * @param runId the run of the child that ended canceled
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChildWorkflowExecutionCanceledAttributes(String childId, String runId) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ChildWorkflowExecutionCanceled;
    }
}
