package dev.hourglass.workflow;

import dev.hourglass.common.Values;
import org.apiguardian.api.API;

/**
 * A signal handler, registered with {@link Workflow#registerListener(Object)}, that receives every signal the
 * workflow has no named handler for.
 *
 * <p>A signal with a {@link SignalMethod} of the workflow interface, or of a typed handler object registered with
 * {@code registerListener}, goes there; every other one comes here, on a workflow thread of its own, like a signal
 * method call. Signals that arrived before the handler was registered are delivered when it is, in the order they
 * arrived. A workflow has at most one dynamic signal handler: registering another replaces it for the signals that
 * arrive afterwards.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface DynamicSignalHandler {

    /**
     * Handles one signal; it is workflow code, like a signal method.
     *
     * @param signalName the name the signal was sent with; never {@code null}
     * @param args the signal's arguments, decoded when read; never {@code null}
     */
    void handle(String signalName, Values args);
}
