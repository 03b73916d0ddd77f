package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import org.apiguardian.api.API;

/**
 * Thrown to a client waiting for a workflow result when the execution failed, timed out, was canceled or was
 * terminated.
 *
 * <p>The cause says why, for example an {@code ApplicationFailure}, a {@code TimeoutFailure}, a
 * {@code CanceledFailure} or a {@code TerminatedFailure} from {@code dev.hourglass.failure}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowFailedException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param execution the execution that failed; must not be {@code null}
     * @param workflowType the workflow type; may be {@code null} if unknown
     * @param cause why the execution failed; may be {@code null}
     * @throws IllegalArgumentException if {@code execution} is {@code null}
     */
    public WorkflowFailedException(WorkflowExecution execution, String workflowType, Throwable cause) {
        super(message(execution, workflowType), execution, workflowType, cause);
    }

    private static String message(WorkflowExecution execution, String workflowType) {
        if (execution == null) {
            throw new IllegalArgumentException("execution must not be null");
        }
        return "Workflow execution failed: workflowType='" + workflowType + "', workflowId='"
                + execution.getWorkflowId() + "', runId='" + execution.getRunId() + "'";
    }

    /**
     * Returns the execution that failed.
     *
     * @return the execution, never {@code null}
     */
    @Override
    public WorkflowExecution getExecution() {
        return super.getExecution();
    }

    /**
     * Returns the workflow type.
     *
     * @return the workflow type; may be {@code null} if unknown
     */
    @Override
    public String getWorkflowType() {
        return super.getWorkflowType();
    }
}
