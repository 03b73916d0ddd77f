package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionTerminated}: a client terminated the execution; no workflow
 * code ran to close it.
 *
 * @param reason why it was terminated, or {@code null}
 * @param identity the identity of the client that terminated it, or {@code null} when it has none (the default;
 *      see {@code WorkflowClientOptions.Builder.setIdentity}) or the service terminated it
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionTerminatedAttributes(String reason, String identity) implements EventAttributes {

    /**
     * The attributes of a termination without a client identity.
     *
     * @param reason why it was terminated, or {@code null}
     */
    public WorkflowExecutionTerminatedAttributes(String reason) {
        this(reason, null);
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionTerminated;
    }
}
