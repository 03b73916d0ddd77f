package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import org.apiguardian.api.API;

/**
 * Thrown when starting a workflow execution whose id is taken: an execution with it is open, or the
 * {@link WorkflowIdReusePolicy} forbids reusing the id of the closed one.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowExecutionAlreadyStartedException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param existing the execution that holds the id; may be {@code null} if unknown
     * @param workflowType the type of the workflow that could not start; may be {@code null} if unknown
     * @param message the message, returned as is by {@link #getMessage()}; may be {@code null}
     */
    public WorkflowExecutionAlreadyStartedException(WorkflowExecution existing, String workflowType, String message) {
        super(message, existing, workflowType, null);
    }

    /**
     * Returns the execution that holds the id.
     *
     * @return the existing execution; may be {@code null} if unknown
     */
    @Override
    public WorkflowExecution getExecution() {
        return super.getExecution();
    }

    /**
     * Returns the type of the workflow that could not start.
     *
     * @return the workflow type; may be {@code null} if unknown
     */
    @Override
    public String getWorkflowType() {
        return super.getWorkflowType();
    }
}
