package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionTimedOut}: the execution ran longer than its workflow
 * execution timeout; closes the run.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionTimedOutAttributes() implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionTimedOut;
    }
}
