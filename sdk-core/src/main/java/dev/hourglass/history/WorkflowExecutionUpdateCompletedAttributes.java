package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionUpdateCompleted}: an update's handler returned, or threw an
 * {@code ApplicationFailure}; exactly one of {@code result} and {@code failure} is meaningful.
 *
 * @param updateId the id of the accepted update; never {@code null}
 * @param result the handler's result as a JSON value (JSON {@code null} for a {@code void} handler or a failure)
 * @param failure the failure the handler threw, as a failure object, or {@code null} when it returned
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionUpdateCompletedAttributes(String updateId, Payload result, Payload failure)
        implements EventAttributes {

    /** Checks that {@code updateId} is not {@code null}. */
    public WorkflowExecutionUpdateCompletedAttributes {
        Objects.requireNonNull(updateId, "updateId");
    }

    /** Returns whether the handler threw, so that the update completed with a failure. */
    public boolean isFailure() {
        return failure != null;
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionUpdateCompleted;
    }
}
