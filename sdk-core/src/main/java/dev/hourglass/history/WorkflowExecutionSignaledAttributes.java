package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionSignaled}: a signal was delivered to the run.
 *
 * @param signalName the signal's name: the signal method's name unless renamed
 * @param input the signal method's arguments, a JSON array; never {@code null}
 * @param identity the identity of the client that sent the signal, or {@code null} when it has none (the default;
 *      see {@code WorkflowClientOptions.Builder.setIdentity})
 * @param withStart whether the signal was sent together with the start of the run (signal-with-start): its handler
 *      runs before the workflow method, as the run's first code; written to JSON only when {@code true}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionSignaledAttributes(String signalName, Payload input, String identity,
        boolean withStart) implements EventAttributes {

    /** Checks that {@code input} is not {@code null}. */
    public WorkflowExecutionSignaledAttributes {
        Objects.requireNonNull(input, "input");
    }

    /**
     * The attributes of a signal sent without a client identity.
     *
     * @param signalName the signal's name
     * @param input the signal method's arguments, a JSON array; never {@code null}
     */
    public WorkflowExecutionSignaledAttributes(String signalName, Payload input) {
        this(signalName, input, null);
    }

    /**
     * The attributes of a signal sent on its own, not with the start of the run.
     *
     * @param signalName the signal's name
     * @param input the signal method's arguments, a JSON array; never {@code null}
     * @param identity the identity of the client that sent the signal, or {@code null}
     */
    public WorkflowExecutionSignaledAttributes(String signalName, Payload input, String identity) {
        this(signalName, input, identity, false);
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionSignaled;
    }
}
