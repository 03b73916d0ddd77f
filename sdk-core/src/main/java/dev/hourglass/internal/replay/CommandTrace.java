package dev.hourglass.internal.replay;

import java.util.List;

/**
 * The commands around the point where a replay diverged, side by side: what the history recorded and what the
 * code produced, a few before the diverging pair and the recorded ones after it.
 *
 * @param rows the pairs in history order; never {@code null} or empty
 */
public record CommandTrace(List<Row> rows) {

    /** How many matched pairs are kept before the diverging one. */
    public static final int BEFORE = 3;

    /** How many recorded commands are kept after the diverging one. */
    public static final int AFTER = 3;

    public CommandTrace {
        rows = List.copyOf(rows);
    }

    /**
     * One recorded command and the command the code produced in its place.
     *
     * @param eventId the event id of the recorded command, or {@code -1} where the history has none
     * @param recorded the recorded command described, or {@code null} where the history has none
     * @param produced the command the code produced described, or {@code null} where it produced none
     * @param diverging whether this is the pair that diverged
     */
    public record Row(long eventId, String recorded, String produced, boolean diverging) {
    }
}
