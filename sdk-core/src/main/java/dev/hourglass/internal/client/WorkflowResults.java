package dev.hourglass.internal.client;

import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.lang.reflect.Type;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the result of a workflow execution: follows its continue-as-new runs to the last, and decodes how it closed. */
final class WorkflowResults {

    private final WorkflowServiceSpi service;
    private final PayloadConverter converter;

    WorkflowResults(WorkflowServiceSpi service, PayloadConverter converter) {
        this.service = service;
        this.converter = converter;
    }

    /**
     * The future of the result of {@code started}'s last run; a caller that stops waiting (cancels, or times out)
     * ends the wait on the service too.
     */
    <R> CompletableFuture<R> await(WorkflowExecution started, Class<R> resultType, Type genericResultType) {
        CompletableFuture<History> last = awaitRun(started.getWorkflowId(), started.getRunId());
        CompletableFuture<R> result = last.thenApply(closed -> decode(closed, resultType, genericResultType));
        result.whenComplete((value, failure) -> {
            if (failure != null) {
                last.cancel(false);
            }
        });
        return result;
    }

    static TimeoutException timedOut(WorkflowExecution execution, long timeout, TimeUnit unit) {
        return new TimeoutException("workflow " + execution.getWorkflowId() + " did not close within " + timeout
                + " " + unit.toString().toLowerCase(java.util.Locale.ROOT) + " of waiting; it is still running:"
                + " wait again with getResult, or look at what it waits for with describe()");
    }

    /**
     * Follows continue-as-new runs to the last run's closed history. Runs closed already are followed in a
     * loop, and a run still open is waited for with a callback that goes on from there, so that a chain of any
     * length costs neither a stack frame nor a nested future per run.
     */
    private CompletableFuture<History> awaitRun(String workflowId, String runId) {
        CompletableFuture<History> last = new CompletableFuture<>();
        follow(workflowId, runId, last);
        return last;
    }

    private void follow(String workflowId, String runId, CompletableFuture<History> last) {
        String run = runId;
        while (run != null) {
            CompletableFuture<History> closed;
            try {
                closed = service.awaitClose(workflowId, run);
            } catch (RuntimeException e) {
                last.completeExceptionally(e);
                return;
            }
            if (!closed.isDone()) {
                CompletableFuture<History> waiting = closed;
                last.whenComplete((history, failure) -> {
                    if (failure != null) {
                        waiting.cancel(false); // the caller stopped waiting
                    }
                });
                closed.whenComplete((history, failure) -> {
                    if (failure != null) {
                        last.completeExceptionally(failure);
                    } else {
                        String next = continuedAs(history);
                        if (next == null) {
                            last.complete(history);
                        } else {
                            follow(workflowId, next, last);
                        }
                    }
                });
                return;
            }
            History history;
            try {
                history = closed.join();
            } catch (CompletionException | CancellationException e) {
                last.completeExceptionally(e.getCause() != null ? e.getCause() : e);
                return;
            }
            run = continuedAs(history);
            if (run == null) {
                last.complete(history);
            }
        }
    }

    /**
     * The run a closed run continued as, or the next run of its cron schedule; {@code null} if it closed otherwise.
     */
    private static String continuedAs(History closed) {
        EventAttributes last = closed.getLastEvent().getAttributes();
        if (last instanceof WorkflowExecutionCompletedAttributes completed) {
            return completed.newExecutionRunId();
        }
        if (last instanceof WorkflowExecutionFailedAttributes failed) {
            return failed.newExecutionRunId();
        }
        return last instanceof WorkflowExecutionContinuedAsNewAttributes
                ? ((WorkflowExecutionContinuedAsNewAttributes) last).newRunId() : null;
    }

    private <R> R decode(History closed, Class<R> resultType, Type genericResultType) {
        HistoryEvent last = closed.getLastEvent();
        WorkflowExecution run = new WorkflowExecution(closed.getWorkflowId(), closed.getRunId());
        switch (last.getEventType()) {
            case WorkflowExecutionCompleted:
                return converter.fromJson(JsonPayload.node(
                        last.getAttributes(WorkflowExecutionCompletedAttributes.class).result()), resultType,
                        genericResultType, "the result of workflow " + closed.getWorkflowType() + " (workflowId="
                        + closed.getWorkflowId() + ", runId=" + closed.getRunId() + ")");
            case WorkflowExecutionFailed:
                throw new WorkflowFailedException(run, closed.getWorkflowType(), FailureConverter.fromJson(
                        JsonPayload.node(last.getAttributes(WorkflowExecutionFailedAttributes.class).failure()),
                        converter));
            case WorkflowExecutionCanceled:
                throw new WorkflowFailedException(run, closed.getWorkflowType(),
                        new CanceledFailure("workflow execution canceled"));
            case WorkflowExecutionTerminated:
                throw new WorkflowFailedException(run, closed.getWorkflowType(),
                        new TerminatedFailure(last.getAttributes(WorkflowExecutionTerminatedAttributes.class).reason()));
            case WorkflowExecutionTimedOut:
                throw new WorkflowFailedException(run, closed.getWorkflowType(), new TimeoutFailure(
                        "workflow execution timed out", null, TimeoutType.WORKFLOW_EXECUTION));
            default:
                throw new IllegalStateException("run " + run + " closed with unexpected event " + last);
        }
    }
}
