package dev.hourglass.replay;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One line of the side-by-side comparison of an {@linkplain ReplayResult.Status#INCOMPATIBLE incompatible} history:
 * a command the history recorded, and the command the new code produced in its place.
 *
 * <p>Before the diverging pair, both sides are the same commands (their arguments may differ); after it, only the
 * recorded side is known, because the new code stops at the divergence.
 *
 * @see ReplayResult#getCommands()
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CommandPair {

    private final long eventId;
    private final String recorded;
    private final String actual;
    private final boolean diverging;

    /**
     * Creates a pair; the gate makes them.
     *
     * @param eventId the event id of the recorded command, or {@code -1} if the history has no command here
     * @param recorded the recorded command, described; {@code null} if the history has no command here
     * @param actual the command the new code produced, described; {@code null} if it produced none here
     * @param diverging whether this is the pair where the new code diverged from the history
     */
    public CommandPair(long eventId, String recorded, String actual, boolean diverging) {
        this.eventId = eventId;
        this.recorded = recorded;
        this.actual = actual;
        this.diverging = diverging;
    }

    /** The event id of the recorded command; empty where the history has no command (the new code added one). */
    public OptionalLong getEventId() {
        return eventId < 0 ? OptionalLong.empty() : OptionalLong.of(eventId);
    }

    /**
     * The recorded command, such as {@code ActivityTaskScheduled withdraw}; empty where the history has no command.
     */
    public Optional<String> getRecorded() {
        return Optional.ofNullable(recorded);
    }

    /**
     * The command the new code produced; empty where it produced none (it stopped at the divergence, or it no longer
     * produces the recorded command).
     */
    public Optional<String> getActual() {
        return Optional.ofNullable(actual);
    }

    /** Whether this is the pair where the new code diverged from the history. */
    public boolean isDiverging() {
        return diverging;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CommandPair)) {
            return false;
        }
        CommandPair that = (CommandPair) other;
        return eventId == that.eventId && diverging == that.diverging && Objects.equals(recorded, that.recorded)
                && Objects.equals(actual, that.actual);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, recorded, actual, diverging);
    }

    @Override
    public String toString() {
        return (diverging ? "> " : "  ") + (eventId < 0 ? "-" : Long.toString(eventId)) + " " + recorded + " | "
                + actual;
    }
}
