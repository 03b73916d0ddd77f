package dev.hourglass.client;

import dev.hourglass.client.schedules.ScheduleClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.internal.client.StartCapture;
import dev.hourglass.internal.client.WorkflowClientImpl;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.workflow.Functions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
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

    /**
     * Returns a client that answers activity attempts from outside their worker: those whose method called
     * {@link dev.hourglass.activity.ActivityExecutionContext#doNotCompleteOnReturn()}. It talks to this client's
     * service and converts values with this client's data converter.
     *
     * @return the completion client; never {@code null}
     * @since 0.1
     */
    ActivityCompletionClient newActivityCompletionClient();

    /**
     * Returns a client of the schedules of this client's service: it creates, lists and changes schedules, and
     * encodes their workflows' arguments with this client's data converter and codecs.
     *
     * @return the schedule client; never {@code null}
     * @since 0.1
     */
    default ScheduleClient newScheduleClient() {
        return ScheduleClient.newInstance(getWorkflowService(), getOptions());
    }

    /** Returns the history of the latest run of a workflow id. */
    History fetchHistory(String workflowId);

    /** Returns the history of one run. */
    History fetchHistory(String workflowId, String runId);

    /**
     * Returns an empty signal-with-start request: add the workflow method call and the signal call of one typed
     * stub, then send it with {@link #signalWithStart(BatchRequest)}.
     *
     * @return a new request; never {@code null}
     * @since 0.1
     */
    BatchRequest newSignalWithStartRequest();

    /**
     * Signals the open run of the request's workflow id, or, if none is open, starts one with the request's
     * workflow arguments and the signal recorded right after its start, whose handler then runs before the
     * workflow method; in one step of the service. The typed stub of the request then addresses the
     * run. See {@link WorkflowStub#signalWithStart} for the untyped form.
     *
     * <pre>{@code
     * BatchRequest request = client.newSignalWithStartRequest();
     * request.add(cart::checkout, "alice");
     * request.add(cart::addItem, "book");
     * WorkflowExecution execution = client.signalWithStart(request);
     * }</pre>
     *
     * @param signalWithStartBatch a request from {@link #newSignalWithStartRequest()} holding one workflow method
     *     call and one signal call of the same stub; never {@code null}
     * @return the run signaled or started; never {@code null}
     * @throws IllegalStateException if the request lacks one of the calls, or they come from different stubs, or
     *     the stub cannot start (it was created for an existing workflow id) or already addresses an execution
     * @throws WorkflowExecutionAlreadyStartedException if no run is open and the id reuse policy forbids starting
     *     one
     * @throws IllegalArgumentException if the request is not one of this client's
     * @since 0.1
     */
    WorkflowExecution signalWithStart(BatchRequest signalWithStartBatch);

    /**
     * Returns one page of the runs the service holds, open and closed, that match {@code filter}: at most its page
     * size, ordered by start time, then workflow id, then run id; newest first (each descending) if
     * {@link ExecutionFilter#isNewestFirst()}.
     *
     * @param filter the conditions and the page size; never {@code null}
     * @param pageToken {@code null} for the first page, else {@link ExecutionPage#getNextPageToken()} of the page
     *     before
     * @return the page; never {@code null}
     * @throws IllegalArgumentException if {@code pageToken} is not a token of a page
     * @since 0.1
     */
    ExecutionPage listExecutionsPage(ExecutionFilter filter, String pageToken);

    /**
     * Returns every run that matches {@code filter}, open and closed, ordered by start time, then workflow id, then
     * run id; pages of {@link ExecutionFilter#getPageSize()} runs are fetched as the stream is consumed.
     *
     * <pre>{@code
     * List<String> failed = client.listExecutions(ExecutionFilter.newBuilder()
     *         .setStatus(WorkflowExecutionStatus.FAILED).build())
     *     .map(run -> run.getExecution().getWorkflowId())
     *     .collect(Collectors.toList());
     * }</pre>
     *
     * @param filter the conditions; never {@code null}
     * @return a sequential, ordered stream; never {@code null}
     * @since 0.1
     */
    Stream<WorkflowExecutionMetadata> listExecutions(ExecutionFilter filter);

    /**
     * Counts the runs the service holds, open and closed, that match {@code filter}: as many as
     * {@link #listExecutions(ExecutionFilter)} would return, without reading them. The filter's page size and order
     * play no part. A durable store counts in the database ({@code COUNT(*)}, through its indexes on status and
     * workflow type); the in-memory service goes through its runs.
     *
     * <pre>{@code
     * long failedTransfers = client.countExecutions(ExecutionFilter.newBuilder()
     *         .setStatus(WorkflowExecutionStatus.FAILED).setWorkflowType("MoneyTransfer").build());
     * }</pre>
     *
     * @param filter the conditions; never {@code null}
     * @return the number of matching runs, 0 or more
     * @since 0.1
     */
    long countExecutions(ExecutionFilter filter);

    /**
     * Returns the workflow types of the runs the service holds, open and closed, each once, sorted in the natural
     * order of strings: the values {@link ExecutionFilter.Builder#setWorkflowType(String)} can match, for a type
     * filter to choose from. A durable store reads them from its index on workflow type, one look-up per type.
     *
     * @return the sorted distinct workflow types, unmodifiable; never {@code null}, empty when the service holds no
     *     run
     * @since 0.1
     */
    List<String> listWorkflowTypes();

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

    /**
     * Starts the execution behind a typed stub's workflow method and returns a future of its result: like
     * {@link #start(Functions.Proc)}, then {@link WorkflowStub#getResultAsync(Class)}. The start happens before
     * this method returns.
     *
     * <pre>{@code
     * CompletableFuture<String> receipt = WorkflowClient.execute(transfer::transfer, "alice", "bob", 100L);
     * }</pre>
     *
     * @return a future completed when the execution closes (following continue-as-new runs): with {@code null}
     *     for a {@code void} workflow method, or exceptionally as {@link WorkflowStub#getResult(Class)} throws
     * @throws WorkflowExecutionAlreadyStartedException at once when the workflow id is taken
     * @throws IllegalArgumentException if {@code workflow} is not a method reference to the workflow method of a
     *     typed stub
     * @since 0.1
     */
    static CompletableFuture<Void> execute(Functions.Proc workflow) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(workflow::apply);
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1> CompletableFuture<Void> execute(Functions.Proc1<A1> workflow, A1 arg1) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2> CompletableFuture<Void> execute(Functions.Proc2<A1, A2> workflow, A1 arg1, A2 arg2) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3> CompletableFuture<Void> execute(Functions.Proc3<A1, A2, A3> workflow, A1 arg1, A2 arg2,
            A3 arg3) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3, A4> CompletableFuture<Void> execute(Functions.Proc4<A1, A2, A3, A4> workflow, A1 arg1,
            A2 arg2, A3 arg3, A4 arg4) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3, arg4));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5> CompletableFuture<Void> execute(Functions.Proc5<A1, A2, A3, A4, A5> workflow,
            A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5, A6> CompletableFuture<Void> execute(
            Functions.Proc6<A1, A2, A3, A4, A5, A6> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <R> CompletableFuture<R> execute(Functions.Func<R> workflow) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(workflow::apply);
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, R> CompletableFuture<R> execute(Functions.Func1<A1, R> workflow, A1 arg1) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, R> CompletableFuture<R> execute(Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3, R> CompletableFuture<R> execute(Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2,
            A3 arg3) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3, A4, R> CompletableFuture<R> execute(Functions.Func4<A1, A2, A3, A4, R> workflow, A1 arg1,
            A2 arg2, A3 arg3, A4 arg4) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3, arg4));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5, R> CompletableFuture<R> execute(Functions.Func5<A1, A2, A3, A4, A5, R> workflow,
            A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** See {@link #execute(Functions.Proc)}. */
    static <A1, A2, A3, A4, A5, A6, R> CompletableFuture<R> execute(
            Functions.Func6<A1, A2, A3, A4, A5, A6, R> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5,
            A6 arg6) {
        Objects.requireNonNull(workflow, "workflow");
        return StartCapture.execute(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5, arg6));
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
