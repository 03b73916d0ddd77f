package dev.hourglass.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Renders histories, events, durations and failures as short text for timelines and assertion messages. */
public final class HistoryText {

    private static final int MAX_CAUSE_DEPTH = 20;

    private HistoryText() {
    }

    /**
     * Returns a duration compactly, largest unit first: {@code 3d}, {@code 1h 30m}, {@code 1s 500ms},
     * {@code 0ms}.
     */
    public static String duration(long millis) {
        if (millis == 0) {
            return "0ms";
        }
        StringJoiner parts = new StringJoiner(" ", millis < 0 ? "-" : "", "");
        Duration rest = Duration.ofMillis(Math.abs(millis));
        long days = rest.toDays();
        if (days > 0) {
            parts.add(days + "d");
        }
        if (rest.toHoursPart() > 0) {
            parts.add(rest.toHoursPart() + "h");
        }
        if (rest.toMinutesPart() > 0) {
            parts.add(rest.toMinutesPart() + "m");
        }
        if (rest.toSecondsPart() > 0) {
            parts.add(rest.toSecondsPart() + "s");
        }
        if (rest.toMillisPart() > 0) {
            parts.add(rest.toMillisPart() + "ms");
        }
        return parts.toString();
    }

    /** Returns an offset as {@code +3d 04:05:06.789}: days, then hours to milliseconds. */
    public static String offset(Duration offset) {
        Duration abs = offset.abs();
        return String.format("%s%dd %02d:%02d:%02d.%03d", offset.isNegative() ? "-" : "+", abs.toDays(),
                abs.toHoursPart(), abs.toMinutesPart(), abs.toSecondsPart(), abs.toMillisPart());
    }

    /**
     * Returns one event as its id, type and its most telling attribute, such as
     * {@code 2 ActivityTaskScheduled withdraw} or {@code 5 TimerStarted 3d}.
     */
    public static String summary(HistoryEvent event) {
        String detail = detail(event);
        return event.getEventId() + " " + event.getEventType().name() + (detail.isEmpty() ? "" : " " + detail);
    }

    /** Returns every event of {@code history} as its {@link #summary}, comma separated, within angle brackets. */
    public static String summaries(History history) {
        StringJoiner joiner = new StringJoiner(", ", "<", ">");
        for (HistoryEvent event : history.getEvents()) {
            joiner.add(summary(event));
        }
        return joiner.toString();
    }

    private static String detail(HistoryEvent event) {
        switch (event.getEventType()) {
            case ActivityTaskScheduled:
                return text(event.getAttribute("activityType"));
            case TimerStarted:
                JsonNode millis = event.getAttribute("durationMillis");
                return millis != null && millis.isNumber() ? duration(millis.longValue()) : "";
            case WorkflowExecutionSignaled:
                return text(event.getAttribute("signalName"));
            case MarkerRecorded:
                return text(event.getAttribute("markerName")) + " " + text(event.getAttribute("markerId"));
            case StartChildWorkflowExecutionInitiated:
                return text(event.getAttribute("workflowType"));
            case WorkflowExecutionFailed:
            case ActivityTaskFailed:
            case ChildWorkflowExecutionFailed:
                return String.join(" <- ", failureTypes(event.getAttribute("failure")));
            default:
                return "";
        }
    }

    /** Returns the {@code type} of a failure object and of each of its causes, outermost first. */
    public static List<String> failureTypes(JsonNode failure) {
        List<String> types = new ArrayList<>();
        for (JsonNode link : chain(failure)) {
            types.add(link.path("type").asText("?"));
        }
        return types;
    }

    /** A failure object and its causes, outermost first (at most {@link #MAX_CAUSE_DEPTH}). */
    private static List<JsonNode> chain(JsonNode failure) {
        List<JsonNode> chain = new ArrayList<>();
        JsonNode current = failure;
        while (current != null && current.isObject() && chain.size() < MAX_CAUSE_DEPTH) {
            chain.add(current);
            current = current.get("cause");
        }
        return chain;
    }

    /**
     * Returns a failure object and its causes on one line, such as
     * {@code ActivityFailure[withdraw, attempt 3] caused by InsufficientFunds "balance is 10"}.
     */
    public static String failure(JsonNode failure) {
        StringJoiner links = new StringJoiner(" caused by ");
        for (JsonNode link : chain(failure)) {
            links.add(failureLink(link));
        }
        return links.toString();
    }

    private static String failureLink(JsonNode failure) {
        String type = failure.path("type").asText("?");
        if ("activity".equals(failure.path("kind").asText())) {
            return type + "[" + failure.path("activityType").asText("?") + ", attempt "
                    + failure.path("attempt").asText("?") + "]";
        }
        if ("childWorkflow".equals(failure.path("kind").asText())) {
            return type + "[" + failure.path("workflowType").asText("?") + ", workflowId "
                    + failure.path("workflowId").asText("?") + "]";
        }
        String message = failure.path("message").asText("");
        return message.isEmpty() ? type : type + " " + abbreviate(quote(message));
    }

    /** Returns a JSON value compactly: strings quoted, other values as compact JSON, abbreviated if long. */
    public static String json(JsonNode value) {
        return abbreviate(value.toString());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }

    static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
