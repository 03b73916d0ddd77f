package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ChildWorkflowExecutionCancelRequested}: the cancel request of a child
 * workflow reached it (the child recorded {@link EventType#WorkflowExecutionCancelRequested}).
 *
 * @param childId the initiated child's id
 * @param runId the run of the child that received the request
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChildWorkflowExecutionCancelRequestedAttributes(String childId, String runId)
        implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ChildWorkflowExecutionCancelRequested;
    }
}
