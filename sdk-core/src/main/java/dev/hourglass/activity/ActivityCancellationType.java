package dev.hourglass.activity;

import org.apiguardian.api.API;

/**
 * What canceling the cancellation scope of a running activity does, set with
 * {@link ActivityOptions.Builder#setCancellationType(ActivityCancellationType)}.
 *
 * <p>Whatever the type, the waiting workflow code sees the cancellation as an
 * {@link dev.hourglass.failure.ActivityFailure} whose cause is a {@link dev.hourglass.failure.CanceledFailure}
 * (unless, with {@link #WAIT_CANCELLATION_COMPLETED}, the activity completes or fails first). An activity learns
 * of a cancellation request from its next {@link ActivityExecutionContext#heartbeat(Object) heartbeat}, which
 * throws {@link dev.hourglass.client.ActivityCanceledException}; an activity that does not heartbeat is not told, and runs to its end.
 *
 * <pre>{@code
 * Inventory inventory = Workflow.newActivityStub(Inventory.class, ActivityOptions.newBuilder()
 *     .setStartToCloseTimeout(Duration.ofMinutes(10))
 *     .setHeartbeatTimeout(Duration.ofSeconds(10))
 *     .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
 *     .build());
 * List<Promise<Integer>> recount = new ArrayList<>();
 * CancellationScope scope = Workflow.newCancellationScope(() -> recount.add(Workflow.async(inventory::recount)));
 * scope.run();
 * scope.cancel();       // the activity is asked to stop
 * recount.get(0).get(); // throws ActivityFailure(CanceledFailure) once the activity has stopped
 * }</pre>
 *
 * <p>An activity that no worker has started yet (queued, or waiting to be retried) is canceled at once with
 * {@link #TRY_CANCEL} and {@link #WAIT_CANCELLATION_COMPLETED}: there is nobody to wait for.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ActivityCancellationType {

    /**
     * Requests cancellation (an {@code ActivityTaskCancelRequested} event) and fails the waiting code at once,
     * without waiting for the activity to stop. The default. What the activity does afterwards is recorded but
     * no longer reaches the workflow code.
     */
    TRY_CANCEL,

    /**
     * Requests cancellation and waits until the activity has stopped: the waiting code fails with the
     * cancellation once the activity reports it (an {@code ActivityTaskCanceled} event), or gets the activity's
     * result or failure if it completes or fails anyway.
     */
    WAIT_CANCELLATION_COMPLETED,

    /**
     * Does not request cancellation: the waiting code fails at once, and the activity runs on, unaware; its
     * later outcome is recorded but no longer reaches the workflow code.
     */
    ABANDON
}
