package dev.hourglass.internal.schedules;

import java.util.ArrayList;
import java.util.List;

/** What the activity of a schedule did. */
public final class ActResult {

    /** What became of the action. */
    public enum Outcome { CHECKED, STARTED, SKIPPED, BUFFERED, MISSED }

    public Outcome outcome;
    /** The run started, for {@link Outcome#STARTED}. */
    public String runId;
    /** When the activity was scheduled: the service's time of the action. */
    public long startedAt;
    /** The runs of the request still running, and the one started. */
    public List<ScheduleData.Execution> running = new ArrayList<>();
    /** The workflow id of a run of the request that failed or timed out, or {@code null}. */
    public String failed;
}
