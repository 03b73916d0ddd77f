package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/** Small readers of histories for assertions. */
final class Events {

    private Events() {
    }

    /** The event types of a history, in order. */
    static List<EventType> types(History history) {
        List<EventType> types = new ArrayList<>();
        for (HistoryEvent event : history.getEvents()) {
            types.add(event.getEventType());
        }
        return types;
    }

    /** The events of one type, in order. */
    static List<HistoryEvent> ofType(History history, EventType type) {
        List<HistoryEvent> events = new ArrayList<>();
        for (HistoryEvent event : history.getEvents()) {
            if (event.getEventType() == type) {
                events.add(event);
            }
        }
        return events;
    }

    /** The only event of a type; fails if there is none or more than one. */
    static HistoryEvent single(History history, EventType type) {
        List<HistoryEvent> events = ofType(history, type);
        assertThat(events).as("%s events of %s: %s", type, history, types(history)).hasSize(1);
        return events.get(0);
    }

    /** The attributes of every event of one attribute type, in order. */
    static <A extends EventAttributes> List<A> ofType(History history, Class<A> type) {
        List<A> attributes = new ArrayList<>();
        for (HistoryEvent event : history.getEvents()) {
            if (type.isInstance(event.getAttributes())) {
                attributes.add(type.cast(event.getAttributes()));
            }
        }
        return attributes;
    }

    /** The attributes of the only event of one attribute type; fails if there is none or more than one. */
    static <A extends EventAttributes> A single(History history, Class<A> type) {
        List<A> attributes = ofType(history, type);
        assertThat(attributes).as("%s of %s: %s", type.getSimpleName(), history, types(history)).hasSize(1);
        return attributes.get(0);
    }

    /** The index (0-based) of the first event of a type, or -1. */
    static int firstIndexOf(History history, EventType type) {
        List<HistoryEvent> events = history.getEvents();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getEventType() == type) {
                return i;
            }
        }
        return -1;
    }

    /** The index (0-based) of the last event of a type, or -1. */
    static int lastIndexOf(History history, EventType type) {
        List<HistoryEvent> events = history.getEvents();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).getEventType() == type) {
                return i;
            }
        }
        return -1;
    }

    /** The activity types of the ActivityTaskScheduled events, in order. */
    static List<String> scheduledActivities(History history) {
        List<String> names = new ArrayList<>();
        for (ActivityTaskScheduledAttributes scheduled : ofType(history, ActivityTaskScheduledAttributes.class)) {
            names.add(scheduled.activityType());
        }
        return names;
    }
}
