package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
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

    /** Returns a future of the result; it completes exceptionally as {@link #getResult(Class)} throws. */
    <R> CompletableFuture<R> getResultAsync(Class<R> resultType);

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
