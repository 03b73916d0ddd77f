package dev.hourglass.workflow;

import dev.hourglass.common.Values;
import org.apiguardian.api.API;

/**
 * An update handler, registered with {@link Workflow#registerListener(Object)}, that receives every update the
 * workflow has no named handler for.
 *
 * <p>An update with an {@link UpdateMethod} of the workflow interface, or of a typed handler object registered with
 * {@code registerListener}, goes there; every other one comes here. {@link #validate} runs first, read-only like a
 * query; then {@link #handle} runs on a workflow thread of its own, like an update method. A workflow has at most one
 * dynamic update handler: registering another replaces it for the updates that arrive afterwards.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface DynamicUpdateHandler {

    /**
     * Validates an update before it is accepted; throws to reject it. The default accepts every update.
     *
     * @param updateName the name the update was sent with; never {@code null}
     * @param args the update's arguments, decoded when read; never {@code null}
     */
    default void validate(String updateName, Values args) {
    }

    /**
     * Handles one accepted update; it is workflow code, like an update method.
     *
     * @param updateName the name the update was sent with; never {@code null}
     * @param args the update's arguments, decoded when read; never {@code null}
     * @return the result, encoded by the data converter; may be {@code null}
     */
    Object handle(String updateName, Values args);
}
