package dev.hourglass.client;

import dev.hourglass.workflow.Functions;
import org.apiguardian.api.API;

/**
 * The two calls of a signal-with-start, given as method references of one typed stub: its workflow method with
 * the start arguments, and a signal method with the signal arguments. Create one with
 * {@link WorkflowClient#newSignalWithStartRequest()} and send it with {@link WorkflowClient#signalWithStart}:
 *
 * <pre>{@code
 * Cart cart = client.newWorkflowStub(Cart.class,
 *         WorkflowOptions.newBuilder().setTaskQueue("shop").setWorkflowId("cart-alice").build());
 * BatchRequest request = client.newSignalWithStartRequest();
 * request.add(cart::checkout, "alice");      // the workflow method: starts the cart if it is not open
 * request.add(cart::addItem, "book");        // the signal: always delivered
 * WorkflowExecution execution = client.signalWithStart(request);
 * }</pre>
 *
 * <p>{@code add} records the call; it neither starts nor signals anything. The stub may be the typed stub of
 * any workflow interface, created with {@link WorkflowOptions}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface BatchRequest {

    /**
     * Adds a call of a typed stub's workflow or signal method without arguments.
     *
     * @param request a method reference of a typed stub, such as {@code stub::approve}; never {@code null}
     * @throws IllegalArgumentException if {@code request} does not call a workflow or signal method of a typed
     *     stub, or a call of that kind was added already
     */
    void add(Functions.Proc request);

    /** See {@link #add(Functions.Proc)}. */
    <A1> void add(Functions.Proc1<A1> request, A1 arg1);

    /** See {@link #add(Functions.Proc)}. */
    <A1, A2> void add(Functions.Proc2<A1, A2> request, A1 arg1, A2 arg2);

    /** See {@link #add(Functions.Proc)}. */
    <A1, A2, A3> void add(Functions.Proc3<A1, A2, A3> request, A1 arg1, A2 arg2, A3 arg3);

    /** See {@link #add(Functions.Proc)}. */
    <A1, A2, A3, A4> void add(Functions.Proc4<A1, A2, A3, A4> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4);

    /** See {@link #add(Functions.Proc)}. */
    <A1, A2, A3, A4, A5> void add(Functions.Proc5<A1, A2, A3, A4, A5> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4,
            A5 arg5);

    /** See {@link #add(Functions.Proc)}. */
    <A1, A2, A3, A4, A5, A6> void add(Functions.Proc6<A1, A2, A3, A4, A5, A6> request, A1 arg1, A2 arg2, A3 arg3,
            A4 arg4, A5 arg5, A6 arg6);

    /** See {@link #add(Functions.Proc)}; for a workflow method that returns a value. */
    void add(Functions.Func<?> request);

    /** See {@link #add(Functions.Func)}. */
    <A1> void add(Functions.Func1<A1, ?> request, A1 arg1);

    /** See {@link #add(Functions.Func)}. */
    <A1, A2> void add(Functions.Func2<A1, A2, ?> request, A1 arg1, A2 arg2);

    /** See {@link #add(Functions.Func)}. */
    <A1, A2, A3> void add(Functions.Func3<A1, A2, A3, ?> request, A1 arg1, A2 arg2, A3 arg3);

    /** See {@link #add(Functions.Func)}. */
    <A1, A2, A3, A4> void add(Functions.Func4<A1, A2, A3, A4, ?> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4);

    /** See {@link #add(Functions.Func)}. */
    <A1, A2, A3, A4, A5> void add(Functions.Func5<A1, A2, A3, A4, A5, ?> request, A1 arg1, A2 arg2, A3 arg3,
            A4 arg4, A5 arg5);

    /** See {@link #add(Functions.Func)}. */
    <A1, A2, A3, A4, A5, A6> void add(Functions.Func6<A1, A2, A3, A4, A5, A6, ?> request, A1 arg1, A2 arg2,
            A3 arg3, A4 arg4, A5 arg5, A6 arg6);
}
