package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Reports to parent workflow code that a child workflow execution failed, timed out, was canceled or was
 * terminated.
 *
 * <p>The cause says why, for example an {@link ApplicationFailure} or a {@link TimeoutFailure}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ChildWorkflowFailure extends HourglassFailure {

    private static final long serialVersionUID = 1L;

    private final String workflowType;
    private final String workflowId;
    private final String runId;

    /**
     * Creates a child workflow failure.
     *
     * @param workflowType the type of the child workflow; may be {@code null} if unknown
     * @param workflowId the id of the child workflow; may be {@code null} if unknown
     * @param runId the run id of the child execution; may be {@code null} if it never started
     * @param cause why the child failed; may be {@code null}
     */
    public ChildWorkflowFailure(String workflowType, String workflowId, String runId, Throwable cause) {
        super("Child workflow failed: workflowType='" + workflowType + "', workflowId='" + workflowId + "'", cause);
        this.workflowType = workflowType;
        this.workflowId = workflowId;
        this.runId = runId;
    }

    /**
     * Returns the type of the child workflow.
     *
     * @return the workflow type; may be {@code null} if unknown
     */
    public String getWorkflowType() {
        return workflowType;
    }

    /**
     * Returns the id of the child workflow.
     *
     * @return the workflow id; may be {@code null} if unknown
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the run id of the child execution.
     *
     * @return the run id, or {@code null} if the child never started
     */
    public String getRunId() {
        return runId;
    }
}
