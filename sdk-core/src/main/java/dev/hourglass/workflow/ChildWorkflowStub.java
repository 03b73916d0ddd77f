package dev.hourglass.workflow;

import dev.hourglass.common.WorkflowExecution;
import java.lang.reflect.Type;
import org.apiguardian.api.API;

/**
 * Starts one child workflow by type name from workflow code, without its workflow interface; created with
 * {@link Workflow#newUntypedChildWorkflowStub}.
 *
 * <pre>{@code
 * ChildWorkflowStub child = Workflow.newUntypedChildWorkflowStub("Shipment",
 *         ChildWorkflowOptions.getDefaultInstance());
 * String tracking = child.execute(String.class, "order-7");
 * }</pre>
 *
 * <p>Starting records the same command and events as calling the workflow method of a typed child stub of that
 * type with the same arguments, so a history recorded by one replays against the other. A stub starts one child:
 * a second {@code execute} or {@code executeAsync} throws {@link IllegalStateException}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ChildWorkflowStub {

    /** Returns the workflow type the stub starts; never {@code null}. */
    String getWorkflowType();

    /**
     * Starts the child with {@code args} and waits for its result.
     *
     * @param resultClass the type to decode the result to; {@code Void.class} to ignore it
     * @param args the arguments of the child's workflow method, encoded by the data converter
     * @return the result; {@code null} if it was {@code null}
     * @throws dev.hourglass.failure.ChildWorkflowFailure if the child could not start, failed or ended canceled
     * @throws IllegalStateException if the stub has started its child already
     */
    <R> R execute(Class<R> resultClass, Object... args);

    /**
     * Starts the child and waits for its result, decoded to a generic type such as {@code List<Item>}.
     *
     * @param resultClass the raw type to decode the result to
     * @param resultType the generic type to decode the result to
     * @param args the arguments, encoded by the data converter
     * @return the result; {@code null} if it was {@code null}
     * @throws dev.hourglass.failure.ChildWorkflowFailure if the child could not start, failed or ended canceled
     * @throws IllegalStateException if the stub has started its child already
     */
    <R> R execute(Class<R> resultClass, Type resultType, Object... args);

    /**
     * Starts the child and returns at once the promise of its result, which completes exceptionally with a
     * {@link dev.hourglass.failure.ChildWorkflowFailure} if the child fails.
     *
     * @param resultClass the type to decode the result to
     * @param args the arguments, encoded by the data converter
     * @return the promise of the result, never {@code null}
     * @throws IllegalStateException if the stub has started its child already
     */
    <R> Promise<R> executeAsync(Class<R> resultClass, Object... args);

    /**
     * Starts the child and returns at once the promise of its result, decoded to a generic type.
     *
     * @param resultClass the raw type to decode the result to
     * @param resultType the generic type to decode the result to
     * @param args the arguments, encoded by the data converter
     * @return the promise of the result, never {@code null}
     * @throws IllegalStateException if the stub has started its child already
     */
    <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args);

    /**
     * Returns the promise of the started child's execution: it completes when the service has started the child,
     * and exceptionally with a {@link dev.hourglass.failure.ChildWorkflowFailure} if it could not (for example, its
     * workflow id is in use). Before {@code execute} or {@code executeAsync} is called, the promise is not complete.
     *
     * @return the promise, the same on every call; never {@code null}
     */
    Promise<WorkflowExecution> getExecution();

    /**
     * Signals the child; not supported yet, as with a typed child stub.
     *
     * <p>Signaling another workflow from workflow code needs a command Hourglass's histories do not have yet;
     * this method always throws. Signal the child from an activity that calls
     * {@code WorkflowClient.newUntypedWorkflowStub(childWorkflowId).signal(...)} instead.
     *
     * @param signalName the signal's name
     * @param args the signal's arguments
     * @throws UnsupportedOperationException always, saying what to do instead
     */
    void signal(String signalName, Object... args);
}
