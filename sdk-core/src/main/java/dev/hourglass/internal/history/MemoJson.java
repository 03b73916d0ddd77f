package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowPropertiesModifiedAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The memo of a run as JSON: a object of key to payload, the start's with every {@code WorkflowPropertiesModified}
 * applied in order. Keys are kept in their natural order, so that the same memo is the same JSON whatever order the
 * values were set in.
 */
public final class MemoJson {

    private MemoJson() {
    }

    /**
     * Returns {@code current} with {@code updates} applied: a key whose update is JSON {@code null} is removed, any
     * other value set.
     *
     * @param current the memo so far, or {@code null} for none
     * @param updates a JSON object of key to payload or {@code null}; never {@code null}
     * @return the memo, or {@code null} when it has no key left
     */
    public static Payload apply(Payload current, Payload updates) {
        Map<String, JsonNode> entries = new TreeMap<>();
        JsonNode before = JsonPayload.node(current);
        if (before != null && before.isObject()) {
            before.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        JsonPayload.node(updates).properties().forEach(entry -> {
            if (entry.getValue().isNull()) {
                entries.remove(entry.getKey());
            } else {
                entries.put(entry.getKey(), entry.getValue());
            }
        });
        if (entries.isEmpty()) {
            return null;
        }
        ObjectNode memo = CanonicalNodeFactory.INSTANCE.objectNode();
        entries.forEach(memo::set);
        return JsonPayload.of(memo);
    }

    /** The current memo of a run from its events (at least its first), or {@code null} for none. */
    public static Payload current(List<HistoryEvent> events) {
        Payload memo = events.get(0).getAttributes(WorkflowExecutionStartedAttributes.class).memo();
        for (HistoryEvent event : events) {
            if (event.getAttributes() instanceof WorkflowPropertiesModifiedAttributes modified) {
                memo = apply(memo, modified.memo());
            }
        }
        return memo;
    }
}
