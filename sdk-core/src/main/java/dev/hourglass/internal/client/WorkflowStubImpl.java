package dev.hourglass.internal.client;

import dev.hourglass.common.DataConverterException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowClientCallsInterceptor;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateHandle;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
    /** The head of the client's interceptor chain, which the calls of this stub go through. */
    private final WorkflowClientCallsInterceptor calls;
    private String workflowType;
    private volatile WorkflowExecution execution;

    WorkflowStubImpl(WorkflowServiceSpi service, PayloadConverter converter, String identity, String workflowType,
            WorkflowOptions options, String boundWorkflowId) {
        this(service, converter, identity, workflowType, options, boundWorkflowId,
                RootWorkflowClientCalls.chain(service, converter, identity, List.of()));
    }

    /** Creates a stub whose calls go through {@code calls}, the head of its client's interceptor chain. */
    WorkflowStubImpl(WorkflowServiceSpi service, PayloadConverter converter, String identity, String workflowType,
            WorkflowOptions options, String boundWorkflowId, WorkflowClientCallsInterceptor calls) {
        this.calls = calls;
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
        checkTyped(args, action, workflowMethod, "the workflow method");
        execution = calls.start(new WorkflowClientCallsInterceptor.WorkflowStartInput(workflowType,
                args == null ? new Object[0] : args, options)).getWorkflowExecution();
        return execution;
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
            return calls.getResult(new WorkflowClientCallsInterceptor.GetResultInput<>(requireExecution(), resultType,
                    genericResultType, 0, null)).getResult();
        } catch (TimeoutException e) {
            throw new IllegalStateException("a workflow client interceptor's getResult threw " + e + " for a wait"
                    + " without a timeout", e);
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
        return calls.getResultAsync(new WorkflowClientCallsInterceptor.GetResultInput<>(requireExecution(),
                resultType, genericResultType, 0, null)).getResult();
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
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(genericResultType, "genericResultType");
        return calls.getResultAsync(new WorkflowClientCallsInterceptor.GetResultInput<>(requireExecution(),
                resultType, genericResultType, timeout, unit)).getResult();
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
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(genericResultType, "genericResultType");
        return calls.getResult(new WorkflowClientCallsInterceptor.GetResultInput<>(requireExecution(), resultType,
                genericResultType, timeout, unit)).getResult();
    }

    private static void checkTimeout(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout + " " + unit);
        }
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
        Object[] signalArguments = signalArgs == null ? new Object[0] : signalArgs;
        Object[] startArguments = startArgs == null ? new Object[0] : startArgs;
        checkTyped(signalArguments, "signal " + signalName + " with start to workflow " + target, handler,
                "its handler");
        checkTyped(startArguments, "start workflow " + workflowType + " with signal " + signalName, workflowMethod,
                "the workflow method");
        execution = calls.signalWithStart(new WorkflowClientCallsInterceptor.WorkflowSignalWithStartInput(
                new WorkflowClientCallsInterceptor.WorkflowStartInput(workflowType, startArguments, options),
                signalName, signalArguments)).getWorkflowStartOutput().getWorkflowExecution();
        return execution;
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
        checkTyped(args, "signal " + signalName + " to workflow " + current.getWorkflowId(), handler, "its handler");
        calls.signal(new WorkflowClientCallsInterceptor.WorkflowSignalInput(current, signalName,
                args == null ? new Object[0] : args));
    }

    /**
     * With the method of a typed stub, checks that the arguments decode back as its parameters (see
     * {@link #checkedArguments}) before the call goes through the interceptors; untyped calls are not checked.
     */
    private void checkTyped(Object[] args, String action, Method method, String role) {
        if (method != null) {
            checkedArguments(args, action, method, role);
        }
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
        return calls.query(new WorkflowClientCallsInterceptor.QueryInput<>(requireExecution(), queryType,
                args == null ? new Object[0] : args, resultType, genericResultType)).getResult();
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
        Object[] arguments = args == null ? new Object[0] : args;
        checkTyped(arguments, "update " + updateName + " of workflow " + current.getWorkflowId(), handler,
                "its handler");
        return calls.startUpdate(new WorkflowClientCallsInterceptor.StartUpdateInput<>(current, updateName,
                arguments, options, resultType, genericResultType)).getHandle();
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
        WorkflowClientCallsInterceptor.StartUpdateInput<R> update = new WorkflowClientCallsInterceptor
                .StartUpdateInput<>(new WorkflowExecution(this.options.getWorkflowId(), null), updateName,
                        updateArgs == null ? new Object[0] : updateArgs, options, resultType, resultType);
        WorkflowUpdateHandle<R> handle = calls.updateWithStart(new WorkflowClientCallsInterceptor.UpdateWithStartInput<>(
                new WorkflowClientCallsInterceptor.WorkflowStartInput(workflowType,
                        startArgs == null ? new Object[0] : startArgs, this.options), update)).getHandle();
        execution = handle.getExecution();
        return handle;
    }

    @Override
    public void cancel() {
        calls.cancel(new WorkflowClientCallsInterceptor.CancelInput(requireExecution()));
    }

    @Override
    public void terminate(String reason) {
        calls.terminate(new WorkflowClientCallsInterceptor.TerminateInput(requireExecution(), reason));
    }

}
