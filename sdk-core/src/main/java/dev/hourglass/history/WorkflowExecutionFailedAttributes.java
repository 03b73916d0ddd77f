package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionFailed}: the workflow failed; closes the run.
 *
 * @param failure why the workflow failed, a failure object, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionFailedAttributes(Payload failure) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionFailed;
    }
}
