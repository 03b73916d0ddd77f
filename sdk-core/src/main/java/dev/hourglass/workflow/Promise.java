package dev.hourglass.workflow;

import dev.hourglass.internal.replay.PromiseImpl;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The result of an asynchronous operation in workflow code: an activity, a timer, a child workflow or an
 * {@link Workflow#async} function.
 *
 * <p>Unlike {@link java.util.concurrent.Future}, waiting on a promise is deterministic: {@link #get()}
 * blocks the calling workflow thread inside the Hourglass runtime, which replays it identically.
 *
 * <pre>{@code
 * Promise<String> a = Workflow.async(activities::reserve, "a");
 * Promise<String> b = Workflow.async(activities::reserve, "b");
 * Promise.allOf(a, b).get();
 * }</pre>
 *
 * @param <T> the value type; may be {@link Void}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Promise<T> {

    /**
     * Waits until the promise is completed and returns its value, or throws its failure.
     *
     * @return the value, which may be {@code null}
     */
    T get();

    /**
     * Waits at most {@code timeout} of workflow time until the promise is completed, and returns its value or
     * throws its failure.
     *
     * <p>If the promise is not completed yet, the wait is a durable timer, as in
     * {@link Workflow#await(java.time.Duration, java.util.function.Supplier)}: a {@code TimerStarted} event is
     * recorded, and canceled ({@code TimerCanceled}) when the promise completes first. The wait therefore takes
     * virtual time in the test environment and replays identically. A promise already completed returns at once
     * and records nothing.
     *
     * @param timeout how long to wait, in {@code unit}; zero or less waits for no time (and records no timer)
     * @param unit the unit of {@code timeout}; must not be {@code null}
     * @return the value, which may be {@code null}
     * @throws TimeoutException if the promise is still not completed when the timeout passes
     * @throws dev.hourglass.failure.CanceledFailure if the current cancellation scope is canceled while waiting
     * @since 0.1
     */
    T get(long timeout, TimeUnit unit) throws TimeoutException;

    /** Returns whether the promise is completed, with a value or a failure. */
    boolean isCompleted();

    /** Returns the failure of a completed promise, or {@code null} if it has none or is not completed. */
    RuntimeException getFailure();

    /** Returns a promise of {@code fn} applied to this promise's value; failures pass through. */
    <U> Promise<U> thenApply(Function<? super T, ? extends U> fn);

    /** Returns a promise of {@code fn} applied to this promise's value or failure (one of them is null). */
    <U> Promise<U> handle(BiFunction<? super T, RuntimeException, ? extends U> fn);

    /**
     * Returns a promise completed like the promise that {@code fn} returns for this promise's value: for chaining
     * one asynchronous step after another. A failure of this promise, or one thrown by {@code fn}, passes through.
     *
     * <pre>{@code
     * Promise<Receipt> receipt = Workflow.async(activities::reserve, item)
     *         .thenCompose(reservation -> Workflow.async(activities::charge, reservation));
     * }</pre>
     *
     * @param fn returns the next promise; must not be {@code null}, nor return {@code null}
     * @return the promise of the composed result, never {@code null}
     * @since 0.1
     */
    <U> Promise<U> thenCompose(Functions.Func1<? super T, ? extends Promise<U>> fn);

    /**
     * Returns a promise completed with this promise's value, or, if this promise fails, with what {@code fn}
     * returns for the failure. A failure thrown by {@code fn} fails the returned promise.
     *
     * @param fn turns the failure into a value; must not be {@code null}
     * @return the recovered promise, never {@code null}
     * @since 0.1
     */
    Promise<T> exceptionally(Functions.Func1<Throwable, ? extends T> fn);

    /** Returns a promise completed when all given promises are; it fails with the first failure among them. */
    static Promise<Void> allOf(Promise<?>... promises) {
        return allOf(Arrays.asList(promises));
    }

    /** Returns a promise completed when all given promises are; it fails with the first failure among them. */
    static Promise<Void> allOf(Collection<? extends Promise<?>> promises) {
        return PromiseImpl.allOf(List.copyOf(promises));
    }

    /** Returns a promise completed like the first of the given promises to complete. */
    @SafeVarargs
    static <V> Promise<V> anyOf(Promise<V>... promises) {
        return anyOf(Arrays.asList(promises));
    }

    /** Returns a promise completed like the first of the given promises to complete. */
    static <V> Promise<V> anyOf(Collection<? extends Promise<V>> promises) {
        return PromiseImpl.anyOf(List.copyOf(promises));
    }
}
