package dev.hourglass.internal.timeline;

import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.timeline.TimelineBars.Bar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A history as an HTML timeline: a chart of bars (each activity from scheduled to closed, each timer from started to
 * fired or canceled, each child workflow and local activity call) on the history's time axis, then one expandable row
 * per event with its attributes in full.
 *
 * <p>The time axis runs from the first event to the last by the events' recorded times, so a 30-day timer of the
 * test environment's virtual clock takes the width of 30 days however little real time it took; offsets are shown as
 * {@code HistoryTimeline.format} shows them ({@code +3d 00:00:00.000}), times in UTC.
 *
 * <p>Hooks for pages and tests that read the output, kept stable: every event row has the class {@code hg-event} and
 * the attributes {@code data-event-id} and {@code data-event-type}; bars have the classes {@code hg-activity},
 * {@code hg-timer}, {@code hg-child} or {@code hg-local-activity}, with {@code data-activity-id},
 * {@code data-activity-type}, {@code data-attempt} (the attempt of the activity's last started event, 0 before one)
 * and {@code data-outcome} ({@code completed}, {@code failed}, {@code timed-out}, {@code canceled} or {@code open})
 * on activities, {@code data-timer-id} and {@code data-outcome} ({@code fired}, {@code canceled} or {@code open}) on
 * timers, {@code data-child-id}, {@code data-workflow-id}, {@code data-workflow-type} and {@code data-outcome} on
 * children.
 *
 * <p>Every string that comes from a history is escaped for element text and quoted attributes alike, and none is ever
 * written into a script, a style or an event handler: the output has no script at all, and the only inline styles
 * are the computed positions of bars. The same history always gives the same text. The markup is also well-formed
 * XML (void elements closed, no entities but the five XML ones), so that tools may read it with an XML parser.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TimelineHtml {

    private static final int TICKS = 4;

    private TimelineHtml() {
    }

    /**
     * The timeline of history as an HTML fragment: one {@code <section class="hg-timeline">...</section>}, every
     * value escaped.
     *
     * @param history the history; never {@code null}
     * @return the fragment; never {@code null}
     */
    public static String fragment(History history) {
        Objects.requireNonNull(history, "history");
        StringBuilder out = new StringBuilder();
        List<HistoryEvent> events = history.getEvents();
        out.append("<section class=\"hg-timeline\" data-workflow-id=\"").append(Html.escape(history.getWorkflowId()))
                .append("\" data-run-id=\"").append(Html.escape(history.getRunId())).append("\">\n");
        header(out, history);
        if (events.isEmpty()) {
            out.append("<p class=\"hg-empty\">(no events)</p>\n</section>\n");
            return out.toString();
        }
        Axis axis = new Axis(events);
        chart(out, history, axis);
        out.append("<ol class=\"hg-events\">\n");
        EventDetails details = new EventDetails();
        for (HistoryEvent event : events) {
            row(out, history, axis, details, event);
        }
        out.append("</ol>\n</section>\n");
        return out.toString();
    }

    /**
     * The CSS that fragment needs, for a {@code <style>} element of the page that embeds it.
     *
     * @return the style sheet; never {@code null}
     */
    public static String styles() {
        return TimelineStyles.CSS;
    }

    /**
     * A whole self-contained HTML5 document (inline CSS, no script, no network): title + fragment.
     *
     * @param history the history; never {@code null}
     * @param title the title of the page; never {@code null}
     * @return the document; never {@code null}
     */
    public static String document(History history, String title) {
        Objects.requireNonNull(history, "history");
        return document(title, List.of(), List.of(history));
    }

    /**
     * A whole self-contained HTML5 document of several histories: the title, paragraphs of plain text (escaped), and
     * the timeline of each history in turn.
     *
     * @param title the title of the page; never {@code null}
     * @param preamble paragraphs to show before the timelines, as plain text; never {@code null}
     * @param histories the histories; never {@code null}
     * @return the document; never {@code null}
     */
    public static String document(String title, List<String> preamble, List<History> histories) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(preamble, "preamble");
        Objects.requireNonNull(histories, "histories");
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(styles()).append("</style>\n</head>\n<body class=\"hg-page\">\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n");
        for (String paragraph : preamble) {
            out.append("<p class=\"hg-preamble\">").append(Html.escape(paragraph)).append("</p>\n");
        }
        for (History history : histories) {
            out.append(fragment(history));
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** The time axis: from the first event's time to the latest event time of the history. */
    private static final class Axis {
        final Instant start;
        final Instant end;
        final double seconds;

        Axis(List<HistoryEvent> events) {
            Instant first = events.get(0).getEventTime();
            Instant last = first;
            for (HistoryEvent event : events) {
                if (event.getEventTime().isAfter(last)) {
                    last = event.getEventTime();
                }
            }
            this.start = first;
            this.end = last;
            this.seconds = seconds(Duration.between(first, last));
        }

        /** Where {@code time} lies on the axis, in percent of its length, within 0 to 100. */
        double percent(Instant time) {
            if (seconds == 0) {
                return 0;
            }
            return Math.max(0, Math.min(100, seconds(Duration.between(start, time)) * 100 / seconds));
        }

        String offset(Instant time) {
            return EventText.offset(Duration.between(start, time));
        }

        private static double seconds(Duration duration) {
            return duration.getSeconds() + duration.getNano() / 1e9;
        }
    }

    private static void header(StringBuilder out, History history) {
        out.append("<header class=\"hg-header\">\n<h2 class=\"hg-workflow-id\">").append(Html.escape(
                history.getWorkflowId())).append("</h2>\n<dl class=\"hg-run\">");
        term(out, "workflow type", history.getWorkflowType());
        term(out, "task queue", history.getTaskQueue());
        term(out, "run", history.getRunId());
        List<HistoryEvent> events = history.getEvents();
        if (!events.isEmpty()) {
            Instant first = events.get(0).getEventTime();
            HistoryEvent last = history.getLastEvent();
            term(out, "started", first.toString());
            term(out, history.isClosed() ? "closed" : "last event", last.getEventTime() + " ("
                    + EventText.offset(Duration.between(first, last.getEventTime())) + ")");
            term(out, "status", history.isClosed() ? last.getEventType().name() : "open");
            term(out, "events", String.valueOf(events.size()));
        }
        out.append("</dl>\n</header>\n");
    }

    private static void term(StringBuilder out, String name, String value) {
        out.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value)).append("</dd>");
    }

    private static void chart(StringBuilder out, History history, Axis axis) {
        out.append("<div class=\"hg-chart\">\n<div class=\"hg-lane hg-axis\"><div class=\"hg-lane-label\">")
                .append(Html.escape(axis.start.toString())).append("</div><div class=\"hg-track\">");
        int ticks = axis.seconds == 0 ? 0 : TICKS;
        Duration span = Duration.between(axis.start, axis.end);
        for (int i = 0; i <= ticks; i++) {
            Duration offset = ticks == 0 ? Duration.ZERO : span.multipliedBy(i).dividedBy(ticks);
            out.append("<span class=\"hg-tick").append(i == ticks && i > 0 ? " hg-tick-end" : "")
                    .append("\" style=\"left:").append(percent(ticks == 0 ? 0 : 100.0 * i / ticks)).append("\">")
                    .append(Html.escape(EventText.offset(offset))).append("</span>");
        }
        out.append("</div></div>\n");
        for (Bar bar : TimelineBars.of(history)) {
            lane(out, axis, bar);
        }
        out.append("</div>\n");
    }

    private static void lane(StringBuilder out, Axis axis, Bar bar) {
        Instant end = bar.isOpen() ? axis.end : bar.end;
        double left = axis.percent(bar.start);
        double width = Math.max(0, axis.percent(end) - left);
        String kindName = bar.kind.cssClass.substring("hg-".length());
        out.append("<div class=\"hg-lane\"><div class=\"hg-lane-label\">").append(Html.escape(bar.kind.noun))
                .append(' ').append(Html.escape(bar.id)).append("</div><div class=\"hg-track\">")
                .append("<div class=\"hg-bar ").append(bar.kind.cssClass).append(" hg-").append(bar.outcome)
                .append(left > 60 ? " hg-late" : "").append('"');
        String idName = bar.kind == TimelineBars.Kind.CHILD ? "child" : kindName.replace("local-", "");
        attribute(out, "data-" + idName + "-id", bar.id);
        if (bar.kind == TimelineBars.Kind.ACTIVITY || bar.kind == TimelineBars.Kind.LOCAL_ACTIVITY) {
            attribute(out, "data-activity-type", bar.name);
            attribute(out, "data-attempt", String.valueOf(bar.attempt));
        }
        for (Map.Entry<String, String> data : bar.data.entrySet()) {
            attribute(out, "data-" + data.getKey(), data.getValue());
        }
        attribute(out, "data-outcome", bar.outcome);
        attribute(out, "data-start-event-id", String.valueOf(bar.startEventId));
        if (!bar.isOpen()) {
            attribute(out, "data-end-event-id", String.valueOf(bar.endEventId));
        }
        attribute(out, "title", bar.kind.noun + " " + bar.id + ": " + bar.label() + ", " + axis.offset(bar.start)
                + " to " + (bar.isOpen() ? "the end of the history (open)" : axis.offset(end) + " (" + bar.outcome
                + ")"));
        out.append(" style=\"left:").append(percent(left)).append(";width:").append(percent(width)).append("\">")
                .append("<span class=\"hg-bar-label\">").append(Html.escape(bar.label())).append("</span>")
                .append("</div></div></div>\n");
    }

    private static void row(StringBuilder out, History history, Axis axis, EventDetails details, HistoryEvent event) {
        String type = event.getEventType().name();
        out.append("<li class=\"hg-event\" data-event-id=\"").append(event.getEventId())
                .append("\" data-event-type=\"").append(Html.escape(type)).append("\"><details><summary>")
                .append("<span class=\"hg-event-id\">#").append(event.getEventId()).append("</span> ")
                .append("<span class=\"hg-offset\">").append(Html.escape(axis.offset(event.getEventTime())))
                .append("</span> <time datetime=\"").append(Html.escape(event.getEventTime().toString())).append("\">")
                .append(Html.escape(event.getEventTime().toString())).append("</time> ")
                .append("<span class=\"hg-event-type\">").append(Html.escape(type)).append("</span> ")
                .append("<span class=\"hg-event-summary\">")
                .append(Html.escape(EventText.timelineAttributes(history, event))).append("</span></summary>");
        details.append(out, event);
        out.append("</details></li>\n");
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.4f%%", value);
    }
}
