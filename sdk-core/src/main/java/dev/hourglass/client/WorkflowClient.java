package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.internal.client.StartCapture;
import dev.hourglass.internal.client.WorkflowClientImpl;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.workflow.Functions;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Starts, signals, queries, cancels and terminates workflow executions, and reads their histories.
 *
 * <pre>{@code
 * WorkflowClient client = WorkflowClient.newInstance(service);
 * MoneyTransfer transfer = client.newWorkflowStub(MoneyTransfer.class,
 *         WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-42").build());
 * WorkflowExecution execution = WorkflowClient.start(transfer::transfer, "alice", "bob", 100L);
 * String result = transfer.transfer("alice", "bob", 100L); // blocks until the result
 * }</pre>
 *
 * <p>Calling a typed stub's workflow method starts the execution (unless {@link #start} already did) and
 * blocks until its result; its signal and query methods signal and query that execution.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowClient {

    /**
     * Returns a client of {@code service}.
     *
     * @param service a service created by Hourglass ({@code WorkflowService.inMemory()}, a test environment's);
     *     never {@code null}
     * @return the client; never {@code null}
     * @throws IllegalArgumentException if {@code service} is an implementation of the application's own
     */
    static WorkflowClient newInstance(WorkflowService service) {
        return newInstance(service, WorkflowClientOptions.getDefaultInstance());
    }

    /**
     * Returns a client of {@code service} with options, such as a data converter of the application's own.
     *
     * @param service a service created by Hourglass; never {@code null}
     * @param options the options; never {@code null}
     * @return the client; never {@code null}
     * @throws IllegalArgumentException if {@code service} is an implementation of the application's own
     * @throws NullPointerException if {@code service} or {@code options} is {@code null}
     */
    static WorkflowClient newInstance(WorkflowService service, WorkflowClientOptions options) {
        return new WorkflowClientImpl(service, options);
    }

    /** Returns the service this client talks to. */
    WorkflowService getWorkflowService();

    /**
     * Returns the options of this client; workers created from it use its data converter.
     *
     * @return the options; never {@code null}
     */
    default WorkflowClientOptions getOptions() {
        return WorkflowClientOptions.getDefaultInstance();
    }

    /** Returns a typed stub that starts a new execution of the workflow interface with {@code options}. */
    <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions options);

    /** Returns a typed stub bound to the latest run of an existing workflow id. */
    <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId);

    /** Returns an untyped stub bound to the latest run of an existing workflow id. */
    WorkflowStub newUntypedWorkflowStub(String workflowId);

    /** Returns an untyped stub that starts a new execution of {@code workflowType} with {@code options}. */
    WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options);

    /** Returns the history of the latest run of a workflow id. */
    History fetchHistory(String workflowId);

    /** Returns the history of one run. */
    History fetchHistory(String workflowId, String runId);

    /**
     * Starts the execution behind a typed stub's workflow method without waiting for its result; returns
     * once the execution is recorded. The same stub then signals and queries that execution.
     *
     * @throws WorkflowExecutionAlreadyStartedException at once when the workflow id is taken
     */
    static WorkflowExecution start(Functions.Proc workflow) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(workflow::apply);
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1> WorkflowExecution start(Functions.Proc1<A1> workflow, A1 arg1) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2> WorkflowExecution start(Functions.Proc2<A1, A2> workflow, A1 arg1, A2 arg2) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3> WorkflowExecution start(Functions.Proc3<A1, A2, A3> workflow, A1 arg1, A2 arg2, A3 arg3) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3, A4> WorkflowExecution start(Functions.Proc4<A1, A2, A3, A4> workflow, A1 arg1, A2 arg2,
            A3 arg3, A4 arg4) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3, arg4));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5> WorkflowExecution start(Functions.Proc5<A1, A2, A3, A4, A5> workflow, A1 arg1,
            A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5, A6> WorkflowExecution start(Functions.Proc6<A1, A2, A3, A4, A5, A6> workflow,
            A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <R> WorkflowExecution start(Functions.Func<R> workflow) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(workflow::apply);
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, R> WorkflowExecution start(Functions.Func1<A1, R> workflow, A1 arg1) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, R> WorkflowExecution start(Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3, R> WorkflowExecution start(Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2,
            A3 arg3) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3, A4, R> WorkflowExecution start(Functions.Func4<A1, A2, A3, A4, R> workflow, A1 arg1,
            A2 arg2, A3 arg3, A4 arg4) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3, arg4));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5, R> WorkflowExecution start(Functions.Func5<A1, A2, A3, A4, A5, R> workflow,
            A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** See {@link #start(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5, A6, R> WorkflowExecution start(Functions.Func6<A1, A2, A3, A4, A5, A6, R> workflow,
            A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }
}
