package dev.hourglass.testing.faults;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;

/**
 * How a call ended: a result, or a failure. Lets a fuzz body say "a result, or a failure of the expected kind",
 * the usual invariant of a workflow under faults.
 *
 * <pre>{@code
 * Outcome<String> outcome = Outcome.of(() -> transfer.transfer(request))
 *         .assertResultOrFailure(ActivityFailure.class); // anything else fails the trial
 * }</pre>
 *
 * @param <T> the type of the result
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Outcome<T> {

    private final T result;
    private final Exception failure;

    private Outcome(T result, Exception failure) {
        this.result = result;
        this.failure = failure;
    }

    /**
     * Calls {@code call} and returns how it ended; an {@link Error} (an {@link AssertionError} among them) is not
     * caught.
     *
     * @param call the call; never {@code null}
     * @param <T> the type of its result
     * @return the outcome; never {@code null}
     */
    public static <T> Outcome<T> of(Callable<T> call) {
        Objects.requireNonNull(call, "call");
        try {
            return new Outcome<>(call.call(), null);
        } catch (Exception e) {
            return new Outcome<>(null, e);
        }
    }

    /** Whether the call returned. */
    public boolean isResult() {
        return failure == null;
    }

    /** What the call returned ({@code null} when it threw, or returned {@code null}). */
    public T getResult() {
        return result;
    }

    /** What the call threw, or {@code null}. */
    public Exception getFailure() {
        return failure;
    }

    /**
     * Whether the call threw an exception with one of {@code types} in its cause chain, itself included.
     *
     * @param types the types; never {@code null}
     * @return false when the call returned
     */
    @SafeVarargs
    public final boolean failedWith(Class<? extends Throwable>... types) {
        Objects.requireNonNull(types, "types");
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (Objects.requireNonNull(type, "types[]").isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Throws unless the call returned or threw an exception with one of {@code types} in its cause chain.
     *
     * @param types the expected kinds of failure; never {@code null}
     * @return this outcome
     * @throws AssertionError naming the unexpected failure, with it as the cause
     */
    @SafeVarargs
    public final Outcome<T> assertResultOrFailure(Class<? extends Throwable>... types) {
        if (isResult() || failedWith(types)) {
            return this;
        }
        throw new AssertionError("Expecting a result or a failure caused by one of "
                + Arrays.stream(types).map(Class::getSimpleName).toList() + ", but the call threw " + failure,
                failure);
    }

    @Override
    public String toString() {
        return isResult() ? "result " + result : "failure " + failure;
    }
}
