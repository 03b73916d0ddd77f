package dev.hourglass.history;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.timeline.TimelineHtml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>{@link #formatHtml(History)} and {@link #writeHtml(History, Path)} give the same timeline as a self-contained
 * HTML page: activities, timers and child workflows drawn as bars across the history's time, and rows that expand to
 * each event's inputs, results and failures with their stack traces. The test environment writes one for every
 * failing test.
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
                    event.getEventType().name(), EventText.timelineAttributes(history, event));
            out.append('\n').append(line.stripTrailing());
        }
        return out.toString();
    }

    /**
     * Returns the timeline of {@code history} as a self-contained HTML document: a chart of its activities, timers,
     * child workflows and local activities as bars on the history's time axis, and one row per event that expands to
     * the event's attributes in full (inputs, results, failures with their stack traces).
     *
     * <pre>{@code
     * Files.writeString(Path.of("transfer-1.html"), HistoryTimeline.formatHtml(client.fetchHistory("transfer-1")));
     * }</pre>
     *
     * <p>Bars are drawn from the event that began them (an activity's scheduling, a timer's start) to the one that
     * closed them, or to the last event while they are open, by the events' recorded times: a 30-day timer of the test
     * environment's virtual clock is 30 days wide however little real time it took. An activity's bar shows the
     * attempt of its last start when retries came before it. Each row shows the event's offset from the first event,
     * as {@link #format(History)} does, and its time in UTC.
     *
     * <p>The document needs nothing else: its style sheet is inline, it has no script, and it refers to no other file
     * or address, so it opens from a file, an e-mail or a build's artifacts alike. Every value from the history
     * (ids, names, payloads, failure messages, stack traces) is escaped, so user data cannot inject markup or script.
     * The same history always gives the same text. Encoded payloads are shown as {@link #format(History)} shows them;
     * {@link #formatHtml(History, List)} decodes them.
     *
     * @param history the history to show; never {@code null}
     * @return the HTML document; never {@code null}
     * @since 0.1
     */
    public static String formatHtml(History history) {
        Objects.requireNonNull(history, "history");
        return TimelineHtml.document(history, "Timeline of " + history.getWorkflowId());
    }

    /**
     * Returns the timeline of {@code history} as a self-contained HTML document, as {@link #formatHtml(History)} does,
     * with its encoded payloads decoded by {@code payloadCodecs}.
     *
     * @param history the history to show; never {@code null}
     * @param payloadCodecs the codecs the history's payloads were encoded with (in any order); never {@code null}
     * @return the HTML document; never {@code null}
     * @throws PayloadCodecException if one of the codecs fails to decode a payload (a wrong key, altered data)
     * @since 0.1
     */
    public static String formatHtml(History history, List<? extends PayloadCodec> payloadCodecs) {
        Objects.requireNonNull(history, "history");
        return formatHtml(history.withDecodedPayloads(payloadCodecs));
    }

    /**
     * Writes the timeline of {@code history} to {@code file} as a self-contained HTML document in UTF-8, the text of
     * {@link #formatHtml(History)}, creating the file's missing parent directories and replacing an existing file.
     *
     * <pre>{@code
     * HistoryTimeline.writeHtml(client.fetchHistory("transfer-1"), Path.of("target", "transfer-1.html"));
     * }</pre>
     *
     * @param history the history to show; never {@code null}
     * @param file the file to write; never {@code null}
     * @throws java.io.UncheckedIOException if the directories or the file cannot be written; the message names the
     *     file
     * @since 0.1
     */
    public static void writeHtml(History history, Path file) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(file, "file");
        write(formatHtml(history), file);
    }

    /**
     * Writes the timeline of {@code history} to {@code file} as {@link #writeHtml(History, Path)} does, with its
     * encoded payloads decoded by {@code payloadCodecs}.
     *
     * @param history the history to show; never {@code null}
     * @param payloadCodecs the codecs the history's payloads were encoded with (in any order); never {@code null}
     * @param file the file to write; never {@code null}
     * @throws PayloadCodecException if one of the codecs fails to decode a payload (a wrong key, altered data)
     * @throws java.io.UncheckedIOException if the directories or the file cannot be written; the message names the
     *     file
     * @since 0.1
     */
    public static void writeHtml(History history, List<? extends PayloadCodec> payloadCodecs, Path file) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(payloadCodecs, "payloadCodecs");
        Objects.requireNonNull(file, "file");
        write(formatHtml(history, payloadCodecs), file);
    }

    private static void write(String html, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML timeline to " + file + ": " + e, e);
        }
    }
}
