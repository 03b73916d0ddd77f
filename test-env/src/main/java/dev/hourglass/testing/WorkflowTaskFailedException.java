package dev.hourglass.testing;

import dev.hourglass.client.WorkflowExecution;
import org.apiguardian.api.API;

/**
 * Thrown by a client call waiting in the test environment when a workflow task of the execution failed (a
 * bug, nondeterminism): the test fails at once with the original throwable as the cause, instead of
 * waiting while the task is retried.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowTaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WorkflowExecution execution;

    /** Creates the exception for a failed task of {@code execution}. */
    public WorkflowTaskFailedException(WorkflowExecution execution, String workflowType, Throwable cause) {
        super("a workflow task of " + workflowType + " (workflowId=" + execution.getWorkflowId() + ", runId="
                + execution.getRunId() + ") failed, so the test environment fails fast instead of retrying it: "
                + cause, cause);
        this.execution = execution;
    }

    /** The execution whose task failed. */
    public WorkflowExecution getExecution() {
        return execution;
    }
}
