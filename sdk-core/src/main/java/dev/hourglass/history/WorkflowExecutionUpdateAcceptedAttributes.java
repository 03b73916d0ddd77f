package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionUpdateAccepted}: an update passed its validator and its handler
 * started.
 *
 * <p>The event is recorded from the workflow task that delivered the update, at the point where the handler started;
 * a replay starts the handler again at the same point, with the recorded input.
 *
 * @param updateId the update's id: chosen by the client ({@code UpdateOptions.setUpdateId}) or generated; never
 *      {@code null}
 * @param updateName the update's name: the update method's name unless renamed; never {@code null}
 * @param input the update method's arguments, a JSON array; never {@code null}
 * @param identity the identity of the client that sent the update, or {@code null} when it has none
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionUpdateAcceptedAttributes(String updateId, String updateName, Payload input,
        String identity) implements EventAttributes {

    /** Checks that the id, the name and the input are not {@code null}. */
    public WorkflowExecutionUpdateAcceptedAttributes {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(updateName, "updateName");
        Objects.requireNonNull(input, "input");
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionUpdateAccepted;
    }
}
