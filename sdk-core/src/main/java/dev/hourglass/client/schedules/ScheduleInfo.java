package dev.hourglass.client.schedules;

import dev.hourglass.common.WorkflowExecution;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a schedule has done and will do: counts of actions taken, missed and skipped, the runs still running, the
 * latest actions and the next fire times.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleInfo {

    private final long numActions;
    private final long numActionsMissedCatchupWindow;
    private final long numActionsSkippedOverlap;
    private final List<WorkflowExecution> runningActions;
    private final List<ScheduleActionResult> recentActions;
    private final List<Instant> nextActionTimes;
    private final Instant createdAt;
    private final Instant lastUpdatedAt;

    /**
     * Creates the info; lists are copied.
     *
     * @param numActions the actions taken (runs started)
     * @param numActionsMissedCatchupWindow the fire times found due too late to act on
     * @param numActionsSkippedOverlap the fire times not acted on because of the overlap policy
     * @param runningActions the runs started by the schedule and still running, oldest first
     * @param recentActions the latest actions, oldest first, at most ten
     * @param nextActionTimes the next fire times, jitter included, earliest first
     * @param createdAt when the schedule was created
     * @param lastUpdatedAt when it was last updated, or {@code null} if never
     */
    public ScheduleInfo(long numActions, long numActionsMissedCatchupWindow, long numActionsSkippedOverlap,
            List<WorkflowExecution> runningActions, List<ScheduleActionResult> recentActions,
            List<Instant> nextActionTimes, Instant createdAt, Instant lastUpdatedAt) {
        this.numActions = numActions;
        this.numActionsMissedCatchupWindow = numActionsMissedCatchupWindow;
        this.numActionsSkippedOverlap = numActionsSkippedOverlap;
        this.runningActions = List.copyOf(runningActions);
        this.recentActions = List.copyOf(recentActions);
        this.nextActionTimes = List.copyOf(nextActionTimes);
        this.createdAt = createdAt;
        this.lastUpdatedAt = lastUpdatedAt;
    }

    /** The actions taken: runs started, by fire times, triggers and backfills. */
    public long getNumActions() {
        return numActions;
    }

    /** The fire times found due later than the catch-up window after them, not acted on. */
    public long getNumActionsMissedCatchupWindow() {
        return numActionsMissedCatchupWindow;
    }

    /** The fire times not acted on because a run was still running (or a buffer was full). */
    public long getNumActionsSkippedOverlap() {
        return numActionsSkippedOverlap;
    }

    /** The runs the schedule started that are still running, oldest first; never {@code null}. */
    public List<WorkflowExecution> getRunningActions() {
        return runningActions;
    }

    /** The latest actions, oldest first, at most ten; never {@code null}. */
    public List<ScheduleActionResult> getRecentActions() {
        return recentActions;
    }

    /** The next fire times, jitter included, earliest first (empty when paused or done); never {@code null}. */
    public List<Instant> getNextActionTimes() {
        return nextActionTimes;
    }

    /** When the schedule was created; never {@code null}. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the schedule was last updated, or {@code null} if never. */
    public Instant getLastUpdatedAt() {
        return lastUpdatedAt;
    }

    @Override
    public String toString() {
        return "ScheduleInfo{numActions=" + numActions + ", missedCatchupWindow=" + numActionsMissedCatchupWindow
                + ", skippedOverlap=" + numActionsSkippedOverlap + ", runningActions=" + runningActions
                + ", recentActions=" + recentActions + ", nextActionTimes=" + nextActionTimes + "}";
    }
}
