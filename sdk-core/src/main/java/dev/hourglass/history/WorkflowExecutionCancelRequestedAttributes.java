package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionCancelRequested}: a client asked for the execution to be
 * canceled; the workflow code decides how to react.
 *
 * @param reason why, or {@code null} when not given
 * @param identity the identity of the client that asked, or {@code null} when it has none (the default; see
 *      {@code WorkflowClientOptions.Builder.setIdentity}) or the request did not come from a client
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionCancelRequestedAttributes(String reason, String identity) implements EventAttributes {

    /**
     * The attributes of a cancel request without a client identity.
     *
     * @param reason why, or {@code null} when not given
     */
    public WorkflowExecutionCancelRequestedAttributes(String reason) {
        this(reason, null);
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionCancelRequested;
    }
}
