package dev.hourglass.samples.moneytransfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Formats a history as a timeline a person can read: one line per event with its id, the time since the
 * workflow started, its type and its key attributes.
 */
public final class HistoryTimeline {

    /** Attributes that repeat what the reader already knows or only matter to the engine. */
    private static final Set<String> HIDDEN = Set.of("workflowType", "taskQueue", "startToCloseTimeoutMillis",
            "scheduleToCloseTimeoutMillis", "heartbeatTimeoutMillis", "retryPolicy");

    private HistoryTimeline() {
    }

    /** Returns one line per event, such as {@code "  5  +0.012s  TimerStarted  timerId=1 duration=PT3S"}. */
    public static List<String> lines(History history) {
        List<String> lines = new ArrayList<>();
        long start = history.getEvents().get(0).getEventTime().toEpochMilli();
        for (HistoryEvent event : history.getEvents()) {
            double seconds = (event.getEventTime().toEpochMilli() - start) / 1000.0;
            lines.add(String.format("%3d  +%.3fs  %-28s %s", event.getEventId(), seconds,
                    event.getEventType(), attributes(event)).stripTrailing());
        }
        return lines;
    }

    private static String attributes(HistoryEvent event) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : event.getAttributes().properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (HIDDEN.contains(name) || value.isNull()) {
                continue;
            }
            text.append(' ');
            if (name.equals("durationMillis")) {
                text.append("duration=").append(Duration.ofMillis(value.asLong()));
            } else if (name.equals("failure")) {
                text.append("failure=").append(rootCause(value));
            } else {
                text.append(name).append('=').append(value.isTextual() ? value.asText() : value.toString());
            }
        }
        return text.toString().strip();
    }

    /** The innermost failure of a failure object's cause chain, as {@code Type("message")}. */
    private static String rootCause(JsonNode failure) {
        JsonNode root = failure;
        while (root.path("cause").isObject()) {
            root = root.get("cause");
        }
        return root.path("type").asText() + "(\"" + root.path("message").asText() + "\")";
    }
}
