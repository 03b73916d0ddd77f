package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ChildWorkflowExecutionStarted}: a child workflow started.
 *
 * @param childId the initiated child's id
 * @param workflowId the child's workflow id
 * @param runId the child's run id
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChildWorkflowExecutionStartedAttributes(String childId, String workflowId,
        String runId) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ChildWorkflowExecutionStarted;
    }
}
