package dev.hourglass.testing;

import dev.hourglass.common.WorkflowExecution;
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
                + execution.getRunId() + ") failed: " + cause + ". The service retries it as in production, but the"
                + " test environment fails the waiting call at once (fail-fast): fix the code the cause points to,"
                + " or turn fail-fast off (TestEnvironmentOptions.newBuilder().setFailFast(false)) to test the"
                + " retry itself", cause);
        this.execution = execution;
    }

    /** The execution whose task failed. */
    public WorkflowExecution getExecution() {
        return execution;
    }
}
