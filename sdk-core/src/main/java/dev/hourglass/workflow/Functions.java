package dev.hourglass.workflow;

import org.apiguardian.api.API;

/**
 * Functional interfaces of 0 to 6 arguments, with and without a result, used where workflow APIs take a
 * lambda or a method reference, such as {@code Workflow.async(..)} and {@code WorkflowClient.start(..)}.
 *
 * <p>None declares a checked exception.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Functions {

    private Functions() {}

    /**
     * An action that takes no argument and returns nothing.
     *
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Proc {

        /**
         * Performs the action.
         */
        void apply();
    }

    /**
     * An action that takes one argument and returns nothing.
     *
     * @param <A1> the type of the first argument
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Proc1<A1> {

        /**
         * Performs the action.
         *
         * @param arg1 the first argument
         */
        void apply(A1 arg1);
    }

    /**
     * An action that takes 2 arguments and returns nothing.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Proc2<A1, A2> {

        /**
         * Performs the action.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         */
        void apply(A1 arg1, A2 arg2);
    }

    /**
     * An action that takes 3 arguments and returns nothing.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Proc3<A1, A2, A3> {

        /**
         * Performs the action.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         */
        void apply(A1 arg1, A2 arg2, A3 arg3);
    }

    /**
     * An action that takes 4 arguments and returns nothing.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @param <A4> the type of the fourth argument
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Proc4<A1, A2, A3, A4> {

        /**
         * Performs the action.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         * @param arg4 the fourth argument
         */
        void apply(A1 arg1, A2 arg2, A3 arg3, A4 arg4);
    }

    /**
     * An action that takes 5 arguments and returns nothing.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @param <A4> the type of the fourth argument
     * @param <A5> the type of the fifth argument
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Proc5<A1, A2, A3, A4, A5> {

        /**
         * Performs the action.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         * @param arg4 the fourth argument
         * @param arg5 the fifth argument
         */
        void apply(A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5);
    }

    /**
     * An action that takes 6 arguments and returns nothing.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @param <A4> the type of the fourth argument
     * @param <A5> the type of the fifth argument
     * @param <A6> the type of the sixth argument
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Proc6<A1, A2, A3, A4, A5, A6> {

        /**
         * Performs the action.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         * @param arg4 the fourth argument
         * @param arg5 the fifth argument
         * @param arg6 the sixth argument
         */
        void apply(A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6);
    }

    /**
     * A function that takes no argument and returns a result.
     *
     * @param <R> the type of the result
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Func<R> {

        /**
         * Applies the function.
         *
         * @return the result; may be {@code null}
         */
        R apply();
    }

    /**
     * A function that takes one argument and returns a result.
     *
     * @param <A1> the type of the first argument
     * @param <R> the type of the result
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Func1<A1, R> {

        /**
         * Applies the function.
         *
         * @param arg1 the first argument
         * @return the result; may be {@code null}
         */
        R apply(A1 arg1);
    }

    /**
     * A function that takes 2 arguments and returns a result.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <R> the type of the result
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Func2<A1, A2, R> {

        /**
         * Applies the function.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @return the result; may be {@code null}
         */
        R apply(A1 arg1, A2 arg2);
    }

    /**
     * A function that takes 3 arguments and returns a result.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @param <R> the type of the result
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Func3<A1, A2, A3, R> {

        /**
         * Applies the function.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         * @return the result; may be {@code null}
         */
        R apply(A1 arg1, A2 arg2, A3 arg3);
    }

    /**
     * A function that takes 4 arguments and returns a result.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @param <A4> the type of the fourth argument
     * @param <R> the type of the result
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Func4<A1, A2, A3, A4, R> {

        /**
         * Applies the function.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         * @param arg4 the fourth argument
         * @return the result; may be {@code null}
         */
        R apply(A1 arg1, A2 arg2, A3 arg3, A4 arg4);
    }

    /**
     * A function that takes 5 arguments and returns a result.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @param <A4> the type of the fourth argument
     * @param <A5> the type of the fifth argument
     * @param <R> the type of the result
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Func5<A1, A2, A3, A4, A5, R> {

        /**
         * Applies the function.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         * @param arg4 the fourth argument
         * @param arg5 the fifth argument
         * @return the result; may be {@code null}
         */
        R apply(A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5);
    }

    /**
     * A function that takes 6 arguments and returns a result.
     *
     * @param <A1> the type of the first argument
     * @param <A2> the type of the second argument
     * @param <A3> the type of the third argument
     * @param <A4> the type of the fourth argument
     * @param <A5> the type of the fifth argument
     * @param <A6> the type of the sixth argument
     * @param <R> the type of the result
     * @since 0.1
     */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Func6<A1, A2, A3, A4, A5, A6, R> {

        /**
         * Applies the function.
         *
         * @param arg1 the first argument
         * @param arg2 the second argument
         * @param arg3 the third argument
         * @param arg4 the fourth argument
         * @param arg5 the fifth argument
         * @param arg6 the sixth argument
         * @return the result; may be {@code null}
         */
        R apply(A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6);
    }
}
