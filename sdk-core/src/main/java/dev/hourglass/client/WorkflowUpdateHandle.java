package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * An update sent with {@link WorkflowStub#startUpdate}: its id, and its result once the handler returns.
 *
 * @param <R> the result type
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowUpdateHandle<R> {

    /**
     * Returns the update's id: the one set with {@link UpdateOptions.Builder#setUpdateId}, or a generated one.
     *
     * @return the id; never {@code null}
     */
    String getId();

    /**
     * Returns the run that answers the update: the one it was sent to, or, when that run continued as new before it
     * accepted the update, the run that continues it, to which the update was carried over.
     *
     * @return the execution; never {@code null}
     */
    WorkflowExecution getExecution();

    /**
     * Waits for the handler to return and returns its result.
     *
     * @return the result; {@code null} for a {@code void} handler
     * @throws WorkflowUpdateException if the update was rejected or its handler threw an {@code ApplicationFailure}
     * @throws WorkflowExecutionClosedException if the run closed before the handler returned
     */
    R getResult();

    /**
     * Returns a future completed with the handler's result, or exceptionally with what {@link #getResult()} throws.
     *
     * @return the future; never {@code null}
     */
    CompletableFuture<R> getResultAsync();
}
