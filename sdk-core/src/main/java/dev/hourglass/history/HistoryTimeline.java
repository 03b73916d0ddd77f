package dev.hourglass.history;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.history.LocalActivityMarkerText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 *   #2  +0d 00:00:00.000  ActivityTaskScheduled     activityId=1 activityType=withdraw input=["alice",100] startToCloseTimeout=10s
 *   #3  +0d 00:00:00.000  ActivityTaskStarted       activityId=1 attempt=1
 *   #4  +0d 00:00:00.000  ActivityTaskCompleted     activityId=1 result="tx-1"
 *   #5  +0d 00:00:00.000  TimerStarted              timerId=1 duration=3d
 *   #6  +3d 00:00:00.000  TimerFired                timerId=1
 * </pre>
 *
 * <p>Each line holds the event id, the time since the first event (days, then hours to milliseconds, aligned on the
 * right however many digits the days take), the event type and the attributes, written as
 * {@code HistoryEvent.toString()} writes them: ids and names unquoted, durations in days, hours, minutes, seconds
 * and milliseconds, failures as their chain of types and messages without stack traces, payloads as compact JSON,
 * abbreviated when long. Attributes that only repeat the header (the workflow type and task queue) are left out.
 * The header names the run and when its first event happened, which relates the timelines of several runs or
 * executions.
 *
 * <p>It lives in sdk-core, beside {@link History}, so that production code (a demo, an operations tool, a log
 * line) prints histories without depending on the test environment. It used to live in the test environment
 * as {@code dev.hourglass.testing.HistoryTimeline}, which remains as a deprecated class that delegates here.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HistoryTimeline {

    private HistoryTimeline() {
    }

    /**
     * Returns the timeline of {@code history} with its encoded payloads decoded by {@code payloadCodecs}.
     *
     * <p>A payload that names a codec not among {@code payloadCodecs} is shown as
     * {@code encoded with gzip,aes-gcm(k1)} (the codecs it was encoded with), as {@link #format(History)}
     * shows every encoded payload.
     *
     * @param history the history to format; never {@code null}
     * @param payloadCodecs the codecs the history's payloads were encoded with (in any order); never {@code null}
     * @return the lines separated by {@code "\n"}, without a trailing newline; never {@code null}
     * @throws PayloadCodecException if one of the codecs fails to decode a payload (a wrong key, altered data)
     */
    public static String format(History history, List<? extends PayloadCodec> payloadCodecs) {
        Objects.requireNonNull(history, "history");
        return format(history.withDecodedPayloads(payloadCodecs));
    }

    /**
     * Returns the timeline of {@code history}: a header line, then one line per event.
     *
     * <p>Encoded payloads (see {@link PayloadCodec}) are shown as {@code encoded with gzip,aes-gcm(k1)}, the
     * codecs they were encoded with; {@link #format(History, List)} decodes them.
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
        Instant first = history.getEvents().get(0).getEventTime();
        List<String> offsets = new ArrayList<>();
        int offsetWidth = 0;
        int typeWidth = 0;
        for (HistoryEvent event : history.getEvents()) {
            String offset = EventText.offset(Duration.between(first, event.getEventTime()));
            offsets.add(offset);
            offsetWidth = Math.max(offsetWidth, offset.length());
            typeWidth = Math.max(typeWidth, event.getEventType().name().length());
        }
        String lineFormat = "  %-" + idWidth + "s  %" + offsetWidth + "s  %-" + typeWidth + "s  %s";
        for (int i = 0; i < history.getEvents().size(); i++) {
            HistoryEvent event = history.getEvents().get(i);
            String line = String.format(lineFormat, "#" + event.getEventId(), offsets.get(i),
                    event.getEventType().name(), attributes(history, event));
            out.append('\n').append(line.stripTrailing());
        }
        return out.toString();
    }

    /** The attributes of an event, leaving out those that repeat the header (the workflow type, the task queue). */
    private static String attributes(History history, HistoryEvent event) {
        String localActivity = LocalActivityMarkerText.of(event);
        if (localActivity != null) {
            return localActivity;
        }
        boolean startsThisType = event.getEventType() == EventType.WorkflowExecutionStarted
                || event.getEventType() == EventType.WorkflowExecutionContinuedAsNew;
        return EventText.attributes(event, (name, value) -> (name.equals("taskQueue")
                && history.getTaskQueue().equals(value))
                || (startsThisType && name.equals("workflowType") && history.getWorkflowType().equals(value)));
    }
}
