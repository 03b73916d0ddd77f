package dev.hourglass.internal.replay;

import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The interceptor chains of one run: the inbound calls (workflow method, signals, queries, updates) pass through
 * the worker interceptors to {@link Root}, which calls the code; the calls the code makes pass through the outbound
 * chain the interceptors built in {@code init} to {@link RootWorkflowOutboundCalls}. Built on first use, in workflow code, once
 * per run (and again when the run is rebuilt by replay).
 */
final class WorkflowInterceptorChain {

    private final WorkflowExecutor executor;
    private List<WorkerInterceptor> interceptors = List.of();
    private WorkflowInboundCallsInterceptor inbound;
    private WorkflowOutboundCallsInterceptor outbound;
    /** The handler of each signal being delivered, by the id of its event; what {@link Root} calls. */
    private final Map<Long, Consumer<Object[]>> signalHandlers = new HashMap<>();
    /** The handler of the query being answered; queries do not overlap. */
    private Function<Object[], Object> queryHandler;
    /** The validator running now, by the update's id; validators do not overlap. */
    private final Map<String, Consumer<Object[]>> updateValidators = new HashMap<>();
    /** The handler of each update running, by the update's id; what {@link Root} calls. */
    private final Map<String, Function<Object[], Object>> updateHandlers = new HashMap<>();

    WorkflowInterceptorChain(WorkflowExecutor executor) {
        this.executor = executor;
    }

    /** Sets the worker's interceptors, first the outermost; before the run's code first runs. */
    void setInterceptors(List<WorkerInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
    }

    /** The head of the inbound chain, built on first use. */
    WorkflowInboundCallsInterceptor inbound() {
        if (inbound == null) {
            build();
        }
        return inbound;
    }

    /** The head of the outbound chain, which workflow code calls; built on first use. */
    WorkflowOutboundCallsInterceptor outbound() {
        if (outbound == null) {
            build();
        }
        return outbound;
    }

    private void build() {
        WorkflowInboundCallsInterceptor head = new Root();
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            WorkerInterceptor interceptor = interceptors.get(i);
            head = interceptor.interceptWorkflow(head);
            if (head == null) {
                throw new IllegalStateException(interceptor.getClass().getName() + ".interceptWorkflow returned"
                        + " null in " + executor.describeExecution() + ": return the interceptor that takes the"
                        + " calls, or the 'next' it was given to wrap nothing");
            }
        }
        inbound = head;
        head.init(new RootWorkflowOutboundCalls(executor));
        if (outbound == null) {
            throw new IllegalStateException("the workflow inbound interceptors of " + executor.describeExecution()
                    + " did not pass init(outbound) on to the next one: an interceptor's init must call"
                    + " next.init(...) (WorkflowInboundCallsInterceptorBase does), with the outbound interceptor"
                    + " it was given or one that wraps it");
        }
    }

    /** Runs a signal's handler through the chain, with its decoded arguments. */
    void handleSignal(String signalName, Object[] arguments, long eventId, Consumer<Object[]> handler) {
        signalHandlers.put(eventId, handler);
        try {
            inbound().handleSignal(new WorkflowInboundCallsInterceptor.SignalInput(signalName, arguments, eventId));
        } finally {
            signalHandlers.remove(eventId);
        }
    }

    /** Answers a query through the chain, with its decoded arguments. */
    Object handleQuery(String queryName, Object[] arguments, Function<Object[], Object> handler) {
        queryHandler = handler;
        try {
            return inbound().handleQuery(new WorkflowInboundCallsInterceptor.QueryInput(queryName, arguments))
                    .getResult();
        } finally {
            queryHandler = null;
        }
    }

    /** Runs an update's validator through the chain, with its decoded arguments. */
    void validateUpdate(String updateName, String updateId, Object[] arguments, Consumer<Object[]> validator) {
        updateValidators.put(updateId, validator);
        try {
            inbound().validateUpdate(new WorkflowInboundCallsInterceptor.UpdateInput(updateName, updateId, arguments));
        } finally {
            updateValidators.remove(updateId);
        }
    }

    /** Runs an accepted update's handler through the chain, with its decoded arguments; returns its result. */
    Object executeUpdate(String updateName, String updateId, Object[] arguments, Function<Object[], Object> handler) {
        updateHandlers.put(updateId, handler);
        try {
            return inbound().executeUpdate(new WorkflowInboundCallsInterceptor.UpdateInput(updateName, updateId,
                    arguments)).getResult();
        } finally {
            updateHandlers.remove(updateId);
        }
    }

    /** The end of the inbound chain: calls the workflow code. */
    private final class Root implements WorkflowInboundCallsInterceptor {

        @Override
        public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
            outbound = Objects.requireNonNull(outboundCalls, "the outbound interceptor passed to init");
        }

        @Override
        public WorkflowOutput execute(WorkflowInput input) {
            Object[] args = input.getArguments();
            Object instance = executor.createInstance(args);
            Method method = executor.implementation.metadata().workflowMethod();
            return new WorkflowOutput(Reflection.invoke(method, instance, args));
        }

        @Override
        public void handleSignal(SignalInput input) {
            Consumer<Object[]> handler = signalHandlers.get(input.getEventId());
            if (handler == null) {
                throw new IllegalStateException("no signal of event " + input.getEventId() + " is being delivered"
                        + " in " + executor.describeExecution() + ": a workflow inbound interceptor changed the"
                        + " signal's event id, or called handleSignal after the delivery returned; pass the"
                        + " SignalInput's event id on unchanged, on the thread the signal came on");
            }
            handler.accept(input.getArguments());
        }

        @Override
        public QueryOutput handleQuery(QueryInput input) {
            if (queryHandler == null) {
                throw new IllegalStateException("no query is being answered in " + executor.describeExecution()
                        + ": a workflow inbound interceptor called handleQuery outside a query");
            }
            return new QueryOutput(queryHandler.apply(input.getArguments()));
        }

        @Override
        public void validateUpdate(UpdateInput input) {
            Consumer<Object[]> validator = updateValidators.get(input.getUpdateId());
            if (validator == null) {
                throw new IllegalStateException("update " + input.getUpdateId() + " is not being validated in "
                        + executor.describeExecution() + ": a workflow inbound interceptor changed the update's id,"
                        + " or called validateUpdate outside a validation; pass the UpdateInput's id on unchanged");
            }
            validator.accept(input.getArguments());
        }

        @Override
        public UpdateOutput executeUpdate(UpdateInput input) {
            Function<Object[], Object> handler = updateHandlers.get(input.getUpdateId());
            if (handler == null) {
                throw new IllegalStateException("update " + input.getUpdateId() + " is not being handled in "
                        + executor.describeExecution() + ": a workflow inbound interceptor changed the update's id,"
                        + " or called executeUpdate after the handler returned; pass the UpdateInput's id on"
                        + " unchanged, on the thread the update came on");
            }
            return new UpdateOutput(handler.apply(input.getArguments()));
        }
    }
}
