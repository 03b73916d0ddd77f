package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import java.lang.reflect.Type;
import dev.hourglass.internal.client.TypedStubs;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * An untyped handle on a workflow execution, addressed by workflow type and arguments as plain values.
 *
 * <pre>{@code
 * WorkflowStub stub = client.newUntypedWorkflowStub("MoneyTransfer", options);
 * stub.start("alice", "bob", 100);
 * String result = stub.getResult(String.class);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowStub {

    /**
     * Returns the untyped stub behind a typed workflow stub: the same execution, once either of them starts it.
     *
     * <pre>{@code
     * Transfer transfer = client.newWorkflowStub(Transfer.class, options);
     * WorkflowClient.start(transfer::transfer, "alice", "bob", 100L);
     * WorkflowStub untyped = WorkflowStub.fromTyped(transfer);
     * String receipt = untyped.getResult(5, TimeUnit.SECONDS, String.class);
     * }</pre>
     *
     * @param typedStub a stub from {@link WorkflowClient#newWorkflowStub}; never {@code null}
     * @return the untyped stub; never {@code null}
     * @throws IllegalArgumentException if {@code typedStub} is not a typed workflow stub of a client (for
     *     example a child workflow stub of workflow code, or an implementation object)
     * @since 0.1
     */
    static WorkflowStub fromTyped(Object typedStub) {
        return TypedStubs.untyped(typedStub);
    }

    /**
     * Starts the execution; returns once it is recorded.
     *
     * @throws WorkflowExecutionAlreadyStartedException at once when the id is taken
     * @throws IllegalStateException if this stub was created for an existing execution or already started
     * @throws dev.hourglass.common.DataConverterException if an argument cannot be recorded; nothing is started
     */
    WorkflowExecution start(Object... args);

    /** Returns the execution this stub addresses, or {@code null} if it was not started yet. */
    WorkflowExecution getExecution();

    /** Returns the workflow type, or {@code null} for a stub created from a workflow id alone. */
    String getWorkflowType();

    /**
     * Waits for the execution to close (following continue-as-new runs) and returns its result.
     *
     * @throws WorkflowFailedException if it failed, was canceled, terminated or timed out; the cause says which
     * @throws dev.hourglass.common.DataConverterException if the result does not fit {@code resultType} (a
     *     fraction asked for as a {@code long}, {@code null} as an {@code int}…); the message names both
     */
    <R> R getResult(Class<R> resultType);

    /** Like {@link #getResult(Class)} with a generic result type such as {@code List<Order>}. */
    <R> R getResult(Class<R> resultType, Type genericResultType);

    /**
     * Like {@link #getResult(Class)}, waiting at most {@code timeout}.
     *
     * <p>The timeout is measured on the caller's clock (real time), not the service's: in a test environment
     * virtual time skips ahead meanwhile as it does for {@link #getResult(Class)}, so a workflow that sleeps for
     * days returns within a timeout of seconds, and one that waits for a signal nobody sends times out.
     *
     * <p>Unlike the rest of the client API, this method declares the checked {@link TimeoutException}, as the
     * Temporal SDK does, so that code ported from it compiles unchanged.
     *
     * @param timeout how long to wait, not negative
     * @param unit the unit of {@code timeout}; never {@code null}
     * @param resultType the class of the result; never {@code null}
     * @return the result
     * @throws TimeoutException if the execution did not close in time; it goes on running, and its message says so
     * @throws WorkflowFailedException if it failed, was canceled, terminated or timed out
     * @throws java.util.concurrent.CancellationException if the thread was interrupted while it waited (its
     *     interrupt flag is set again)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @since 0.1
     */
    <R> R getResult(long timeout, TimeUnit unit, Class<R> resultType) throws TimeoutException;

    /**
     * Like {@link #getResult(long, TimeUnit, Class)} with a generic result type such as {@code List<Order>}.
     *
     * @throws TimeoutException if the execution did not close in time
     * @since 0.1
     */
    <R> R getResult(long timeout, TimeUnit unit, Class<R> resultType, Type genericResultType)
            throws TimeoutException;

    /**
     * Returns a future of the result; it completes exceptionally as {@link #getResult(Class)} throws. Canceling
     * the future stops the wait (in a test environment, it no longer lets virtual time skip).
     */
    <R> CompletableFuture<R> getResultAsync(Class<R> resultType);

    /**
     * Like {@link #getResultAsync(Class)} with a generic result type such as {@code List<Order>}.
     *
     * @since 0.1
     */
    <R> CompletableFuture<R> getResultAsync(Class<R> resultType, Type genericResultType);

    /**
     * Like {@link #getResultAsync(Class)}; the future completes exceptionally with a {@link TimeoutException} if
     * the execution has not closed after {@code timeout} of the caller's clock (real time, as in
     * {@link #getResult(long, TimeUnit, Class)}).
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @since 0.1
     */
    <R> CompletableFuture<R> getResultAsync(long timeout, TimeUnit unit, Class<R> resultType);

    /**
     * Like {@link #getResultAsync(long, TimeUnit, Class)} with a generic result type.
     *
     * @since 0.1
     */
    <R> CompletableFuture<R> getResultAsync(long timeout, TimeUnit unit, Class<R> resultType,
            Type genericResultType);

    /**
     * Signals the open run of this stub's workflow id, or, if none is open, starts one with {@code startArgs} and
     * the signal recorded right after its start. The handler of a signal sent with the start runs before the
     * workflow method, as the run's first code (as in Temporal's SDK), so the workflow method sees what it did from
     * its first line. Both happen in one step of the service: no other start of the id can come in between.
     *
     * <pre>{@code
     * WorkflowStub cart = client.newUntypedWorkflowStub("Cart",
     *         WorkflowOptions.newBuilder().setTaskQueue("shop").setWorkflowId("cart-alice").build());
     * cart.signalWithStart("addItem", new Object[] {"book"}, new Object[] {"alice"});
     * }</pre>
     *
     * <p>The stub then addresses the run signaled or started.
     *
     * @param signalName the signal name; never {@code null}
     * @param signalArgs the signal arguments; {@code null} for none
     * @param startArgs the workflow arguments, used only if a run starts; {@code null} for none
     * @return the run signaled or started; never {@code null}
     * @throws WorkflowExecutionAlreadyStartedException if no run is open and the id reuse policy forbids starting
     *     one
     * @throws IllegalStateException if this stub was created for an existing execution, or already addresses one
     * @throws dev.hourglass.common.DataConverterException if an argument cannot be recorded; nothing happens
     * @since 0.1
     */
    WorkflowExecution signalWithStart(String signalName, Object[] signalArgs, Object[] startArgs);

    /**
     * Describes the latest run of this stub's workflow id (the one signals reach): its status, type, task queue,
     * start and close times, history length, and, while it is open, its pending activities (with their attempt
     * and last failure), child workflows and timers.
     *
     * <pre>{@code
     * WorkflowExecutionDescription description = WorkflowStub.fromTyped(transfer).describe();
     * assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
     * assertThat(description.getPendingActivities().get(0).getAttempt()).isEqualTo(3);
     * }</pre>
     *
     * @return a snapshot; never {@code null}
     * @throws IllegalStateException if the workflow was not started yet
     * @throws WorkflowNotFoundException if the service has no execution of the workflow id
     * @since 0.1
     */
    WorkflowExecutionDescription describe();

    /**
     * Sends a signal to the open execution.
     *
     * @throws dev.hourglass.common.DataConverterException if an argument cannot be recorded; nothing is sent
     * @throws WorkflowExecutionClosedException if the execution has closed; the message says how and when
     */
    void signal(String signalName, Object... args);

    /**
     * Queries the execution (open or closed) and returns the answer decoded as {@code resultType}.
     *
     * @throws dev.hourglass.common.DataConverterException if an argument cannot be recorded, or the answer does
     *     not fit {@code resultType}
     */
    <R> R query(String queryType, Class<R> resultType, Object... args);

    /**
     * Sends an update to the workflow and waits for its handler's result.
     *
     * @param updateName the update's name; never {@code null}
     * @param resultType the class of the handler's result ({@code Void.class} for a {@code void} handler)
     * @param args the handler's arguments
     * @param <R> the result type
     * @return the handler's result
     * @throws WorkflowUpdateException if the validator rejected the update, the workflow has no handler for it, or
     *     the handler threw an {@code ApplicationFailure}
     * @throws WorkflowExecutionClosedException if the run is closed, or closes before the handler returns
     * @since 0.1
     */
    <R> R update(String updateName, Class<R> resultType, Object... args);

    /**
     * Sends an update and returns its handle once it reached {@link UpdateOptions#getWaitForStage()}.
     *
     * @param updateName the update's name; never {@code null}
     * @param options the update id and the stage to wait for; never {@code null}
     * @param resultType the class of the handler's result
     * @param args the handler's arguments
     * @param <R> the result type
     * @return the handle; never {@code null}
     * @throws WorkflowUpdateException if the update was rejected (or, waiting for completion, its handler failed)
     * @since 0.1
     */
    <R> WorkflowUpdateHandle<R> startUpdate(String updateName, UpdateOptions options, Class<R> resultType,
            Object... args);

    /**
     * Sends an update to the open run of this stub's workflow id, starting a run with {@code startArgs} first if
     * none is open, in one call, and waits for the handler's result. The stub must have been created with
     * {@link WorkflowOptions} that set a workflow id.
     *
     * @param updateName the update's name; never {@code null}
     * @param resultType the class of the handler's result
     * @param updateArgs the handler's arguments
     * @param startArgs the workflow method's arguments, used only if a run is started
     * @param <R> the result type
     * @return the handler's result
     * @throws WorkflowUpdateException if the update was rejected or its handler threw an {@code ApplicationFailure}
     * @since 0.1
     */
    <R> R executeUpdateWithStart(String updateName, Class<R> resultType, Object[] updateArgs, Object[] startArgs);

    /**
     * Like {@link #executeUpdateWithStart}, but returns the update's handle once it reached
     * {@link UpdateOptions#getWaitForStage()}.
     *
     * @param updateName the update's name; never {@code null}
     * @param options the update id and the stage to wait for; never {@code null}
     * @param resultType the class of the handler's result
     * @param updateArgs the handler's arguments
     * @param startArgs the workflow method's arguments, used only if a run is started
     * @param <R> the result type
     * @return the handle; never {@code null}
     * @since 0.1
     */
    <R> WorkflowUpdateHandle<R> startUpdateWithStart(String updateName, UpdateOptions options, Class<R> resultType,
            Object[] updateArgs, Object[] startArgs);

    /**
     * Requests cancellation of the open execution.
     *
     * @throws WorkflowExecutionClosedException if the execution has closed; the message says how and when
     */
    void cancel();

    /**
     * Terminates the open execution at once, recording {@code reason}.
     *
     * @param reason why, recorded in the history; may be {@code null} for none
     * @throws WorkflowExecutionClosedException if the execution has closed; the message says how and when
     */
    void terminate(String reason);
}
