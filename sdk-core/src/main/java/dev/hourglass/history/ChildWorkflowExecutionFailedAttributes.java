package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ChildWorkflowExecutionFailed}: a child workflow failed, was canceled,
 * terminated or timed out, or could not be started.
 *
 * @param childId the initiated child's id
 * @param failure why, a failure object, or {@code null}
 * @param runId the child's run id when it was started, else {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChildWorkflowExecutionFailedAttributes(String childId, Payload failure,
        String runId) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.ChildWorkflowExecutionFailed;
    }
}
