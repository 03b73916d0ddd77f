package dev.hourglass.internal.statemachines;

import dev.hourglass.history.EventAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A {@link CommandSink} that remembers every command it takes. Live, it has no recorded commands, so every
 * command is new; replaying, it hands out the recorded commands in order, and like replay it rejects a command
 * of another type than the recorded one at that point.
 */
final class RecordingCommandSink implements CommandSink {

    private final List<EventAttributes> commands = new ArrayList<>();
    private final Deque<EventAttributes> recorded;

    private RecordingCommandSink(List<EventAttributes> recorded) {
        this.recorded = new ArrayDeque<>(recorded);
    }

    /** A sink past the recorded commands: every command is new. */
    static RecordingCommandSink live() {
        return new RecordingCommandSink(List.of());
    }

    /** A sink replaying a history that recorded {@code recorded}, in this order. */
    static RecordingCommandSink replaying(EventAttributes... recorded) {
        return new RecordingCommandSink(Arrays.asList(recorded));
    }

    @Override
    public EventAttributes add(EventAttributes command) {
        commands.add(command);
        EventAttributes next = recorded.poll();
        if (next != null && next.eventType() != command.eventType()) {
            throw new IllegalStateException("nondeterminism: recorded " + next + ", the code produced " + command);
        }
        return next;
    }

    @Override
    public EventAttributes peekRecorded() {
        return recorded.peek();
    }

    /** The commands taken so far, in order. */
    List<EventAttributes> commands() {
        return commands;
    }
}
