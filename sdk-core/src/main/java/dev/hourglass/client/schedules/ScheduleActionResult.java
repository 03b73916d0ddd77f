package dev.hourglass.client.schedules;

import dev.hourglass.common.WorkflowExecution;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One action a schedule took: the fire time it was for, when it was taken, and the workflow run it started.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleActionResult {

    private final Instant scheduledAt;
    private final Instant startedAt;
    private final WorkflowExecution workflowExecution;

    /**
     * Creates the result.
     *
     * @param scheduledAt the fire time, jitter included; never {@code null}
     * @param startedAt when the run was started; never {@code null}
     * @param workflowExecution the run started; never {@code null}
     */
    public ScheduleActionResult(Instant scheduledAt, Instant startedAt, WorkflowExecution workflowExecution) {
        this.scheduledAt = Objects.requireNonNull(scheduledAt, "scheduledAt");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
    }

    /** The fire time the action was for, jitter included (for a trigger: when it was asked for); never {@code null}. */
    public Instant getScheduledAt() {
        return scheduledAt;
    }

    /** When the run was started; never {@code null}. */
    public Instant getStartedAt() {
        return startedAt;
    }

    /** The run the action started; never {@code null}. */
    public WorkflowExecution getWorkflowExecution() {
        return workflowExecution;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleActionResult that && scheduledAt.equals(that.scheduledAt)
                && startedAt.equals(that.startedAt) && workflowExecution.equals(that.workflowExecution);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheduledAt, startedAt, workflowExecution);
    }

    @Override
    public String toString() {
        return "ScheduleActionResult{scheduledAt=" + scheduledAt + ", startedAt=" + startedAt + ", workflowExecution="
                + workflowExecution + "}";
    }
}
