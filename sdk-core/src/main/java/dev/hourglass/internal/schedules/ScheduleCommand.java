package dev.hourglass.internal.schedules;

import java.util.ArrayList;
import java.util.List;

/** A change sent to a schedule's workflow as a signal: pause, unpause, trigger, backfill or update. */
public final class ScheduleCommand {

    /** The kinds of command. */
    public enum Kind { PAUSE, UNPAUSE, TRIGGER, BACKFILL, UPDATE }

    /** A range of a backfill, {@code start} included, {@code end} excluded. */
    public static final class Range {
        public long start;
        public long end;
        public String overlap;
    }

    public Kind kind;
    public String note;
    /** The overlap policy of a trigger, or {@code null} for the schedule's. */
    public String overlap;
    public List<Range> ranges = new ArrayList<>();
    /** The new definition of an update (its info fields are ignored). */
    public ScheduleData schedule;
}
