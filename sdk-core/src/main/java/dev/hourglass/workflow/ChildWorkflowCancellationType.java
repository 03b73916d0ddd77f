package dev.hourglass.workflow;

import org.apiguardian.api.API;

/**
 * What canceling the cancellation scope of a started child workflow does, set with
 * {@link ChildWorkflowOptions.Builder#setCancellationType(ChildWorkflowCancellationType)}.
 *
 * <p>A child asked to cancel receives a {@code WorkflowExecutionCancelRequested} event: its root cancellation
 * scope is canceled, so its timers, activities and own children are canceled as their options say, and it may
 * clean up before it ends (canceled, or any other way). The types differ in what the parent asks and how long
 * its code waits:
 *
 * <pre>{@code
 * Shipment shipment = Workflow.newChildWorkflowStub(Shipment.class, ChildWorkflowOptions.newBuilder()
 *     .setWorkflowId("shipment-" + orderId)
 *     .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED)
 *     .build());
 * List<Promise<String>> shipped = new ArrayList<>();
 * CancellationScope scope = Workflow.newCancellationScope(() -> shipped.add(Workflow.async(shipment::ship, order)));
 * scope.run();
 * scope.cancel();      // the child is asked to cancel
 * shipped.get(0).get(); // throws CanceledFailure once the child has received the request
 * }</pre>
 *
 * <p>As in Temporal, a parent that stops waiting before the child closes ({@link #ABANDON}, {@link #TRY_CANCEL},
 * {@link #WAIT_CANCELLATION_REQUESTED}) sees a {@link dev.hourglass.failure.CanceledFailure}; a parent that waits
 * for a child that then ends canceled ({@link #WAIT_CANCELLATION_COMPLETED}) sees a
 * {@link dev.hourglass.failure.ChildWorkflowFailure} caused by a {@code CanceledFailure}. A scope canceled before
 * the child is started records no start at all, and the parent sees a {@code ChildWorkflowFailure} caused by a
 * {@code CanceledFailure}, whatever the type.
 *
 * <p>The type is recorded with the cancel request, so replaying a history with code whose child has another
 * cancellation type fails with a {@link dev.hourglass.failure.NonDeterministicException}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ChildWorkflowCancellationType {

    /**
     * Requests cancellation of the child and waits until it closes: the parent's code fails with a
     * {@code ChildWorkflowFailure} caused by a {@code CanceledFailure} once the child ends canceled (a
     * {@code ChildWorkflowExecutionCanceled} event), or gets the child's result or failure if it ends another
     * way. The default.
     */
    WAIT_CANCELLATION_COMPLETED,

    /**
     * Requests cancellation of the child and fails the parent's code with a {@code CanceledFailure} once the
     * request has reached the child (a {@code ChildWorkflowExecutionCancelRequested} event), without waiting for
     * the child to close. If the child closes before the request reaches it, the parent's code gets its outcome.
     */
    WAIT_CANCELLATION_REQUESTED,

    /**
     * Requests cancellation of the child and fails the parent's code with a {@code CanceledFailure} at once. What
     * the child does afterwards is recorded in the parent's history but no longer reaches its code.
     */
    TRY_CANCEL,

    /**
     * Does not request cancellation: the parent's code fails with a {@code CanceledFailure} at once, and the child
     * runs on, unaware; its outcome is recorded in the parent's history but no longer reaches its code. (A parent
     * that closes still asks its open children to cancel.)
     */
    ABANDON
}
