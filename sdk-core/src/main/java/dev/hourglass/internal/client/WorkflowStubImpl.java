package dev.hourglass.internal.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateHandle;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The untyped stub; typed stubs delegate to one. */
final class WorkflowStubImpl implements WorkflowStub {

    private final WorkflowServiceSpi service;
    private final PayloadConverter converter;
    /** The client's identity, recorded on the events this stub causes; {@code null} for none. */
    private final String identity;
    private final WorkflowOptions options;
    private final String boundWorkflowId;
    private String workflowType;
    private volatile WorkflowExecution execution;

    WorkflowStubImpl(WorkflowServiceSpi service, PayloadConverter converter, String identity, String workflowType,
            WorkflowOptions options, String boundWorkflowId) {
        this.service = service;
        this.converter = converter;
        this.identity = identity;
        this.workflowType = workflowType;
        this.options = options;
        this.boundWorkflowId = boundWorkflowId;
    }

    boolean canStart() {
        return options != null;
    }

    @Override
    public WorkflowExecution start(Object... args) {
        return start(null, args);
    }

    /**
     * Starts the execution; with the workflow method of a typed stub, first checks that the arguments decode back
     * as its parameters, as the worker will decode them.
     */
    synchronized WorkflowExecution start(Method workflowMethod, Object[] args) {
        if (options == null) {
            throw new IllegalStateException("this stub addresses the existing workflow id '" + boundWorkflowId
                    + "' and cannot start it; create a stub with WorkflowOptions to start an execution");
        }
        if (execution != null) {
            throw new IllegalStateException("this stub already started " + execution
                    + "; create a new stub to start another execution");
        }
        // without an id of the caller's, the service assigns one (from the seed in a test environment)
        String action = "start workflow " + workflowType
                + (options.getWorkflowId() == null ? "" : " (workflowId=" + options.getWorkflowId() + ")");
        execution = service.startWorkflow(startRequest(options.getWorkflowId(),
                checkedArguments(args, action, workflowMethod, "the workflow method"), action));
        return execution;
    }

    /** The request that starts a run of this stub's options with {@code input}; {@code action} names the call. */
    private StartWorkflowRequest startRequest(String workflowId, Payload input, String action) {
        return StartWorkflowRequest.of(workflowId, workflowType, options.getTaskQueue(), input,
                options.getWorkflowIdReusePolicy(), options.getWorkflowExecutionTimeout()).withIdentity(identity)
                .withStartDelay(options.getStartDelay()).withCron(options.getCronSchedule(), null)
                .withSearchAttributesAndMemo(options.getTypedSearchAttributes(), memo(action));
    }

    @Override
    public WorkflowExecution getExecution() {
        if (execution == null && boundWorkflowId != null) {
            return resolve();
        }
        return execution;
    }

    private synchronized WorkflowExecution resolve() {
        if (execution == null) {
            History history = service.getHistory(boundWorkflowId, null);
            execution = new WorkflowExecution(history.getWorkflowId(), history.getRunId());
            workflowType = history.getWorkflowType();
        }
        return execution;
    }

    private WorkflowExecution requireExecution() {
        WorkflowExecution current = getExecution();
        if (current == null) {
            throw new IllegalStateException("the workflow was not started: call start(...) or the workflow method"
                    + " first");
        }
        return current;
    }

    @Override
    public String getWorkflowType() {
        return workflowType;
    }

    @Override
    public <R> R getResult(Class<R> resultType) {
        Objects.requireNonNull(resultType, "resultType");
        return getResult(resultType, resultType);
    }

    @Override
    public <R> R getResult(Class<R> resultType, Type genericResultType) {
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(genericResultType, "genericResultType");
        try {
            return getResultAsync(resultType, genericResultType).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    @Override
    public <R> CompletableFuture<R> getResultAsync(Class<R> resultType) {
        Objects.requireNonNull(resultType, "resultType");
        return getResultAsync(resultType, resultType);
    }

    @Override
    public <R> CompletableFuture<R> getResultAsync(Class<R> resultType, Type genericResultType) {
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(genericResultType, "genericResultType");
        WorkflowExecution started = requireExecution();
        CompletableFuture<History> last = awaitRun(started.getWorkflowId(), started.getRunId());
        CompletableFuture<R> result = last.thenApply(closed -> decode(closed, resultType, genericResultType));
        // a caller that stops waiting (cancels, or times out) ends the wait on the service too
        result.whenComplete((value, failure) -> {
            if (failure != null) {
                last.cancel(false);
            }
        });
        return result;
    }

    @Override
    public <R> CompletableFuture<R> getResultAsync(long timeout, TimeUnit unit, Class<R> resultType) {
        Objects.requireNonNull(resultType, "resultType");
        return getResultAsync(timeout, unit, resultType, resultType);
    }

    @Override
    public <R> CompletableFuture<R> getResultAsync(long timeout, TimeUnit unit, Class<R> resultType,
            Type genericResultType) {
        checkTimeout(timeout, unit);
        WorkflowExecution started = requireExecution();
        CompletableFuture<R> result = getResultAsync(resultType, genericResultType);
        CompletableFuture.delayedExecutor(timeout, unit).execute(
                () -> result.completeExceptionally(timedOut(started, timeout, unit)));
        return result;
    }

    @Override
    public <R> R getResult(long timeout, TimeUnit unit, Class<R> resultType) throws TimeoutException {
        Objects.requireNonNull(resultType, "resultType");
        return getResult(timeout, unit, resultType, resultType);
    }

    @Override
    public <R> R getResult(long timeout, TimeUnit unit, Class<R> resultType, Type genericResultType)
            throws TimeoutException {
        checkTimeout(timeout, unit);
        WorkflowExecution started = requireExecution();
        CompletableFuture<R> result = getResultAsync(resultType, genericResultType);
        try {
            return result.get(timeout, unit);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw timedOut(started, timeout, unit);
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            CancellationException interrupted = new CancellationException("the thread was interrupted while it"
                    + " waited for the result of workflow " + started.getWorkflowId());
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new CompletionException(cause);
        }
    }

    private static void checkTimeout(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout + " " + unit);
        }
    }

    private static TimeoutException timedOut(WorkflowExecution execution, long timeout, TimeUnit unit) {
        return new TimeoutException("workflow " + execution.getWorkflowId() + " did not close within " + timeout
                + " " + unit.toString().toLowerCase(java.util.Locale.ROOT) + " of waiting; it is still running:"
                + " wait again with getResult, or look at what it waits for with describe()");
    }

    @Override
    public WorkflowExecutionDescription describe() {
        // the latest run of the workflow id, as signals, cancellation and termination address it
        WorkflowExecutionDescription described = service.describeWorkflow(requireExecution().getWorkflowId(), null);
        return new WorkflowExecutionDescription(new WorkflowExecutionMetadata(described, converter.dataConverter(),
                converter.codecs().codecs()), described.getPendingActivities(), described.getPendingChildWorkflows(),
                described.getPendingTimers());
    }

    @Override
    public WorkflowExecution signalWithStart(String signalName, Object[] signalArgs, Object[] startArgs) {
        return signalWithStart(signalName, null, signalArgs, null, startArgs);
    }

    /**
     * Signals the open run of the workflow id or starts one with the signal; with the methods of a typed stub,
     * first checks that the arguments decode back as their parameters.
     */
    synchronized WorkflowExecution signalWithStart(String signalName, Method handler, Object[] signalArgs,
            Method workflowMethod, Object[] startArgs) {
        Objects.requireNonNull(signalName, "signalName");
        if (options == null) {
            throw new IllegalStateException("this stub addresses the existing workflow id '" + boundWorkflowId
                    + "' and cannot start it; signal-with-start needs a stub created with WorkflowOptions");
        }
        if (execution != null) {
            throw new IllegalStateException("this stub already addresses " + execution
                    + "; signal it with signal(...), or create a new stub for signal-with-start");
        }
        String target = options.getWorkflowId() == null ? workflowType : options.getWorkflowId();
        Payload signalInput = checkedArguments(signalArgs == null ? new Object[0] : signalArgs,
                "signal " + signalName + " with start to workflow " + target, handler, "its handler");
        Payload startInput = checkedArguments(startArgs == null ? new Object[0] : startArgs,
                "start workflow " + workflowType + " with signal " + signalName, workflowMethod,
                "the workflow method");
        StartWorkflowRequest start = startRequest(options.getWorkflowId(), startInput, "start workflow " + workflowType);
        execution = service.signalWithStart(start, signalName, signalInput);
        return execution;
    }

    /** The options' memo as a JSON object of key to payload (encoded by the codecs), or {@code null} for none. */
    private Payload memo(String action) {
        if (options.getMemo().isEmpty()) {
            return null;
        }
        ObjectNode memo = JsonNodeFactory.instance.objectNode();
        // in key order: a Map.of memo iterates in an order that changes from one JVM launch to the next
        new TreeMap<>(options.getMemo()).forEach((key, value) -> memo.set(key,
                converter.toJson(value, "the memo value " + key + " to " + action)));
        return JsonPayload.of(memo);
    }

    /**
     * Follows continue-as-new runs to the last run's closed history. Runs closed already are followed in a
     * loop, and a run still open is waited for with a callback that goes on from there, so that a chain of any
     * length costs neither a stack frame nor a nested future per run.
     */
    private CompletableFuture<History> awaitRun(String workflowId, String runId) {
        CompletableFuture<History> last = new CompletableFuture<>();
        follow(workflowId, runId, last);
        return last;
    }

    private void follow(String workflowId, String runId, CompletableFuture<History> last) {
        String run = runId;
        while (run != null) {
            CompletableFuture<History> closed;
            try {
                closed = service.awaitClose(workflowId, run);
            } catch (RuntimeException e) {
                last.completeExceptionally(e);
                return;
            }
            if (!closed.isDone()) {
                CompletableFuture<History> waiting = closed;
                last.whenComplete((history, failure) -> {
                    if (failure != null) {
                        waiting.cancel(false); // the caller stopped waiting
                    }
                });
                closed.whenComplete((history, failure) -> {
                    if (failure != null) {
                        last.completeExceptionally(failure);
                    } else {
                        String next = continuedAs(history);
                        if (next == null) {
                            last.complete(history);
                        } else {
                            follow(workflowId, next, last);
                        }
                    }
                });
                return;
            }
            History history;
            try {
                history = closed.join();
            } catch (CompletionException | CancellationException e) {
                last.completeExceptionally(e.getCause() != null ? e.getCause() : e);
                return;
            }
            run = continuedAs(history);
            if (run == null) {
                last.complete(history);
            }
        }
    }

    /**
     * The run a closed run continued as, or the next run of its cron schedule; {@code null} if it closed otherwise.
     */
    private static String continuedAs(History closed) {
        EventAttributes last = closed.getLastEvent().getAttributes();
        if (last instanceof WorkflowExecutionCompletedAttributes completed) {
            return completed.newExecutionRunId();
        }
        if (last instanceof WorkflowExecutionFailedAttributes failed) {
            return failed.newExecutionRunId();
        }
        return last instanceof WorkflowExecutionContinuedAsNewAttributes
                ? ((WorkflowExecutionContinuedAsNewAttributes) last).newRunId() : null;
    }

    private <R> R decode(History closed, Class<R> resultType, Type genericResultType) {
        HistoryEvent last = closed.getLastEvent();
        WorkflowExecution run = new WorkflowExecution(closed.getWorkflowId(), closed.getRunId());
        switch (last.getEventType()) {
            case WorkflowExecutionCompleted:
                return converter.fromJson(JsonPayload.node(
                        last.getAttributes(WorkflowExecutionCompletedAttributes.class).result()), resultType,
                        genericResultType, "the result of workflow " + closed.getWorkflowType() + " (workflowId="
                        + closed.getWorkflowId() + ", runId=" + closed.getRunId() + ")");
            case WorkflowExecutionFailed:
                throw new WorkflowFailedException(run, closed.getWorkflowType(), FailureConverter.fromJson(
                        JsonPayload.node(last.getAttributes(WorkflowExecutionFailedAttributes.class).failure()),
                        converter));
            case WorkflowExecutionCanceled:
                throw new WorkflowFailedException(run, closed.getWorkflowType(),
                        new CanceledFailure("workflow execution canceled"));
            case WorkflowExecutionTerminated:
                throw new WorkflowFailedException(run, closed.getWorkflowType(),
                        new TerminatedFailure(last.getAttributes(WorkflowExecutionTerminatedAttributes.class).reason()));
            case WorkflowExecutionTimedOut:
                throw new WorkflowFailedException(run, closed.getWorkflowType(), new TimeoutFailure(
                        "workflow execution timed out", null, TimeoutType.WORKFLOW_EXECUTION));
            default:
                throw new IllegalStateException("run " + run + " closed with unexpected event " + last);
        }
    }

    @Override
    public void signal(String signalName, Object... args) {
        signal(signalName, null, args);
    }

    /**
     * Sends a signal; with the handler method of a typed stub, first checks that the arguments decode back as its
     * parameters: a signal the worker cannot decode is recorded but skipped, so it is better not sent.
     */
    void signal(String signalName, Method handler, Object[] args) {
        Objects.requireNonNull(signalName, "signalName");
        WorkflowExecution current = requireExecution();
        Payload input = checkedArguments(args, "signal " + signalName + " to workflow " + current.getWorkflowId(),
                handler, "its handler");
        service.signalWorkflow(current.getWorkflowId(), null, signalName, input, identity);
    }

    /**
     * The arguments as a payload; with {@code method}, only if they decode back as its parameters, as the worker
     * decodes them: a value that Jackson writes but cannot read back (an abstract type, a class without a
     * creator) is refused here, naming the call, rather than recorded where no code can read it.
     */
    private Payload checkedArguments(Object[] args, String action, Method method, String role) {
        Payload payload = arguments(args, action);
        if (method != null) {
            try {
                converter.fromJsonArray(JsonPayload.node(payload), method.getParameterTypes(),
                        method.getGenericParameterTypes(), "the call");
            } catch (DataConverterException e) {
                throw new DataConverterException("cannot " + action + ": the arguments would be recorded, but "
                        + role + " " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                        + " could not read them back: " + e.getMessage(), e);
            }
        }
        return payload;
    }

    @Override
    public <R> R query(String queryType, Class<R> resultType, Object... args) {
        return query(queryType, resultType, resultType, args);
    }

    <R> R query(String queryType, Class<R> resultType, Type genericResultType, Object... args) {
        Objects.requireNonNull(queryType, "queryType");
        Objects.requireNonNull(resultType, "resultType");
        WorkflowExecution current = requireExecution();
        Payload answer = service.queryWorkflow(current.getWorkflowId(), null, queryType,
                arguments(args, "query " + queryType + " of workflow " + current.getWorkflowId()));
        return converter.fromJson(JsonPayload.node(answer), resultType, genericResultType,
                "the result of query " + queryType + " of workflow " + current.getWorkflowId());
    }

    /** The arguments of {@code action} as a payload, or the error that names the one a history cannot hold. */
    private Payload arguments(Object[] args, String action) {
        return JsonPayload.of(converter.toJsonArray(args, action));
    }

    @Override
    public <R> R update(String updateName, Class<R> resultType, Object... args) {
        return startUpdate(updateName, UpdateOptions.newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build(), resultType, args).getResult();
    }

    @Override
    public <R> WorkflowUpdateHandle<R> startUpdate(String updateName, UpdateOptions options, Class<R> resultType,
            Object... args) {
        return startUpdate(updateName, null, options, resultType, resultType, args);
    }

    /** Sends an update; with the handler method of a typed stub, first checks that the arguments decode back. */
    <R> WorkflowUpdateHandle<R> startUpdate(String updateName, Method handler, UpdateOptions options,
            Class<R> resultType, Type genericResultType, Object[] args) {
        Objects.requireNonNull(updateName, "updateName");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resultType, "resultType");
        WorkflowExecution current = requireExecution();
        UpdateRequest request = new UpdateRequest(options.getUpdateId(), updateName, checkedArguments(args == null
                ? new Object[0] : args, "update " + updateName + " of workflow " + current.getWorkflowId(), handler,
                "its handler"), identity);
        UpdateCall call = service.updateWorkflow(current.getWorkflowId(), null, request);
        return new WorkflowUpdates<>(call, updateName, converter, resultType, genericResultType)
                .waitFor(options);
    }

    @Override
    public <R> R executeUpdateWithStart(String updateName, Class<R> resultType, Object[] updateArgs,
            Object[] startArgs) {
        return startUpdateWithStart(updateName, UpdateOptions.newBuilder()
                .setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), resultType, updateArgs, startArgs)
                .getResult();
    }

    @Override
    public synchronized <R> WorkflowUpdateHandle<R> startUpdateWithStart(String updateName, UpdateOptions options,
            Class<R> resultType, Object[] updateArgs, Object[] startArgs) {
        Objects.requireNonNull(updateName, "updateName");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resultType, "resultType");
        if (this.options == null || this.options.getWorkflowId() == null) {
            throw new IllegalStateException("update-with-start needs a stub created with WorkflowOptions that set a"
                    + " workflow id (WorkflowOptions.newBuilder().setWorkflowId(...)): the id says which run to update"
                    + " or start");
        }
        if (execution != null) {
            throw new IllegalStateException("this stub already addresses " + execution
                    + "; update it with update(...), or create a new stub for update-with-start");
        }
        String target = this.options.getWorkflowId();
        UpdateRequest request = new UpdateRequest(options.getUpdateId(), updateName,
                checkedArguments(updateArgs == null ? new Object[0] : updateArgs,
                        "update " + updateName + " with start of workflow " + target, null, "its handler"), identity);
        Payload startInput = checkedArguments(startArgs == null ? new Object[0] : startArgs,
                "start workflow " + workflowType + " with update " + updateName, null, "the workflow method");
        StartWorkflowRequest start = startRequest(target, startInput, "start workflow " + workflowType);
        UpdateCall call = service.updateWithStart(start, request);
        execution = call.execution();
        return new WorkflowUpdates<>(call, updateName, converter, resultType, resultType)
                .waitFor(options);
    }


    @Override
    public void cancel() {
        service.requestCancelWorkflow(requireExecution().getWorkflowId(), null, identity);
    }

    @Override
    public void terminate(String reason) {
        service.terminateWorkflow(requireExecution().getWorkflowId(), null, reason, identity);
    }

}
