package dev.hourglass.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.internal.HistoryText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.apiguardian.api.API;

/**
 * Formats a {@link History} as a timeline that a person reads at a glance, one line per event.
 *
 * <pre>{@code
 * System.err.println(HistoryTimeline.format(client.fetchHistory("transfer-1")));
 * }</pre>
 *
 * <p>prints
 *
 * <pre>
 * Timeline of transfer-1 (workflow type Transfer, task queue transfers, run 8d3e2c0a-5f4b-4e21-9a7d-1c6f0b2e9d34, started 2025-01-01T00:00:00Z):
 *   #1  +0d 00:00:00.000  WorkflowExecutionStarted  input=["alice","bob",100]
 *   #2  +0d 00:00:00.000  ActivityTaskScheduled     activityId=1 activityType="withdraw" input=["alice",100] startToCloseTimeout=10s
 *   #3  +0d 00:00:00.000  ActivityTaskStarted       activityId=1 attempt=1
 *   #4  +0d 00:00:00.000  ActivityTaskCompleted     activityId=1 result="tx-1"
 *   #5  +0d 00:00:00.000  TimerStarted              timerId=1 duration=3d
 *   #6  +3d 00:00:00.000  TimerFired                timerId=1
 * </pre>
 *
 * <p>Each line holds the event id, the time since the first event (days, then hours to milliseconds), the
 * event type and the attributes: ids unquoted, durations (attributes named {@code …Millis}) in days, hours,
 * minutes, seconds and milliseconds, failures as their chain of types and messages without stack traces,
 * other values as compact JSON, abbreviated when long. Attributes that only repeat the header (the
 * workflow type and task queue) are left out. The header names the run and when its first event happened,
 * which relates the timelines of several runs or executions.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HistoryTimeline {

    private HistoryTimeline() {
    }

    /**
     * Returns the timeline of {@code history}: a header line, then one line per event.
     *
     * @param history the history to format; never {@code null}
     * @return the lines separated by {@code "\n"}, without a trailing newline; never {@code null}
     */
    public static String format(History history) {
        Objects.requireNonNull(history, "history");
        StringBuilder out = new StringBuilder();
        out.append("Timeline of ").append(history.getWorkflowId()).append(" (workflow type ")
                .append(history.getWorkflowType()).append(", task queue ").append(history.getTaskQueue())
                .append(", run ").append(history.getRunId());
        if (history.getEvents().isEmpty()) {
            return out.append("):\n  (no events)").toString();
        }
        out.append(", started ").append(history.getEvents().get(0).getEventTime()).append("):");
        long lastId = history.getLastEvent().getEventId();
        int idWidth = String.valueOf(lastId).length() + 1;
        int typeWidth = 0;
        for (HistoryEvent event : history.getEvents()) {
            typeWidth = Math.max(typeWidth, event.getEventType().name().length());
        }
        Instant first = history.getEvents().get(0).getEventTime();
        for (HistoryEvent event : history.getEvents()) {
            String attributes = attributes(history, event);
            String line = String.format("  %-" + idWidth + "s  %s  %-" + typeWidth + "s  %s", "#" + event.getEventId(),
                    HistoryText.offset(Duration.between(first, event.getEventTime())), event.getEventType().name(),
                    attributes);
            out.append('\n').append(line.stripTrailing());
        }
        return out.toString();
    }

    private static String attributes(History history, HistoryEvent event) {
        StringJoiner joiner = new StringJoiner(" ");
        for (Map.Entry<String, JsonNode> attribute : event.getAttributes().properties()) {
            String name = attribute.getKey();
            JsonNode value = attribute.getValue();
            if (repeatsHeader(history, event, name, value)) {
                continue;
            }
            joiner.add(attribute(name, value));
        }
        return joiner.toString();
    }

    private static boolean repeatsHeader(History history, HistoryEvent event, String name, JsonNode value) {
        if (name.equals("taskQueue")) {
            return value.isTextual() && value.textValue().equals(history.getTaskQueue());
        }
        return name.equals("workflowType") && (event.getEventType() == EventType.WorkflowExecutionStarted
                || event.getEventType() == EventType.WorkflowExecutionContinuedAsNew)
                && value.isTextual() && value.textValue().equals(history.getWorkflowType());
    }

    private static String attribute(String name, JsonNode value) {
        if (name.endsWith("Millis") && name.length() > "Millis".length() && value.isIntegralNumber()) {
            return name.substring(0, name.length() - "Millis".length()) + "=" + HistoryText.duration(value.longValue());
        }
        if (name.endsWith("Id") && value.isTextual()) {
            return name + "=" + value.textValue();
        }
        if (name.equals("failure") && value.isObject()) {
            return name + "=" + HistoryText.failure(value);
        }
        if (name.equals("retryPolicy") && value.isObject()) {
            StringJoiner fields = new StringJoiner(", ", "{", "}");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!(field.getValue().isArray() && field.getValue().isEmpty())) {
                    fields.add(attribute(field.getKey(), field.getValue()));
                }
            }
            return name + "=" + fields;
        }
        return name + "=" + HistoryText.json(value);
    }
}
