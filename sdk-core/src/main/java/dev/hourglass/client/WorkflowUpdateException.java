package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import org.apiguardian.api.API;

/**
 * Thrown to the sender of an update that did not produce a result: its validator rejected it, the workflow has no
 * handler for its name, or its handler threw an {@code ApplicationFailure}. The cause is the validator's or handler's
 * exception (an {@code ApplicationFailure} for a handler's failure).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowUpdateException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String updateId;
    private final String updateName;

    /**
     * Creates the exception.
     *
     * @param execution the execution updated; may be {@code null} if unknown
     * @param updateId the update's id; may be {@code null} if unknown
     * @param updateName the update's name; may be {@code null} if unknown
     * @param message the message, returned as is by {@link #getMessage()}; may be {@code null}
     * @param cause the validator's or handler's exception; may be {@code null}
     */
    public WorkflowUpdateException(WorkflowExecution execution, String updateId, String updateName, String message,
            Throwable cause) {
        super(message, execution, null, cause);
        this.updateId = updateId;
        this.updateName = updateName;
    }

    /**
     * Returns the execution updated.
     *
     * @return the execution; may be {@code null} if unknown
     */
    @Override
    public WorkflowExecution getExecution() {
        return super.getExecution();
    }

    /**
     * Returns the update's id.
     *
     * @return the id; may be {@code null} if unknown
     */
    public String getUpdateId() {
        return updateId;
    }

    /**
     * Returns the update's name.
     *
     * @return the name; may be {@code null} if unknown
     */
    public String getUpdateName() {
        return updateName;
    }
}
