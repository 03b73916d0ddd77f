package dev.hourglass.common;

import java.io.Serializable;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Identifies one run of a workflow: its workflow id and run id.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowExecution implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String workflowId;
    private final String runId;

    /**
     * Creates an execution identifier.
     *
     * @param workflowId the workflow id; must not be {@code null}
     * @param runId the run id; may be {@code null} when not known, meaning the latest run
     * @throws IllegalArgumentException if {@code workflowId} is {@code null}
     */
    public WorkflowExecution(String workflowId, String runId) {
        if (workflowId == null) {
            throw new IllegalArgumentException("workflowId must not be null");
        }
        this.workflowId = workflowId;
        this.runId = runId;
    }

    /**
     * Returns the workflow id.
     *
     * @return the workflow id, never {@code null}
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the run id.
     *
     * @return the run id; may be {@code null} when not known
     */
    public String getRunId() {
        return runId;
    }

    /**
     * Tells whether {@code o} identifies the same run.
     *
     * @param o the object to compare with; may be {@code null}
     * @return {@code true} if {@code o} is a {@code WorkflowExecution} with equal ids
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WorkflowExecution)) {
            return false;
        }
        WorkflowExecution that = (WorkflowExecution) o;
        return workflowId.equals(that.workflowId) && Objects.equals(runId, that.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workflowId, runId);
    }

    @Override
    public String toString() {
        return "WorkflowExecution{workflowId='" + workflowId + "', runId=" + (runId == null ? null : "'" + runId + "'")
                + '}';
    }
}
