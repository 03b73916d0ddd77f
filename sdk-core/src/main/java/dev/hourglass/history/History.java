package dev.hourglass.history;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.internal.common.HistoryPayloads;
import dev.hourglass.internal.common.PayloadCodecChain;
import dev.hourglass.internal.history.HistoryJsonCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The history of one workflow execution run: its identity and its events, in order.
 *
 * <p>A history is immutable. It converts to and from history format version 1, the JSON form described in
 * {@code docs/history-format.md}:
 *
 * <pre>{@code
 * History history = client.fetchHistory("transfer-42");
 * history.write(Path.of("transfer-42.json"));
 * History again = History.read(Path.of("transfer-42.json"));
 * assert again.equals(history);
 * }</pre>
 *
 * <p>The constructor checks only for {@code null}s; {@link #fromJson(String)} and {@link #read(Path)} also
 * check that the events form a well-formed history.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class History {

    private final String workflowId;
    private final String runId;
    private final String workflowType;
    private final String taskQueue;
    private final List<HistoryEvent> events;

    /**
     * Creates a history.
     *
     * @param workflowId the workflow id; never {@code null}
     * @param runId the id of this run of the workflow; never {@code null}
     * @param workflowType the workflow type; never {@code null}
     * @param taskQueue the task queue the workflow runs on; never {@code null}
     * @param events the events in order; never {@code null}, nor any element; copied
     * @throws NullPointerException if an argument or an event is {@code null}; the message names it
     */
    public History(
            String workflowId, String runId, String workflowType, String taskQueue, List<HistoryEvent> events) {
        this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
        Objects.requireNonNull(events, "events");
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw new NullPointerException("events[" + i + "]");
            }
        }
        this.events = List.copyOf(events);
    }

    /**
     * Returns this history with the payloads that {@code payloadCodecs} encoded decoded back to their JSON values,
     * for a person or a tool to read; this history if none is encoded.
     *
     * <p>A payload that names a codec not among {@code payloadCodecs} stays encoded. Do not record or replay the
     * result in place of the history: it is what the store never sees, the values in clear.
     *
     * @param payloadCodecs the codecs the payloads were encoded with, in any order; never {@code null}
     * @return the decoded history; never {@code null}
     * @throws dev.hourglass.common.PayloadCodecException if one of the codecs fails to decode a payload (a wrong
     *     key, altered data)
     * @since 0.1
     */
    public History withDecodedPayloads(List<? extends PayloadCodec> payloadCodecs) {
        return HistoryPayloads.decode(this, PayloadCodecChain.of(payloadCodecs), true);
    }

    /**
     * Reads a history from JSON text.
     *
     * <p>Unknown top-level fields and unknown attributes are ignored, so that a reader can read histories
     * written by later versions that add fields.
     *
     * @param json history JSON, format version 1; never {@code null}
     * @return the history; never {@code null}
     * @throws HistoryFormatException if the text is not a well-formed version 1 history; its source is
     *     {@code "<string>"}
     */
    public static History fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return HistoryJsonCodec.fromJson(json, HistoryJsonCodec.STRING_SOURCE);
    }

    /**
     * Reads a history from a UTF-8 JSON file.
     *
     * @param path the file; never {@code null}
     * @return the history; never {@code null}
     * @throws HistoryFormatException if the file is not a well-formed version 1 history; the message and
     *     {@link HistoryFormatException#getSource()} name the file
     * @throws java.io.UncheckedIOException if the file cannot be read; the message names the file
     */
    public static History read(Path path) {
        Objects.requireNonNull(path, "path");
        return HistoryJsonCodec.read(path);
    }

    /**
     * Writes this history to a file as UTF-8 JSON, exactly {@link #toJson()} followed by a newline.
     *
     * <p>An existing file is replaced.
     *
     * @param path the file; never {@code null}
     * @throws java.io.UncheckedIOException if the file cannot be written; the message names the file
     */
    public void write(Path path) {
        Objects.requireNonNull(path, "path");
        HistoryJsonCodec.write(this, path);
    }

    /**
     * Returns the name under which exports write this history to a directory: {@code <workflowId>_<runId>.json}
     * (as {@code TestWorkflowEnvironment.exportHistories} and the command line's {@code export} do), the characters
     * of the ids that are unsafe in a file name escaped: letters, digits, {@code -} and {@code .} are kept, every
     * other character is written as {@code %} and the hexadecimal of its UTF-8 bytes.
     *
     * @return the file name; never {@code null}
     */
    public String defaultFileName() {
        return escapeForFileName(getWorkflowId()) + "_" + escapeForFileName(getRunId()) + ".json";
    }

    private static String escapeForFileName(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); ) {
            int codePoint = id.codePointAt(i);
            if (codePoint < 128 && (Character.isLetterOrDigit(codePoint) || codePoint == '-' || codePoint == '.')) {
                name.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    name.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            }
            i += Character.charCount(codePoint);
        }
        return name.toString();
    }

    /**
     * Returns this history as pretty-printed JSON, history format version 1.
     *
     * <p>The output is the same byte for byte for equal histories built the same way: fields are written in
     * a fixed order, attributes in the order they were added, lines end with {@code "\n"} on every platform,
     * and there is no trailing newline.
     *
     * @return the JSON text; never {@code null}
     */
    public String toJson() {
        return HistoryJsonCodec.toJson(this);
    }

    /**
     * Returns the workflow id.
     *
     * @return the workflow id; never {@code null}
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the id of this run of the workflow.
     *
     * @return the run id; never {@code null}
     */
    public String getRunId() {
        return runId;
    }

    /**
     * Returns the workflow type.
     *
     * @return the workflow type; never {@code null}
     */
    public String getWorkflowType() {
        return workflowType;
    }

    /**
     * Returns the task queue the workflow runs on.
     *
     * @return the task queue; never {@code null}
     */
    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Returns the events in order.
     *
     * @return an unmodifiable list; never {@code null}
     */
    public List<HistoryEvent> getEvents() {
        return events;
    }

    /**
     * Returns the last event.
     *
     * @return the last event, or {@code null} if the history has no events
     */
    public HistoryEvent getLastEvent() {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /**
     * Returns whether the execution run is closed: whether its last event is a closing one.
     *
     * @return {@code true} if the last event's type {@link EventType#isClosing() is closing}, {@code false}
     *     if it is not or there are no events
     */
    public boolean isClosed() {
        HistoryEvent last = getLastEvent();
        return last != null && last.getEventType().isClosing();
    }

    /**
     * Returns whether another object is a history with the same identity and equal events.
     *
     * @param other the object to compare with; may be {@code null}
     * @return whether the two are equal
     * @see HistoryEvent#equals(Object)
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof History)) {
            return false;
        }
        History that = (History) other;
        return workflowId.equals(that.workflowId)
                && runId.equals(that.runId)
                && workflowType.equals(that.workflowType)
                && taskQueue.equals(that.taskQueue)
                && events.equals(that.events);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(workflowId, runId, workflowType, taskQueue, events);
    }

    /**
     * Returns a short summary, such as {@code History[workflowId=transfer-42, runId=9f1c…, 11 events]}.
     *
     * @return the summary; never {@code null}
     */
    @Override
    public String toString() {
        return "History[workflowId=" + workflowId + ", runId=" + runId + ", " + events.size()
                + (events.size() == 1 ? " event]" : " events]");
    }
}
