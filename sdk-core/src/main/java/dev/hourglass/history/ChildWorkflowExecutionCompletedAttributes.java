package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ChildWorkflowExecutionCompleted}: a child workflow completed with a result.
 *
 * @param childId the initiated child's id
 * @param result the child workflow's result (JSON {@code null} for none); never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChildWorkflowExecutionCompletedAttributes(String childId, Payload result) implements EventAttributes {

    /** Checks that {@code result} is not {@code null}. */
    public ChildWorkflowExecutionCompletedAttributes {
        Objects.requireNonNull(result, "result");
    }

    @Override
    public EventType eventType() {
        return EventType.ChildWorkflowExecutionCompleted;
    }
}
