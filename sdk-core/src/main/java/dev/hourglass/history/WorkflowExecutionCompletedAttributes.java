package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionCompleted}: the workflow completed with a result; closes the
 * run.
 *
 * @param result the workflow method's result (JSON {@code null} for none); never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionCompletedAttributes(Payload result) implements EventAttributes {

    /** Checks that {@code result} is not {@code null}. */
    public WorkflowExecutionCompletedAttributes {
        Objects.requireNonNull(result, "result");
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionCompleted;
    }
}
