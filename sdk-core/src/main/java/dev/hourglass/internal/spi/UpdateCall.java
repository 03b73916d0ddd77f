package dev.hourglass.internal.spi;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An update a service took for a run: the run that answers it, and futures for its acceptance and its completion. A
 * rejection completes both exceptionally with an {@link UpdateRejectedException}; a close of the run before the update
 * completed with a {@code WorkflowExecutionClosedException}; a close of the service with a
 * {@link ServiceClosedException}. An update not yet accepted when its run continues as new is carried over to the
 * next run (unless its sender named the run): {@link #execution()} then names the run that answers it.
 */
public final class UpdateCall {

    private final AtomicReference<WorkflowExecution> execution;
    private final String updateId;
    private final CompletableFuture<Void> accepted;
    private final CompletableFuture<WorkflowExecutionUpdateCompletedAttributes> completed;

    /**
     * Creates the call of an update sent to {@code execution}.
     *
     * @param execution the run the update was delivered to; never {@code null}
     * @param updateId the update's id (the client's, or the one the service assigned); never {@code null}
     * @param accepted completed when the update's {@code WorkflowExecutionUpdateAccepted} event is recorded
     * @param completed completed with the update's {@code WorkflowExecutionUpdateCompleted} event's attributes
     */
    public UpdateCall(WorkflowExecution execution, String updateId, CompletableFuture<Void> accepted,
            CompletableFuture<WorkflowExecutionUpdateCompletedAttributes> completed) {
        this(new AtomicReference<>(Objects.requireNonNull(execution, "execution")), updateId, accepted, completed);
    }

    private UpdateCall(AtomicReference<WorkflowExecution> execution, String updateId,
            CompletableFuture<Void> accepted, CompletableFuture<WorkflowExecutionUpdateCompletedAttributes> completed) {
        this.execution = execution;
        this.updateId = Objects.requireNonNull(updateId, "updateId");
        this.accepted = Objects.requireNonNull(accepted, "accepted");
        this.completed = Objects.requireNonNull(completed, "completed");
    }

    /**
     * A call of the same update with other futures (which a wrapping service completes from this call's), that
     * follows this call's run when the update is carried over.
     */
    public UpdateCall relayedTo(CompletableFuture<Void> relayedAccepted,
            CompletableFuture<WorkflowExecutionUpdateCompletedAttributes> relayedCompleted) {
        return new UpdateCall(execution, updateId, relayedAccepted, relayedCompleted);
    }

    /** The run that answers the update: the one it was sent to, or the run it was carried over to. */
    public WorkflowExecution execution() {
        return execution.get();
    }

    /** The update was carried over to {@code next}, the run that continues the one it was sent to. */
    public void carriedOverTo(WorkflowExecution next) {
        execution.set(Objects.requireNonNull(next, "next"));
    }

    /** The update's id; never {@code null}. */
    public String updateId() {
        return updateId;
    }

    /** Completed when the update's {@code WorkflowExecutionUpdateAccepted} event is recorded. */
    public CompletableFuture<Void> accepted() {
        return accepted;
    }

    /** Completed with the update's {@code WorkflowExecutionUpdateCompleted} event's attributes. */
    public CompletableFuture<WorkflowExecutionUpdateCompletedAttributes> completed() {
        return completed;
    }

    @Override
    public String toString() {
        return "UpdateCall[" + updateId + " of " + execution() + "]";
    }
}
