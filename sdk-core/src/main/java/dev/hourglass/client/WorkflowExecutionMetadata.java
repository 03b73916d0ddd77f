package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a listing says about one run of a workflow: its ids, type, task queue, status, start and close times
 * and the length of its history.
 *
 * <p>Instances are immutable snapshots taken when the service answered; services create them, applications
 * read them.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowExecutionMetadata {

    private final WorkflowExecution execution;
    private final String workflowType;
    private final String taskQueue;
    private final WorkflowExecutionStatus status;
    private final Instant startTime;
    private final Instant closeTime;
    private final long historyLength;

    /**
     * Creates the metadata of a run.
     *
     * @param execution the workflow id and run id; never {@code null}, its run id never {@code null}
     * @param workflowType the workflow type; never {@code null}
     * @param taskQueue the task queue of its workflow tasks; never {@code null}
     * @param status the status; never {@code null}
     * @param startTime when the run started (its first event); never {@code null}
     * @param closeTime when it closed (its last event), or {@code null} while it is running
     * @param historyLength the number of events in its history so far
     * @throws NullPointerException if a value that must not be {@code null} is
     * @throws IllegalArgumentException if {@code closeTime} is set for a running run or missing for a closed one
     */
    public WorkflowExecutionMetadata(WorkflowExecution execution, String workflowType, String taskQueue,
            WorkflowExecutionStatus status, Instant startTime, Instant closeTime, long historyLength) {
        this.execution = Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(execution.getRunId(), "execution.runId");
        this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
        this.status = Objects.requireNonNull(status, "status");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        if ((status == WorkflowExecutionStatus.RUNNING) != (closeTime == null)) {
            throw new IllegalArgumentException("a " + status + " run " + (closeTime == null ? "needs" : "has no")
                    + " close time, got " + closeTime);
        }
        this.closeTime = closeTime;
        this.historyLength = historyLength;
    }

    /**
     * Returns the workflow id and run id of the run.
     *
     * @return the execution; never {@code null}, nor its run id
     */
    public WorkflowExecution getExecution() {
        return execution;
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
     * Returns the task queue of the run's workflow tasks.
     *
     * @return the task queue; never {@code null}
     */
    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Returns whether the run is running, or how it closed.
     *
     * @return the status; never {@code null}
     */
    public WorkflowExecutionStatus getStatus() {
        return status;
    }

    /**
     * Returns when the run started, in the service's time (virtual time in a test environment).
     *
     * @return the time of its {@code WorkflowExecutionStarted} event; never {@code null}
     */
    public Instant getStartTime() {
        return startTime;
    }

    /**
     * Returns when the run closed, in the service's time.
     *
     * @return the time of its closing event, or empty while it is running; never {@code null}
     */
    public Optional<Instant> getCloseTime() {
        return Optional.ofNullable(closeTime);
    }

    /**
     * Returns the number of events in the run's history when the service answered.
     *
     * @return the history length, at least 1
     */
    public long getHistoryLength() {
        return historyLength;
    }

    @Override
    public String toString() {
        return workflowType + " " + execution + " " + status + " on task queue '" + taskQueue + "', started "
                + startTime + (closeTime == null ? "" : ", closed " + closeTime) + ", " + historyLength + " events";
    }
}
