package dev.hourglass.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.internal.history.JsonPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowPropertiesModified}: the workflow set or removed memo values
 * ({@code Workflow.upsertMemo}).
 *
 * <p>Replay requires the code to upsert the same memo keys at this point; a changed value is a warning, and the
 * recorded values hold.
 *
 * @param memo a JSON object of key to payload (encoded when the worker has payload codecs), in key order; a JSON
 *     {@code null} value removes the key; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowPropertiesModifiedAttributes(Payload memo) implements EventAttributes {

    /** Checks that {@code memo} is a JSON object. */
    public WorkflowPropertiesModifiedAttributes {
        Objects.requireNonNull(memo, "memo");
        JsonNode node = JsonPayload.node(memo);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the memo of WorkflowPropertiesModified must be a JSON object of key"
                    + " to value, not " + node);
        }
    }

    /**
     * Returns the memo keys the event sets or removes, in the order recorded: what identifies the command in replay.
     *
     * @return the keys; never {@code null}
     */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        JsonPayload.node(memo).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowPropertiesModified;
    }
}
