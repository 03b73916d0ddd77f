package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.service.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches each command the code produces against the next command event of the history. Commands past the
 * end of the recorded ones are new and will be recorded; a command of another kind or identity than the
 * recorded one, a recorded command the code did not produce, or a command past the end of a closed history
 * is nondeterminism.
 */
final class ReplayMatcher {

    private static final Logger log = LoggerFactory.getLogger(ReplayMatcher.class);

    /**
     * Compares JSON values with numbers by value, not by node type: a history read from JSON holds 20 as an
     * int node where the code produces a long node.
     */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            if (a.canConvertToLong() && b.canConvertToLong()) {
                return a.longValue() == b.longValue() ? 0 : 1;
            }
            return a.bigIntegerValue().compareTo(b.bigIntegerValue());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.asText().equals(b.asText()) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    /** The attributes whose differences are reported as warnings (or fail a strict replay). */
    private static final String[] DETAIL_ATTRIBUTES = {"input", "durationMillis", "result"};

    private final WorkflowExecutor executor;
    private final boolean strict;
    private final List<String> warnings = new ArrayList<>();
    private List<HistoryEvent> events = List.of();
    private boolean historyClosed;
    private boolean replayOnly;
    private int cursor;
    private int scannedFrom = -1;
    private int nextCommand;
    private List<Command> newCommands = new ArrayList<>();

    ReplayMatcher(WorkflowExecutor executor, boolean strict) {
        this.executor = executor;
        this.strict = strict;
    }

    void reset(List<HistoryEvent> history, boolean replayOnlyMode) {
        this.events = history;
        this.scannedFrom = -1;
        this.replayOnly = replayOnlyMode;
        // Only a history the code closed itself is known to hold every command the code produced. One closed
        // from outside (terminated, timed out) may end in the middle of a task whose commands were never
        // recorded: commands past its end are not extra.
        EventType last = history.isEmpty() ? null : history.get(history.size() - 1).getEventType();
        this.historyClosed = last != null && last.isClosing() && last.isCommand();
    }

    /**
     * Index of the next unmatched command event, or the history size if none. Remembered until the cursor
     * moves, so that a long run of input events (signals, say) is scanned once, not once per event.
     */
    private int nextCommandIndex() {
        if (scannedFrom == cursor) {
            return nextCommand;
        }
        int i = cursor;
        while (i < events.size() && !events.get(i).getEventType().isCommand()) {
            i++;
        }
        scannedFrom = cursor;
        nextCommand = i;
        return i;
    }

    /** The next recorded command the code has not produced yet, or {@code null} if all are matched. */
    HistoryEvent peek() {
        int index = nextCommandIndex();
        return index < events.size() ? events.get(index) : null;
    }

    /** Marks the event returned by {@link #peek()} as matched. */
    void consume() {
        cursor = nextCommandIndex() + 1;
    }

    /** Records or matches a command produced by the code; returns the matched event or {@code null} if new. */
    HistoryEvent add(Command command) {
        HistoryEvent recorded = peek();
        if (recorded == null) {
            if (replayOnly && historyClosed) {
                throw executor.abortWith(events.size(), "no further command (the history is closed)",
                        describe(command), executor.codeLocation(), "the code produced a command that the"
                                + " history does not have");
            }
            newCommands.add(command);
            return null;
        }
        String difference = identityDifference(command, recorded);
        if (difference != null) {
            throw executor.abortWith(recorded.getEventId(), describe(recorded), describe(command),
                    executor.codeLocation(), difference);
        }
        consume();
        String detail = detailDifference(command, recorded);
        if (detail != null) {
            String message = "event " + recorded.getEventId() + " of " + executor.describeExecution() + ": " + detail
                    + " (at " + executor.codeLocation() + ")";
            if (strict) {
                throw executor.abortWith(recorded.getEventId(), describe(recorded), describe(command),
                        executor.codeLocation(), detail + " (strict replay)");
            }
            warnings.add(message);
            log.warn("replay difference: {}", message);
        }
        return recorded;
    }

    /**
     * Checks that no recorded command before {@code index} is still unmatched: the code should have produced
     * it before the history moved on.
     */
    void checkNoneMissingBefore(int index, Supplier<String> location) {
        int next = nextCommandIndex();
        if (next < index && next < events.size()) {
            HistoryEvent missing = events.get(next);
            throw executor.abortWith(missing.getEventId(), describe(missing), "nothing (the code did not"
                    + " produce this command)", location.get(), "a command recorded in the history is missing");
        }
    }

    List<Command> takeNewCommands() {
        List<Command> taken = newCommands;
        newCommands = new ArrayList<>();
        return taken;
    }

    /** After a task's commands are recorded, the cursor stands after them. */
    void advanceTo(int position) {
        cursor = position;
    }

    List<String> warnings() {
        return warnings;
    }

    private static String identityDifference(Command command, HistoryEvent recorded) {
        if (command.eventType() != recorded.getEventType()) {
            return "the code produced a different kind of command";
        }
        ObjectNode attributes = command.attributes();
        String difference;
        switch (command.eventType()) {
            case ActivityTaskScheduled:
                difference = differs(attributes, recorded, "activityType", "activity type");
                return difference != null ? difference : differs(attributes, recorded, "activityId", "activity id");
            case StartChildWorkflowExecutionInitiated:
                return differs(attributes, recorded, "workflowType", "child workflow type");
            case MarkerRecorded:
                difference = differs(attributes, recorded, "markerName", "marker name");
                return difference != null ? difference : differs(attributes, recorded, "markerId", "marker id");
            case TimerStarted:
            case TimerCanceled:
                return differs(attributes, recorded, "timerId", "timer id");
            case ActivityTaskCancelRequested:
                return differs(attributes, recorded, "activityId", "activity id");
            default:
                return null;
        }
    }

    private static String detailDifference(Command command, HistoryEvent recorded) {
        for (String name : DETAIL_ATTRIBUTES) {
            JsonNode now = command.attributes().get(name);
            if (now == null) {
                continue;
            }
            JsonNode then = recorded.getAttribute(name);
            if (then != null && now != then && !now.equals(SAME_VALUE, then)) {
                return name + " differs: history recorded " + abbreviate(then) + ", the code now gives "
                        + abbreviate(now);
            }
        }
        return null;
    }

    /** A description of the difference of one identifying attribute, or {@code null} if it is the same. */
    private static String differs(ObjectNode attributes, HistoryEvent recorded, String name, String label) {
        String now = attributes.path(name).asText(null);
        String then = recorded.getStringAttribute(name);
        if (Objects.equals(now, then)) {
            return null;
        }
        return "the " + label + " differs ('" + then + "' recorded, '" + now + "' now)";
    }

    /** A one-line description of a command for reports. */
    static String describe(Command command) {
        return describe(command.eventType(), command.attributes());
    }

    /** A one-line description of a recorded command event for reports. */
    static String describe(HistoryEvent event) {
        return describe(event.getEventType(), event.getAttributes());
    }

    private static String describe(EventType type, ObjectNode attributes) {
        StringBuilder text = new StringBuilder(type.name());
        switch (type) {
            case ActivityTaskScheduled:
                text.append(" activityType='").append(attributes.path("activityType").asText())
                        .append("' activityId='").append(attributes.path("activityId").asText()).append('\'');
                break;
            case TimerStarted:
                text.append(" timerId='").append(attributes.path("timerId").asText()).append("' duration=")
                        .append(Duration.ofMillis(attributes.path("durationMillis").asLong()));
                break;
            case TimerCanceled:
                text.append(" timerId='").append(attributes.path("timerId").asText()).append('\'');
                break;
            case ActivityTaskCancelRequested:
                text.append(" activityId='").append(attributes.path("activityId").asText()).append('\'');
                break;
            case MarkerRecorded:
                text.append(" markerName='").append(attributes.path("markerName").asText())
                        .append("' markerId='").append(attributes.path("markerId").asText()).append('\'');
                break;
            case StartChildWorkflowExecutionInitiated:
                text.append(" workflowType='").append(attributes.path("workflowType").asText()).append('\'');
                break;
            default:
                break;
        }
        return text.toString();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
