package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import org.apiguardian.api.API;

/**
 * Thrown when a query cannot be answered: the workflow has no handler for it, the handler threw, or the
 * result could not be converted.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowQueryException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String queryType;

    /**
     * Creates the exception.
     *
     * @param execution the execution queried; may be {@code null} if unknown
     * @param queryType the query type; may be {@code null} if unknown
     * @param message the message, returned as is by {@link #getMessage()}; may be {@code null}
     * @param cause the cause, such as the exception the handler threw; may be {@code null}
     */
    public WorkflowQueryException(WorkflowExecution execution, String queryType, String message, Throwable cause) {
        super(message, execution, null, cause);
        this.queryType = queryType;
    }

    /**
     * Returns the execution queried.
     *
     * @return the execution; may be {@code null} if unknown
     */
    @Override
    public WorkflowExecution getExecution() {
        return super.getExecution();
    }

    /**
     * Returns the query type.
     *
     * @return the query type; may be {@code null} if unknown
     */
    public String getQueryType() {
        return queryType;
    }
}
