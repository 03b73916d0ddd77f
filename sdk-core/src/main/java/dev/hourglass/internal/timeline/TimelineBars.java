package dev.hourglass.internal.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.history.ActivityTaskCanceledAttributes;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCanceledAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.history.JsonPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bars of a history's timeline: one per activity, timer, child workflow and local activity call, from the event
 * that began it to the event that closed it (or to the end of the history while it is open), in the order they
 * began.
 */
final class TimelineBars {

    /** What a bar stands for: its CSS class and the word that names it beside its lane. */
    enum Kind {
        ACTIVITY("hg-activity", "activity"),
        TIMER("hg-timer", "timer"),
        CHILD("hg-child", "child"),
        LOCAL_ACTIVITY("hg-local-activity", "local activity");

        final String cssClass;
        final String noun;

        Kind(String cssClass, String noun) {
            this.cssClass = cssClass;
            this.noun = noun;
        }
    }

    /** One bar; mutable while the events are read, then only read. */
    static final class Bar {
        final Kind kind;
        final String id;
        final Instant start;
        final long startEventId;
        /** Data attributes after the id, by name without {@code data-}, in the order they are written. */
        final Map<String, String> data = new LinkedHashMap<>();
        String name;
        int attempt;
        String outcome = "open";
        Instant end;
        long endEventId;

        Bar(Kind kind, String id, HistoryEvent event) {
            this.kind = kind;
            this.id = id;
            this.start = event.getEventTime();
            this.startEventId = event.getEventId();
        }

        boolean isOpen() {
            return end == null;
        }

        /** The text on the bar: the activity or workflow type, "attempt N" when N &gt; 1, a timer's duration. */
        String label() {
            return attempt > 1 ? name + ", attempt " + attempt : name;
        }

        private void close(HistoryEvent event, String outcome) {
            this.end = event.getEventTime();
            this.endEventId = event.getEventId();
            this.outcome = outcome;
        }
    }

    private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";

    private final List<Bar> bars = new ArrayList<>();
    private final Map<String, Bar> activities = new LinkedHashMap<>();
    private final Map<String, Bar> timers = new LinkedHashMap<>();
    private final Map<String, Bar> children = new LinkedHashMap<>();
    private final Map<String, Bar> localActivities = new LinkedHashMap<>();

    private TimelineBars() {
    }

    /** The bars of {@code history}, in the order of the events that began them. */
    static List<Bar> of(History history) {
        TimelineBars bars = new TimelineBars();
        for (HistoryEvent event : history.getEvents()) {
            bars.read(event);
        }
        return bars.bars;
    }

    private void read(HistoryEvent event) {
        EventAttributes attributes = event.getAttributes();
        if (attributes instanceof ActivityTaskScheduledAttributes) {
            ActivityTaskScheduledAttributes scheduled = (ActivityTaskScheduledAttributes) attributes;
            Bar bar = begin(activities, Kind.ACTIVITY, scheduled.activityId(), event);
            bar.name = scheduled.activityType();
        } else if (attributes instanceof ActivityTaskStartedAttributes) {
            ActivityTaskStartedAttributes started = (ActivityTaskStartedAttributes) attributes;
            Bar bar = activities.get(started.activityId());
            if (bar != null) {
                bar.attempt = started.attempt();
            }
        } else if (attributes instanceof ActivityTaskCompletedAttributes) {
            close(activities, ((ActivityTaskCompletedAttributes) attributes).activityId(), event, "completed");
        } else if (attributes instanceof ActivityTaskFailedAttributes) {
            close(activities, ((ActivityTaskFailedAttributes) attributes).activityId(), event, "failed");
        } else if (attributes instanceof ActivityTaskTimedOutAttributes) {
            close(activities, ((ActivityTaskTimedOutAttributes) attributes).activityId(), event, "timed-out");
        } else if (attributes instanceof ActivityTaskCanceledAttributes) {
            close(activities, ((ActivityTaskCanceledAttributes) attributes).activityId(), event, "canceled");
        } else if (attributes instanceof TimerStartedAttributes) {
            TimerStartedAttributes started = (TimerStartedAttributes) attributes;
            Bar bar = begin(timers, Kind.TIMER, started.timerId(), event);
            String duration = started.duration() == null ? "?" : EventText.duration(started.duration().toMillis());
            bar.name = started.summary() == null ? duration : duration + " " + started.summary();
        } else if (attributes instanceof TimerFiredAttributes) {
            close(timers, ((TimerFiredAttributes) attributes).timerId(), event, "fired");
        } else if (attributes instanceof TimerCanceledAttributes) {
            close(timers, ((TimerCanceledAttributes) attributes).timerId(), event, "canceled");
        } else if (attributes instanceof StartChildWorkflowExecutionInitiatedAttributes) {
            StartChildWorkflowExecutionInitiatedAttributes initiated =
                    (StartChildWorkflowExecutionInitiatedAttributes) attributes;
            Bar bar = begin(children, Kind.CHILD, initiated.childId(), event);
            bar.name = initiated.workflowType() + " " + initiated.workflowId();
            bar.data.put("workflow-id", initiated.workflowId());
            bar.data.put("workflow-type", initiated.workflowType());
        } else if (attributes instanceof ChildWorkflowExecutionStartedAttributes) {
            ChildWorkflowExecutionStartedAttributes started = (ChildWorkflowExecutionStartedAttributes) attributes;
            Bar bar = children.get(started.childId());
            if (bar != null && started.runId() != null) {
                bar.data.put("run-id", started.runId());
            }
        } else if (attributes instanceof ChildWorkflowExecutionCompletedAttributes) {
            close(children, ((ChildWorkflowExecutionCompletedAttributes) attributes).childId(), event, "completed");
        } else if (attributes instanceof ChildWorkflowExecutionFailedAttributes) {
            close(children, ((ChildWorkflowExecutionFailedAttributes) attributes).childId(), event, "failed");
        } else if (attributes instanceof ChildWorkflowExecutionCanceledAttributes) {
            close(children, ((ChildWorkflowExecutionCanceledAttributes) attributes).childId(), event, "canceled");
        } else if (attributes instanceof MarkerRecordedAttributes) {
            readMarker(event, (MarkerRecordedAttributes) attributes);
        }
    }

    /**
     * A local activity call records a marker in each workflow task that ran attempts of it: its bar spans them all,
     * from the first marker to the one that completed or failed it.
     */
    private void readMarker(HistoryEvent event, MarkerRecordedAttributes marker) {
        JsonNode details = marker.details() == null ? null : JsonPayload.node(marker.details());
        if (!LOCAL_ACTIVITY_MARKER.equals(marker.markerName()) || details == null || !details.isObject()) {
            return;
        }
        Bar bar = localActivities.get(marker.markerId());
        if (bar == null || !bar.isOpen()) {
            bar = begin(localActivities, Kind.LOCAL_ACTIVITY, marker.markerId(), event);
        }
        bar.name = details.path("activityType").asText("?");
        bar.attempt = details.path("attempt").asInt();
        if (details.has("result")) {
            bar.close(event, "completed");
        } else if (details.has("failure") && !details.hasNonNull("backoff") && !details.path("deferred").asBoolean()) {
            bar.close(event, "failed");
        }
    }

    private Bar begin(Map<String, Bar> open, Kind kind, String id, HistoryEvent event) {
        Bar bar = new Bar(kind, id, event);
        open.put(id, bar);
        bars.add(bar);
        return bar;
    }

    private static void close(Map<String, Bar> open, String id, HistoryEvent event, String outcome) {
        Bar bar = open.get(id);
        if (bar != null && bar.isOpen()) {
            bar.close(event, outcome);
        }
    }
}
