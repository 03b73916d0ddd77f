package dev.hourglass.client;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A child workflow that an open run started and that has not closed yet, as {@link WorkflowStub#describe()}
 * reports it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PendingChildWorkflowInfo {

    private final String workflowId;
    private final String runId;
    private final String workflowType;

    /**
     * Creates the information of a pending child workflow.
     *
     * @param workflowId the child's workflow id; never {@code null}
     * @param runId the child's run id, or {@code null} while its start is not yet recorded
     * @param workflowType the child's workflow type; never {@code null}
     * @throws NullPointerException if {@code workflowId} or {@code workflowType} is {@code null}
     */
    public PendingChildWorkflowInfo(String workflowId, String runId, String workflowType) {
        this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
        this.runId = runId;
        this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
    }

    /**
     * Returns the child's workflow id.
     *
     * @return the workflow id; never {@code null}
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the child's run id.
     *
     * @return the run id, or empty while the child's start is not yet recorded; never {@code null}
     */
    public Optional<String> getRunId() {
        return Optional.ofNullable(runId);
    }

    /**
     * Returns the child's workflow type.
     *
     * @return the workflow type; never {@code null}
     */
    public String getWorkflowType() {
        return workflowType;
    }

    @Override
    public String toString() {
        return "child workflow " + workflowType + " " + workflowId + (runId == null ? " (starting)" : " run " + runId);
    }
}
