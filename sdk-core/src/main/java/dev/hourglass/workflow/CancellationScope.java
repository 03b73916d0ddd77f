package dev.hourglass.workflow;

import dev.hourglass.internal.replay.CancellationScopeImpl;
import org.apiguardian.api.API;

/**
 * A region of workflow code that can be canceled as a whole: timers, activities, awaits and child scopes
 * started inside it are canceled with it.
 *
 * <p>Canceling a scope makes blocked {@link Workflow#await} calls in it throw
 * {@link dev.hourglass.failure.CanceledFailure}, fails its pending timers with {@code CanceledFailure} and
 * its pending activities with an {@link dev.hourglass.failure.ActivityFailure} caused by one. When the
 * whole workflow is canceled, its root scope is. A detached scope
 * ({@link Workflow#newDetachedCancellationScope}) is not canceled with its parent, which makes it the
 * place for cleanup after cancellation.
 *
 * <pre>{@code
 * CancellationScope scope = Workflow.newCancellationScope(() -> Workflow.sleep(Duration.ofDays(1)));
 * Workflow.async(() -> { Workflow.sleep(Duration.ofHours(1)); scope.cancel(); return null; });
 * scope.run();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CancellationScope extends Runnable {

    /** Runs the scope's code in the calling workflow thread, with this scope as the current one. */
    @Override
    void run();

    /** Requests cancellation of everything in this scope and its non-detached child scopes. */
    void cancel();

    /** Requests cancellation, giving a reason that {@link #getCancellationRequest()} returns. */
    void cancel(String reason);

    /** Returns whether cancellation of this scope (or a non-detached ancestor) has been requested. */
    boolean isCancelRequested();

    /** Returns a promise completed with the reason (possibly {@code null}) once cancellation is requested. */
    Promise<String> getCancellationRequest();

    /** Returns whether this scope ignores cancellation of its parent. */
    boolean isDetached();

    /** Returns the scope the calling workflow thread runs in; never {@code null} in workflow code. */
    static CancellationScope current() {
        return CancellationScopeImpl.current();
    }
}
