package dev.hourglass.workflow;

import dev.hourglass.internal.replay.PromiseImpl;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /** Returns whether the promise is completed, with a value or a failure. */
    boolean isCompleted();

    /** Returns the failure of a completed promise, or {@code null} if it has none or is not completed. */
    RuntimeException getFailure();

    /** Returns a promise of {@code fn} applied to this promise's value; failures pass through. */
    <U> Promise<U> thenApply(Function<? super T, ? extends U> fn);

    /** Returns a promise of {@code fn} applied to this promise's value or failure (one of them is null). */
    <U> Promise<U> handle(BiFunction<? super T, RuntimeException, ? extends U> fn);

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
