package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import org.apiguardian.api.API;

/**
 * Thrown when a client addresses a workflow execution that does not exist, or, as its subclass
 * {@link WorkflowExecutionClosedException}, one that is no longer open when the call needs an open one.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowNotFoundException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String workflowId;
    private final String runId;

    /**
     * Creates the exception.
     *
     * @param workflowId the workflow id looked for; may be {@code null}
     * @param runId the run id looked for; may be {@code null} when any run was looked for
     */
    public WorkflowNotFoundException(String workflowId, String runId) {
        super("Workflow execution not found: workflowId='" + workflowId + "'"
                + (runId == null ? "" : ", runId='" + runId + "'"), execution(workflowId, runId), null, null);
        this.workflowId = workflowId;
        this.runId = runId;
    }

    /**
     * Creates the exception with a message of the subclass's own.
     *
     * @param message the message, returned as is by {@link #getMessage()}; may be {@code null}
     * @param workflowId the workflow id looked for; may be {@code null}
     * @param runId the run id looked for; may be {@code null} when any run was looked for
     */
    protected WorkflowNotFoundException(String message, String workflowId, String runId) {
        super(message, execution(workflowId, runId), null, null);
        this.workflowId = workflowId;
        this.runId = runId;
    }

    private static WorkflowExecution execution(String workflowId, String runId) {
        return workflowId == null ? null : new WorkflowExecution(workflowId, runId);
    }

    /**
     * Returns the workflow id looked for.
     *
     * @return the workflow id; may be {@code null}
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the run id looked for.
     *
     * @return the run id, or {@code null} when any run was looked for
     */
    public String getRunId() {
        return runId;
    }
}
