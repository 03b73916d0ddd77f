package dev.hourglass.internal.spi;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import java.util.concurrent.CompletableFuture;

/**
 * An update a service took for a run: the run, and futures for its acceptance and its completion. A rejection
 * completes both exceptionally with an {@link UpdateRejectedException}; a close of the run before the update completed
 * with a {@code WorkflowExecutionClosedException}; a close of the service with a {@link ServiceClosedException}.
 *
 * @param execution the run the update was delivered to; never {@code null}
 * @param updateId the update's id (the client's, or the one the service assigned); never {@code null}
 * @param accepted completed when the update's {@code WorkflowExecutionUpdateAccepted} event is recorded
 * @param completed completed with the update's {@code WorkflowExecutionUpdateCompleted} event's attributes
 */
public record UpdateCall(WorkflowExecution execution, String updateId, CompletableFuture<Void> accepted,
        CompletableFuture<WorkflowExecutionUpdateCompletedAttributes> completed) {
}
