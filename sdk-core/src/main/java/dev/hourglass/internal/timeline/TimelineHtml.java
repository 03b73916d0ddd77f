package dev.hourglass.internal.timeline;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.history.EventText;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The timeline of a history as HTML: a provisional, plain rendering (a table of events and one bar per activity and
 * timer) with the hooks that the web UI relies on, until the full renderer replaces it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TimelineHtml {

    private TimelineHtml() {
    }

    /** The timeline of {@code history} as one {@code <section class="hg-timeline">}, every value escaped. */
    public static String fragment(History history) {
        StringBuilder html = new StringBuilder("<section class=\"hg-timeline\">\n");
        Map<String, String[]> activities = new LinkedHashMap<>();
        Map<String, String> timers = new LinkedHashMap<>();
        for (HistoryEvent event : history.getEvents()) {
            String activityId = read(event, "activityId");
            if (event.getAttributes() instanceof ActivityTaskScheduledAttributes scheduled) {
                activities.put(scheduled.activityId(), new String[] {scheduled.activityType(), "1", "open"});
            } else if (event.getAttributes() instanceof ActivityTaskStartedAttributes started
                    && activities.containsKey(started.activityId())) {
                activities.get(started.activityId())[1] = String.valueOf(started.attempt());
            } else if (activityId != null && activities.containsKey(activityId)) {
                activities.get(activityId)[2] = outcome(event.getEventType());
            } else if (event.getAttributes() instanceof TimerStartedAttributes timer) {
                timers.put(timer.timerId(), "open");
            }
        }
        html.append("<div class=\"hg-bars\">\n");
        activities.forEach((id, activity) -> html.append("<div class=\"hg-activity\" data-activity-id=\"")
                .append(escape(id)).append("\" data-activity-type=\"").append(escape(activity[0]))
                .append("\" data-attempt=\"").append(activity[1]).append("\" data-outcome=\"").append(activity[2])
                .append("\">").append(escape(activity[0])).append(" attempt ").append(activity[1]).append(' ')
                .append(activity[2]).append("</div>\n"));
        timers.keySet().forEach(id -> html.append("<div class=\"hg-timer\" data-timer-id=\"").append(escape(id))
                .append("\">timer ").append(escape(id)).append("</div>\n"));
        html.append("</div>\n<table class=\"hg-events\">\n");
        for (HistoryEvent event : history.getEvents()) {
            html.append("<tr class=\"hg-event\" data-event-id=\"").append(event.getEventId())
                    .append("\" data-event-type=\"").append(event.getEventType().name()).append("\"><td>")
                    .append(event.getEventId()).append("</td><td>").append(event.getEventTime()).append("</td><td>")
                    .append("<details><summary>").append(event.getEventType().name()).append("</summary><pre>")
                    .append(escape(EventText.line(event))).append("</pre></details></td></tr>\n");
        }
        return html.append("</table>\n</section>\n").toString();
    }

    /** The CSS that {@link #fragment(History)} needs. */
    public static String styles() {
        return ".hg-timeline table{border-collapse:collapse}.hg-event td{border-top:1px solid #ddd;padding:2px 6px}"
                + ".hg-activity,.hg-timer{margin:2px 0;padding:2px 6px;background:#dde8f6}\n";
    }

    /** A self-contained page: {@code title} and the timeline of {@code history}. */
    public static String document(History history, String title) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
                + styles() + "</style></head><body><h1>" + escape(title) + "</h1>\n" + fragment(history)
                + "</body></html>\n";
    }

    private static String outcome(EventType type) {
        return switch (type) {
            case ActivityTaskCompleted -> "completed";
            case ActivityTaskFailed -> "failed";
            case ActivityTaskTimedOut -> "timed-out";
            case ActivityTaskCanceled -> "canceled";
            default -> "open";
        };
    }

    private static String read(HistoryEvent event, String name) {
        for (RecordComponent component : event.getAttributes().getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Object value = component.getAccessor().invoke(event.getAttributes());
                    return value == null ? null : value.toString();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + event, e);
                }
            }
        }
        return null;
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
