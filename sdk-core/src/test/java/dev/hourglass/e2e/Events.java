package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
        for (HistoryEvent event : ofType(history, EventType.ActivityTaskScheduled)) {
            names.add(event.getStringAttribute("activityType"));
        }
        return names;
    }
}
