package dev.hourglass.internal.client;

import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowUpdateException;
import dev.hourglass.client.WorkflowUpdateHandle;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.HourglassFailure;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRejectedException;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The client's side of an update the service took: waits for the stage asked for and turns the outcome into the
 * handler's result or a {@link WorkflowUpdateException}.
 *
 * @param <R> the result type
 */
final class WorkflowUpdates<R> implements WorkflowUpdateHandle<R> {

    private final UpdateCall call;
    private final String updateId;
    private final String updateName;
    private final PayloadConverter converter;
    private final Class<R> resultType;
    private final Type genericResultType;

    WorkflowUpdates(UpdateCall call, String updateName, PayloadConverter converter, Class<R> resultType,
            Type genericResultType) {
        this.call = call;
        this.updateId = call.updateId();
        this.updateName = updateName;
        this.converter = converter;
        this.resultType = resultType;
        this.genericResultType = genericResultType;
    }

    /** Waits until the update reached {@code options}' stage and returns its handle. */
    WorkflowUpdateHandle<R> waitFor(UpdateOptions options) {
        CompletableFuture<?> stage = options.getWaitForStage() == WorkflowUpdateStage.COMPLETED
                ? call.completed() : call.accepted();
        await(stage);
        return this;
    }

    @Override
    public String getId() {
        return updateId;
    }

    @Override
    public WorkflowExecution getExecution() {
        return call.execution();
    }

    @Override
    public R getResult() {
        return decode(await(call.completed()));
    }

    @Override
    public CompletableFuture<R> getResultAsync() {
        CompletableFuture<R> result = new CompletableFuture<>();
        call.completed().whenComplete((completed, failure) -> {
            try {
                if (failure != null) {
                    throw outcome(failure instanceof CompletionException ? failure.getCause() : failure);
                }
                result.complete(decode(completed));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw outcome(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for update '" + updateName + "' of "
                    + call.execution(), e);
        }
    }

    private R decode(WorkflowExecutionUpdateCompletedAttributes completed) {
        if (completed.isFailure()) {
            Throwable cause = FailureConverter.fromJson(JsonPayload.node(completed.failure()), converter);
            throw new WorkflowUpdateException(call.execution(), updateId, updateName, "update '" + updateName
                    + "' (id " + updateId + ") of " + call.execution() + " failed in its handler: "
                    + messageOf(cause), cause);
        }
        return converter.fromJson(JsonPayload.node(completed.result()), resultType, genericResultType,
                "the result of update " + updateName + " of workflow " + call.execution().getWorkflowId());
    }

    private static String messageOf(Throwable cause) {
        return cause instanceof HourglassFailure failure ? failure.getOriginalMessage() : cause.getMessage();
    }

    /** What the caller gets for a failed future: a rejection becomes a {@link WorkflowUpdateException}. */
    private RuntimeException outcome(Throwable failure) {
        if (failure instanceof UpdateRejectedException rejected) {
            Throwable cause = FailureConverter.fromJson(JsonPayload.node(rejected.failure()), converter);
            return new WorkflowUpdateException(call.execution(), updateId, updateName, "update '" + updateName
                    + "' (id " + updateId + ") of " + call.execution() + " was rejected: " + messageOf(cause)
                    + "; no event records it and the workflow did not change", cause);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("update '" + updateName + "' of " + call.execution() + " failed", failure);
    }
}
