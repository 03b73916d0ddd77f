package dev.hourglass.workflow;

import org.apiguardian.api.API;

/**
 * A {@link Promise} that workflow code completes itself, for example from a signal handler.
 *
 * <pre>{@code
 * CompletablePromise<String> approval = Workflow.newPromise();
 * // in a signal handler: approval.complete(approver);
 * String approver = approval.get();
 * }</pre>
 *
 * @param <T> the value type
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CompletablePromise<T> extends Promise<T> {

    /** Completes with a value (which may be {@code null}); returns {@code false} if already completed. */
    boolean complete(T value);

    /** Completes with a failure; returns {@code false} if already completed. */
    boolean completeExceptionally(RuntimeException failure);

    /** Completes like {@code source} once it completes; returns this promise. */
    CompletablePromise<T> completeFrom(Promise<? extends T> source);
}
