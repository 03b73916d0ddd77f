package dev.hourglass.internal.replay;

import dev.hourglass.workflow.CompletablePromise;
import dev.hourglass.workflow.Functions;
import dev.hourglass.workflow.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The promise of workflow code. Completion runs callbacks synchronously on the completing thread; all
 * threads of one execution run one at a time, so no locking is needed.
 */
public final class PromiseImpl<T> implements CompletablePromise<T> {

    private boolean completed;
    private T value;
    private RuntimeException failure;
    private List<Runnable> callbacks;

    /** Returns a promise completed with {@code value}. */
    public static <T> PromiseImpl<T> completed(T value) {
        PromiseImpl<T> promise = new PromiseImpl<>();
        promise.complete(value);
        return promise;
    }

    /** Returns a promise failed with {@code failure}. */
    public static <T> PromiseImpl<T> failed(RuntimeException failure) {
        PromiseImpl<T> promise = new PromiseImpl<>();
        promise.completeExceptionally(failure);
        return promise;
    }

    @Override
    public T get() {
        if (!completed) {
            WorkflowExecutor.refuseInQuery("Waiting for a promise (Promise.get, an activity or child result)");
            WorkflowThread.requireCurrent("Promise.get").yieldUntil("Promise.get", () -> completed);
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws TimeoutException {
        Objects.requireNonNull(unit, "unit");
        if (!completed) {
            WorkflowExecutor.refuseInQuery("Waiting for a promise (Promise.get)");
            WorkflowExecutor.current("Promise.get").operations().await(Duration.ofNanos(unit.toNanos(timeout)),
                    () -> completed);
            if (!completed) {
                throw new TimeoutException("the promise was not completed within " + timeout + " "
                        + unit.name().toLowerCase(Locale.ROOT) + " of workflow time");
            }
        }
        return get();
    }

    @Override
    public boolean isCompleted() {
        return completed;
    }

    @Override
    public RuntimeException getFailure() {
        return failure;
    }

    @Override
    public boolean complete(T result) {
        if (completed) {
            return false;
        }
        this.value = result;
        this.completed = true;
        fire();
        return true;
    }

    @Override
    public boolean completeExceptionally(RuntimeException error) {
        if (completed) {
            return false;
        }
        this.failure = error == null ? new NullPointerException("failure") : error;
        this.completed = true;
        fire();
        return true;
    }

    @Override
    public CompletablePromise<T> completeFrom(Promise<? extends T> source) {
        PromiseImpl<? extends T> impl = (PromiseImpl<? extends T>) source;
        impl.whenComplete(() -> {
            if (impl.failure != null) {
                completeExceptionally(impl.failure);
            } else {
                complete(impl.value);
            }
        });
        return this;
    }

    @Override
    public <U> Promise<U> thenApply(Function<? super T, ? extends U> fn) {
        return handle((result, error) -> {
            if (error != null) {
                throw error;
            }
            return fn.apply(result);
        });
    }

    @Override
    public <U> Promise<U> handle(BiFunction<? super T, RuntimeException, ? extends U> fn) {
        PromiseImpl<U> next = new PromiseImpl<>();
        whenComplete(() -> {
            try {
                next.complete(fn.apply(value, failure));
            } catch (RuntimeException e) {
                next.completeExceptionally(e);
            }
        });
        return next;
    }

    @Override
    public <U> Promise<U> thenCompose(Functions.Func1<? super T, ? extends Promise<U>> fn) {
        Objects.requireNonNull(fn, "fn");
        PromiseImpl<U> next = new PromiseImpl<>();
        whenComplete(() -> {
            if (failure != null) {
                next.completeExceptionally(failure);
                return;
            }
            Promise<U> composed;
            try {
                composed = fn.apply(value);
            } catch (RuntimeException e) {
                next.completeExceptionally(e);
                return;
            }
            if (composed == null) {
                next.completeExceptionally(new NullPointerException("the function given to Promise.thenCompose"
                        + " returned null: return a promise, such as Workflow.newPromise() completed with a value"));
                return;
            }
            next.completeFrom(composed);
        });
        return next;
    }

    @Override
    public Promise<T> exceptionally(Functions.Func1<Throwable, ? extends T> fn) {
        Objects.requireNonNull(fn, "fn");
        return handle((result, error) -> error == null ? result : fn.apply(error));
    }

    /** Runs {@code callback} once completed (at once if already). */
    public void whenComplete(Runnable callback) {
        if (completed) {
            callback.run();
            return;
        }
        if (callbacks == null) {
            callbacks = new ArrayList<>(2);
        }
        callbacks.add(callback);
    }

    private void fire() {
        List<Runnable> toRun = callbacks;
        callbacks = null;
        if (toRun != null) {
            for (Runnable callback : toRun) {
                callback.run();
            }
        }
    }

    /** See {@link Promise#allOf(java.util.Collection)}. */
    public static Promise<Void> allOf(List<? extends Promise<?>> promises) {
        PromiseImpl<Void> all = new PromiseImpl<>();
        int[] remaining = {promises.size()};
        if (promises.isEmpty()) {
            all.complete(null);
        }
        for (Promise<?> promise : promises) {
            PromiseImpl<?> impl = (PromiseImpl<?>) promise;
            impl.whenComplete(() -> {
                if (impl.failure != null) {
                    all.completeExceptionally(impl.failure);
                } else if (--remaining[0] == 0) {
                    all.complete(null);
                }
            });
        }
        return all;
    }

    /** See {@link Promise#anyOf(java.util.Collection)}. */
    public static <V> Promise<V> anyOf(List<? extends Promise<V>> promises) {
        if (promises.isEmpty()) {
            throw new IllegalArgumentException("Promise.anyOf needs at least one promise");
        }
        PromiseImpl<V> any = new PromiseImpl<>();
        for (Promise<V> promise : promises) {
            any.completeFrom(promise);
        }
        return any;
    }
}
