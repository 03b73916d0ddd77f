package dev.hourglass.internal.replay;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.EventSchema;
import dev.hourglass.internal.history.EventSchema.Field;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.statemachines.CommandSink;
import java.util.ArrayList;
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
 *
 * <p>What identifies a command, and which of its attributes are compared for warnings, is declared by each
 * event type's {@link EventSchema} ({@code identity} and {@code detail} fields).
 */
final class ReplayMatcher implements CommandSink {

    private static final Logger log = LoggerFactory.getLogger(ReplayMatcher.class);

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
    /** The last commands the code produced, in a ring, for the side-by-side of a divergence report. */
    private final EventAttributes[] recent = new EventAttributes[CommandTrace.BEFORE];
    private long produced;

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
    private HistoryEvent peek() {
        int index = nextCommandIndex();
        return index < events.size() ? events.get(index) : null;
    }

    /** Marks the event returned by {@link #peek()} as matched. */
    private void consume() {
        cursor = nextCommandIndex() + 1;
    }

    @Override
    public EventAttributes peekRecorded() {
        HistoryEvent recorded = peek();
        return recorded == null ? null : recorded.getAttributes();
    }

    /** The event id of the next recorded command the code has not produced yet, or -1 if all are matched. */
    long peekRecordedEventId() {
        HistoryEvent recorded = peek();
        return recorded == null ? -1 : recorded.getEventId();
    }

    /** Records or matches a command produced by the code; returns the matched attributes or {@code null} if new. */
    @Override
    public EventAttributes add(EventAttributes command) {
        HistoryEvent recorded = peek();
        if (recorded == null) {
            if (replayOnly && historyClosed) {
                executor.divergedAt(trace(events.size(), command));
                throw executor.abortWith(events.size(), "no further command (the history is closed)",
                        describe(command), executor.codeLocation(), "the code produced a command that the"
                                + " history does not have");
            }
            newCommands.add(new Command(command));
            remember(command);
            return null;
        }
        String difference = identityDifference(command, recorded.getAttributes());
        if (difference != null) {
            executor.divergedAt(trace(nextCommandIndex(), command));
            throw executor.abortWith(recorded.getEventId(), describe(recorded.getAttributes()),
                    describe(command), executor.codeLocation(), difference);
        }
        consume();
        String detail = detailDifference(command, recorded.getAttributes(), executor.converter);
        if (detail != null) {
            String message = "event " + recorded.getEventId() + " of " + executor.describeExecution() + ": " + detail
                    + " (at " + executor.codeLocation() + ")";
            if (strict) {
                executor.divergedAt(trace(cursor - 1, command));
                throw executor.abortWith(recorded.getEventId(), describe(recorded.getAttributes()),
                        describe(command), executor.codeLocation(), detail + " (strict replay)");
            }
            warnings.add(message);
            log.warn("replay difference: {}", message);
        }
        remember(command);
        return recorded.getAttributes();
    }

    /**
     * Checks that no recorded command before {@code index} is still unmatched: the code should have produced
     * it before the history moved on.
     */
    void checkNoneMissingBefore(int index, Supplier<String> location) {
        int next = nextCommandIndex();
        if (next < index && next < events.size()) {
            HistoryEvent missing = events.get(next);
            executor.divergedAt(trace(next, null));
            throw executor.abortWith(missing.getEventId(), describe(missing.getAttributes()),
                    "nothing (the code did not produce this command)", location.get(),
                    "a command recorded in the history is missing");
        }
    }

    private void remember(EventAttributes command) {
        recent[(int) (produced % recent.length)] = command;
        produced++;
    }

    /**
     * The commands around a divergence: the recorded command at {@code index} of the history (or none, at its end)
     * against {@code command} (or none), after the last matched pairs and before the recorded commands that follow.
     * Built only once a replay diverged, so the replays that match pay nothing for it.
     */
    private CommandTrace trace(int index, EventAttributes command) {
        List<HistoryEvent> before = new ArrayList<>();
        for (int i = Math.min(index, events.size()) - 1; i >= 0 && before.size() < CommandTrace.BEFORE; i--) {
            if (events.get(i).getEventType().isCommand()) {
                before.add(0, events.get(i));
            }
        }
        List<CommandTrace.Row> rows = new ArrayList<>();
        long kept = Math.min(produced, recent.length);
        for (int j = 0; j < before.size(); j++) {
            long p = produced - (before.size() - j);
            EventAttributes mine = p >= produced - kept ? recent[(int) (p % recent.length)] : null;
            HistoryEvent recorded = before.get(j);
            rows.add(new CommandTrace.Row(recorded.getEventId(), describe(recorded.getAttributes()),
                    mine == null ? null : describe(mine), false));
        }
        boolean inHistory = index < events.size();
        rows.add(new CommandTrace.Row(inHistory ? events.get(index).getEventId() : -1,
                inHistory ? describe(events.get(index).getAttributes()) : null,
                command == null ? null : describe(command), true));
        int after = 0;
        for (int i = index + 1; i < events.size() && after < CommandTrace.AFTER; i++) {
            if (events.get(i).getEventType().isCommand()) {
                rows.add(new CommandTrace.Row(events.get(i).getEventId(), describe(events.get(i).getAttributes()),
                        null, false));
                after++;
            }
        }
        return new CommandTrace(rows);
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

    boolean isReplayOnly() {
        return replayOnly;
    }

    List<String> warnings() {
        return warnings;
    }

    /** Why a command is not the recorded one (another kind, or an identity attribute differs), or {@code null}. */
    private static String identityDifference(EventAttributes command, EventAttributes recorded) {
        if (command.eventType() != recorded.eventType()) {
            return "the code produced a different kind of command";
        }
        for (Field<EventAttributes> field : EventSchema.of(command).fields()) {
            if (field.isIdentity() && !Objects.equals(field.identityValue(command), field.identityValue(recorded))) {
                return "the " + field.name() + " differs (" + EventText.value(field, field.identityValue(recorded))
                        + " recorded, " + EventText.value(field, field.identityValue(command)) + " now)";
            }
        }
        return null;
    }

    /**
     * The first detail attribute whose value the code changed, described, or {@code null}. Payloads are compared
     * decoded: encryption makes every encoding of the same value different.
     */
    private static String detailDifference(EventAttributes command, EventAttributes recorded,
            PayloadConverter converter) {
        for (Field<EventAttributes> field : EventSchema.of(command).fields()) {
            Object now = plain(field.get(command), converter);
            Object then = plain(field.get(recorded), converter);
            if (field.isDetail() && now != null && then != null && !now.equals(then)) {
                return field.label() + " differs: history recorded " + EventText.value(field, then)
                        + ", the code now gives " + EventText.value(field, now);
            }
        }
        return null;
    }

    private static Object plain(Object value, PayloadConverter converter) {
        if (value instanceof Payload && !converter.codecs().isEmpty()) {
            return JsonPayload.of(converter.plain(JsonPayload.node((Payload) value)));
        }
        return value;
    }

    /** A one-line description of a command for reports. */
    static String describe(EventAttributes attributes) {
        return EventText.describe(attributes);
    }
}
