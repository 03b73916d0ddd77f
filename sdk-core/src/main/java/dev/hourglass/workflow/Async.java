package dev.hourglass.workflow;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Starts workflow code asynchronously and hands back its {@link Promise}: the name under which Temporal's Java SDK
 * offers {@link Workflow#async}, so that ported workflow code compiles unchanged. Each call runs the function in
 * a new workflow thread, deterministically scheduled like every workflow thread; called with a method of an
 * activity or child workflow stub, it starts that activity or child without blocking the caller:
 *
 * <pre>{@code
 * Promise<String> withdrawn = Async.function(accounts::withdraw, "alice", 100L);
 * Promise<String> deposited = Async.function(accounts::deposit, "bob", 100L);
 * Promise.allOf(withdrawn, deposited).get();
 * }</pre>
 *
 * <p>Call it from workflow code only, like every method of {@link Workflow}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Async {

    private Async() {
    }

    /** Runs {@code function} in a new workflow thread; the promise holds its result or failure. */
    public static <R> Promise<R> function(Functions.Func<R> function) {
        Objects.requireNonNull(function, "function");
        return Workflow.async(() -> function.apply());
    }

    /** Runs {@code function} with one argument in a new workflow thread; the promise holds its result or failure. */
    public static <A1, R> Promise<R> function(Functions.Func1<A1, R> function, A1 arg1) {
        Objects.requireNonNull(function, "function");
        return Workflow.async(() -> function.apply(arg1));
    }

    /** Runs {@code function} with 2 arguments in a new workflow thread; the promise holds its result or failure. */
    public static <A1, A2, R> Promise<R> function(Functions.Func2<A1, A2, R> function, A1 arg1, A2 arg2) {
        Objects.requireNonNull(function, "function");
        return Workflow.async(() -> function.apply(arg1, arg2));
    }

    /** Runs {@code function} with 3 arguments in a new workflow thread; the promise holds its result or failure. */
    public static <A1, A2, A3, R> Promise<R> function(Functions.Func3<A1, A2, A3, R> function, A1 arg1, A2 arg2,
            A3 arg3) {
        Objects.requireNonNull(function, "function");
        return Workflow.async(() -> function.apply(arg1, arg2, arg3));
    }

    /** Runs {@code function} with 4 arguments in a new workflow thread; the promise holds its result or failure. */
    public static <A1, A2, A3, A4, R> Promise<R> function(Functions.Func4<A1, A2, A3, A4, R> function, A1 arg1, A2 arg2,
            A3 arg3, A4 arg4) {
        Objects.requireNonNull(function, "function");
        return Workflow.async(() -> function.apply(arg1, arg2, arg3, arg4));
    }

    /** Runs {@code function} with 5 arguments in a new workflow thread; the promise holds its result or failure. */
    public static <A1, A2, A3, A4, A5, R> Promise<R> function(Functions.Func5<A1, A2, A3, A4, A5, R> function, A1 arg1,
            A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        Objects.requireNonNull(function, "function");
        return Workflow.async(() -> function.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** Runs {@code function} with 6 arguments in a new workflow thread; the promise holds its result or failure. */
    public static <A1, A2, A3, A4, A5, A6, R> Promise<R> function(Functions.Func6<A1, A2, A3, A4, A5, A6, R> function,
            A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        Objects.requireNonNull(function, "function");
        return Workflow.async(() -> function.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    /** Runs {@code procedure} in a new workflow thread; the promise completes when it returns. */
    public static Promise<Void> procedure(Functions.Proc procedure) {
        Objects.requireNonNull(procedure, "procedure");
        return Workflow.async(() -> procedure.apply());
    }

    /** Runs {@code procedure} with one argument in a new workflow thread; the promise completes when it returns. */
    public static <A1> Promise<Void> procedure(Functions.Proc1<A1> procedure, A1 arg1) {
        Objects.requireNonNull(procedure, "procedure");
        return Workflow.async(() -> procedure.apply(arg1));
    }

    /** Runs {@code procedure} with 2 arguments in a new workflow thread; the promise completes when it returns. */
    public static <A1, A2> Promise<Void> procedure(Functions.Proc2<A1, A2> procedure, A1 arg1, A2 arg2) {
        Objects.requireNonNull(procedure, "procedure");
        return Workflow.async(() -> procedure.apply(arg1, arg2));
    }

    /** Runs {@code procedure} with 3 arguments in a new workflow thread; the promise completes when it returns. */
    public static <A1, A2, A3> Promise<Void> procedure(Functions.Proc3<A1, A2, A3> procedure, A1 arg1, A2 arg2,
            A3 arg3) {
        Objects.requireNonNull(procedure, "procedure");
        return Workflow.async(() -> procedure.apply(arg1, arg2, arg3));
    }

    /** Runs {@code procedure} with 4 arguments in a new workflow thread; the promise completes when it returns. */
    public static <A1, A2, A3, A4> Promise<Void> procedure(Functions.Proc4<A1, A2, A3, A4> procedure, A1 arg1, A2 arg2,
            A3 arg3, A4 arg4) {
        Objects.requireNonNull(procedure, "procedure");
        return Workflow.async(() -> procedure.apply(arg1, arg2, arg3, arg4));
    }

    /** Runs {@code procedure} with 5 arguments in a new workflow thread; the promise completes when it returns. */
    public static <A1, A2, A3, A4, A5> Promise<Void> procedure(Functions.Proc5<A1, A2, A3, A4, A5> procedure, A1 arg1,
            A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        Objects.requireNonNull(procedure, "procedure");
        return Workflow.async(() -> procedure.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** Runs {@code procedure} with 6 arguments in a new workflow thread; the promise completes when it returns. */
    public static <A1, A2, A3, A4, A5, A6> Promise<Void> procedure(Functions.Proc6<A1, A2, A3, A4, A5, A6> procedure,
            A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        Objects.requireNonNull(procedure, "procedure");
        return Workflow.async(() -> procedure.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }
}
