package dev.hourglass.internal.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.client.WorkflowClientCallsInterceptor;
import dev.hourglass.client.WorkflowClientInterceptor;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The end of a client's interceptor chain: encodes the arguments of each workflow call with the client's converter,
 * sends it to the service, and decodes what comes back.
 */
final class RootWorkflowClientCalls implements WorkflowClientCallsInterceptor {

    private final WorkflowServiceSpi service;
    private final PayloadConverter converter;
    /** The client's identity, recorded on the events its calls cause; {@code null} for none. */
    private final String identity;
    private final WorkflowResults results;

    RootWorkflowClientCalls(WorkflowServiceSpi service, PayloadConverter converter, String identity) {
        this.service = service;
        this.converter = converter;
        this.identity = identity;
        this.results = new WorkflowResults(service, converter);
    }

    /**
     * The chain of a client: each interceptor wraps the next, the first the outermost, around the root.
     *
     * @throws IllegalStateException if an interceptor returns {@code null}
     */
    static WorkflowClientCallsInterceptor chain(WorkflowServiceSpi service, PayloadConverter converter,
            String identity, List<WorkflowClientInterceptor> interceptors) {
        WorkflowClientCallsInterceptor head = new RootWorkflowClientCalls(service, converter, identity);
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            WorkflowClientInterceptor interceptor = interceptors.get(i);
            head = interceptor.workflowClientCallsInterceptor(head);
            if (head == null) {
                throw new IllegalStateException(interceptor.getClass().getName() + ".workflowClientCallsInterceptor"
                        + " returned null: return the interceptor that takes the calls, or the 'next' it was given to"
                        + " wrap nothing");
            }
        }
        return head;
    }

    @Override
    public WorkflowStartOutput start(WorkflowStartInput input) {
        return new WorkflowStartOutput(service.startWorkflow(request(input, "start workflow " + input.getWorkflowType()
                + (input.getWorkflowId() == null ? "" : " (workflowId=" + input.getWorkflowId() + ")"))));
    }

    @Override
    public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
        WorkflowStartInput start = input.getWorkflowStartInput();
        String target = start.getWorkflowId() == null ? start.getWorkflowType() : start.getWorkflowId();
        Payload signalInput = arguments(input.getSignalArguments(), "signal " + input.getSignalName()
                + " with start to workflow " + target);
        StartWorkflowRequest request = request(start, "start workflow " + start.getWorkflowType() + " with signal "
                + input.getSignalName());
        return new WorkflowSignalWithStartOutput(new WorkflowStartOutput(service.signalWithStart(request,
                input.getSignalName(), signalInput)));
    }

    private StartWorkflowRequest request(WorkflowStartInput input, String action) {
        WorkflowOptions options = input.getOptions();
        return StartWorkflowRequest.of(options.getWorkflowId(), input.getWorkflowType(), options.getTaskQueue(),
                arguments(input.getArguments(), action), options.getWorkflowIdReusePolicy(),
                options.getWorkflowExecutionTimeout()).withIdentity(identity).withStartDelay(options.getStartDelay())
                .withCron(options.getCronSchedule(), null)
                .withSearchAttributesAndMemo(options.getTypedSearchAttributes(),
                        memo(options, "start workflow " + input.getWorkflowType()));
    }

    /** The options' memo as a JSON object of key to payload (encoded by the codecs), or {@code null} for none. */
    private Payload memo(WorkflowOptions options, String action) {
        if (options.getMemo().isEmpty()) {
            return null;
        }
        ObjectNode memo = JsonNodeFactory.instance.objectNode();
        // in key order: a Map.of memo iterates in an order that changes from one JVM launch to the next
        new TreeMap<>(options.getMemo()).forEach((key, value) -> memo.set(key,
                converter.toJson(value, "the memo value " + key + " to " + action)));
        return JsonPayload.of(memo);
    }

    @Override
    public WorkflowSignalOutput signal(WorkflowSignalInput input) {
        String workflowId = input.getWorkflowExecution().getWorkflowId();
        service.signalWorkflow(workflowId, null, input.getSignalName(), arguments(input.getArguments(),
                "signal " + input.getSignalName() + " to workflow " + workflowId), identity);
        return new WorkflowSignalOutput();
    }

    @Override
    public <R> QueryOutput<R> query(QueryInput<R> input) {
        String workflowId = input.getWorkflowExecution().getWorkflowId();
        Payload answer = service.queryWorkflow(workflowId, null, input.getQueryType(),
                arguments(input.getArguments(), "query " + input.getQueryType() + " of workflow " + workflowId));
        return new QueryOutput<>(converter.fromJson(JsonPayload.node(answer), input.getResultClass(),
                input.getResultType(), "the result of query " + input.getQueryType() + " of workflow " + workflowId));
    }

    @Override
    public <R> StartUpdateOutput<R> startUpdate(StartUpdateInput<R> input) {
        String workflowId = input.getWorkflowExecution().getWorkflowId();
        UpdateCall call = service.updateWorkflow(workflowId, null, update(input, "update " + input.getUpdateName()
                + " of workflow " + workflowId));
        return handle(call, input);
    }

    @Override
    public <R> StartUpdateOutput<R> updateWithStart(UpdateWithStartInput<R> input) {
        StartUpdateInput<R> update = input.getStartUpdateInput();
        WorkflowStartInput start = input.getWorkflowStartInput();
        UpdateCall call = service.updateWithStart(request(start, "start workflow " + start.getWorkflowType()
                + " with update " + update.getUpdateName()), update(update, "update " + update.getUpdateName()
                + " with start of workflow " + update.getWorkflowExecution().getWorkflowId()));
        return handle(call, update);
    }

    /** The update as the service takes it; without an id of the caller's, the service assigns one. */
    private UpdateRequest update(StartUpdateInput<?> input, String action) {
        return new UpdateRequest(input.getOptions().getUpdateId(), input.getUpdateName(),
                arguments(input.getArguments(), action), identity);
    }

    /** Waits until the update reached the stage its options ask for. */
    private <R> StartUpdateOutput<R> handle(UpdateCall call, StartUpdateInput<R> input) {
        return new StartUpdateOutput<>(new WorkflowUpdates<>(call, input.getUpdateName(), converter,
                input.getResultClass(), input.getResultType()).waitFor(input.getOptions()));
    }

    @Override
    public <R> GetResultOutput<R> getResult(GetResultInput<R> input) throws TimeoutException {
        WorkflowExecution execution = input.getWorkflowExecution();
        CompletableFuture<R> result = results.await(execution, input.getResultClass(), input.getResultType());
        if (input.getTimeoutUnit() == null) {
            try {
                return new GetResultOutput<>(result.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw e;
            }
        }
        try {
            return new GetResultOutput<>(result.get(input.getTimeout(), input.getTimeoutUnit()));
        } catch (TimeoutException e) {
            result.cancel(false);
            throw WorkflowResults.timedOut(execution, input.getTimeout(), input.getTimeoutUnit());
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            CancellationException interrupted = new CancellationException("the thread was interrupted while it"
                    + " waited for the result of workflow " + execution.getWorkflowId());
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

    @Override
    public <R> GetResultAsyncOutput<R> getResultAsync(GetResultInput<R> input) {
        WorkflowExecution execution = input.getWorkflowExecution();
        CompletableFuture<R> result = results.await(execution, input.getResultClass(), input.getResultType());
        if (input.getTimeoutUnit() != null) {
            long timeout = input.getTimeout();
            CompletableFuture.delayedExecutor(timeout, input.getTimeoutUnit()).execute(() -> result.completeExceptionally(
                    WorkflowResults.timedOut(execution, timeout, input.getTimeoutUnit())));
        }
        return new GetResultAsyncOutput<>(result);
    }

    @Override
    public CancelOutput cancel(CancelInput input) {
        service.requestCancelWorkflow(input.getWorkflowExecution().getWorkflowId(), null, identity);
        return new CancelOutput();
    }

    @Override
    public TerminateOutput terminate(TerminateInput input) {
        service.terminateWorkflow(input.getWorkflowExecution().getWorkflowId(), null, input.getReason(), identity);
        return new TerminateOutput();
    }

    /** The arguments of {@code action} as a payload, or the error that names the one a history cannot hold. */
    private Payload arguments(Object[] args, String action) {
        return JsonPayload.of(converter.toJsonArray(args, action));
    }
}
