package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import org.apiguardian.api.API;

/**
 * The base of the exceptions a client call throws about one workflow execution: it failed, its id is taken,
 * it is not found or has closed, or a query of it could not be answered.
 *
 * <p>Catch it to handle every such outcome in one place:
 *
 * <pre>{@code
 * try {
 *     String receipt = transfer.transfer("alice", "bob", 100L);
 * } catch (WorkflowException e) {
 *     log.warn("transfer {} did not complete", e.getExecution(), e);
 * }
 * }</pre>
 *
 * <p>It is unchecked, like every exception of the client API.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final WorkflowExecution execution;
    private final String workflowType;

    /**
     * Creates the exception.
     *
     * @param message the message, returned as is by {@link #getMessage()}; may be {@code null}
     * @param execution the execution the call was about; may be {@code null} if unknown
     * @param workflowType the workflow type; may be {@code null} if unknown
     * @param cause the cause; may be {@code null}
     */
    protected WorkflowException(String message, WorkflowExecution execution, String workflowType, Throwable cause) {
        super(message, cause);
        this.execution = execution;
        this.workflowType = workflowType;
    }

    /**
     * Returns the execution the call was about.
     *
     * @return the execution; its run id may be {@code null} when the call addressed the latest run; the execution
     *     itself may be {@code null} if unknown
     */
    public WorkflowExecution getExecution() {
        return execution;
    }

    /**
     * Returns the workflow type of the execution.
     *
     * @return the workflow type; may be {@code null} if unknown
     */
    public String getWorkflowType() {
        return workflowType;
    }
}
