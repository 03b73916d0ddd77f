package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionCanceled}: the workflow finished as canceled; closes the run.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionCanceledAttributes() implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionCanceled;
    }
}
