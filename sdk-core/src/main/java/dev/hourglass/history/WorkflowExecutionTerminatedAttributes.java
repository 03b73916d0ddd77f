package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionTerminated}: a client terminated the execution; no workflow
 * code ran to close it.
 *
 * @param reason why it was terminated, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionTerminatedAttributes(String reason) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionTerminated;
    }
}
