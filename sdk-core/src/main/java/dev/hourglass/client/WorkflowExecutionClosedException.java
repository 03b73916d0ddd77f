package dev.hourglass.client;

import dev.hourglass.history.EventType;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown when a client signals, cancels or terminates an execution that has closed: it completed, failed,
 * was canceled, terminated, timed out or continued as new.
 *
 * <p>It is a {@link WorkflowNotFoundException}, as an execution no longer open is not found by these calls,
 * so that code catching that one keeps working; the message says which run closed, how and when.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowExecutionClosedException extends WorkflowNotFoundException {

    private static final long serialVersionUID = 1L;

    private final EventType closeType;

    /**
     * Creates the exception.
     *
     * @param message the message, returned as is by {@link #getMessage()}; never {@code null}
     * @param workflowId the workflow id; never {@code null}
     * @param runId the id of the run that closed; never {@code null}
     * @param closeType the event that closed it, such as {@link EventType#WorkflowExecutionCompleted}; never
     *     {@code null}
     */
    public WorkflowExecutionClosedException(String message, String workflowId, String runId, EventType closeType) {
        super(Objects.requireNonNull(message, "message"), workflowId, runId);
        this.closeType = Objects.requireNonNull(closeType, "closeType");
    }

    /**
     * Returns how the run closed.
     *
     * @return the type of its closing event; never {@code null}
     */
    public EventType getCloseType() {
        return closeType;
    }
}
