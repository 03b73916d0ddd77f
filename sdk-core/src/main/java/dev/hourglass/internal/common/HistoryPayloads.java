package dev.hourglass.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.history.JsonPayload;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Decodes every encoded payload of a history, for the tools that show or export it. */
public final class HistoryPayloads {

    private HistoryPayloads() {
    }

    /**
     * Returns {@code history} with every encoded payload in its events decoded by {@code codecs}; the history
     * itself if it holds none.
     *
     * @param skipUndecodable whether a payload that {@code codecs} cannot decode stays encoded instead of
     *     throwing
     * @throws dev.hourglass.common.PayloadCodecException if a payload cannot be decoded and
     *     {@code skipUndecodable} is {@code false}
     */
    public static History decode(History history, PayloadCodecChain codecs, boolean skipUndecodable) {
        List<HistoryEvent> events = new ArrayList<>();
        boolean changed = false;
        for (HistoryEvent event : history.getEvents()) {
            EventAttributes attributes = decode(event.getAttributes(), codecs, skipUndecodable);
            changed |= attributes != event.getAttributes();
            events.add(attributes == event.getAttributes() ? event
                    : new HistoryEvent(event.getEventId(), event.getEventTime(), attributes,
                            event.getUnknownAttributes()));
        }
        return changed ? new History(history.getWorkflowId(), history.getRunId(), history.getWorkflowType(),
                history.getTaskQueue(), events) : history;
    }

    /** The attributes with their payloads decoded; the same object if none changes. */
    private static EventAttributes decode(EventAttributes attributes, PayloadCodecChain codecs,
            boolean skipUndecodable) {
        RecordComponent[] components = attributes.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = invoke(components[i], attributes);
            if (values[i] instanceof Payload payload) {
                JsonNode node = JsonPayload.node(payload);
                JsonNode decoded = codecs.decodeAll(node, skipUndecodable);
                if (decoded != node) {
                    values[i] = JsonPayload.of(decoded);
                    changed = true;
                }
            }
        }
        if (!changed) {
            return attributes;
        }
        try {
            Constructor<?> canonical = attributes.getClass().getDeclaredConstructor(types);
            return (EventAttributes) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + attributes.getClass().getSimpleName(), e);
        }
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }
}
