package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionCancelRequested}: a client asked for the execution to be
 * canceled; the workflow code decides how to react.
 *
 * @param reason why, or {@code null} when not given
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionCancelRequestedAttributes(String reason) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionCancelRequested;
    }
}
