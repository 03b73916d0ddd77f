package dev.hourglass.internal.replay;

import dev.hourglass.common.Values;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.internal.common.EncodedValues;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.statemachines.SignalStateMachine;
import dev.hourglass.workflow.DynamicQueryHandler;
import dev.hourglass.workflow.DynamicSignalHandler;
import dev.hourglass.workflow.DynamicUpdateHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signal and query handlers of one run: the methods of its workflow interface, the handler objects its code
 * registered with {@code Workflow.registerListener}, and its dynamic handlers; and the signals that arrived with no
 * handler, kept until one is registered.
 *
 * <p>A signal goes to its named handler (of the interface first, then of a registered object), else to the dynamic
 * signal handler; with none, it waits in arrival order, and each registration delivers the waiting signals it
 * handles. Everything here follows from the history and the code's registrations, so a replay decides the same.
 */
final class Handlers {

    private static final Logger log = LoggerFactory.getLogger(WorkflowExecutor.class);

    /** A named handler registered at run time: the object and its method. */
    private record Handler(Object target, Method method) {
    }

    private final WorkflowExecutor executor;
    /** The signals whose handlers are running, in the order they arrived. */
    private final List<SignalStateMachine> handling = new ArrayList<>();
    private final Map<String, Handler> signals = new LinkedHashMap<>();
    private final Map<String, Handler> queries = new LinkedHashMap<>();
    /** Signals with no handler yet, in arrival order. */
    private final List<HistoryEvent> waiting = new ArrayList<>();
    private DynamicSignalHandler dynamicSignals;
    private DynamicQueryHandler dynamicQueries;

    Handlers(WorkflowExecutor executor) {
        this.executor = executor;
    }

    /**
     * Registers a handler object: a dynamic signal or query handler, or an object whose interfaces declare
     * {@code @SignalMethod} and {@code @QueryMethod} methods; then delivers the waiting signals it handles.
     */
    void register(Object listener) {
        if (listener == null) {
            throw new IllegalArgumentException("Workflow.registerListener(null): pass a DynamicSignalHandler, a"
                    + " DynamicQueryHandler, or an object implementing an interface with @SignalMethod or"
                    + " @QueryMethod methods");
        }
        Interfaces.ListenerMethods methods = Interfaces.listenerMethods(listener.getClass());
        boolean dynamic = listener instanceof DynamicSignalHandler || listener instanceof DynamicQueryHandler
                || listener instanceof DynamicUpdateHandler;
        if (!dynamic && methods.signals().isEmpty() && methods.queries().isEmpty() && methods.updates().isEmpty()) {
            throw new IllegalArgumentException("Workflow.registerListener(" + listener.getClass().getName() + "): the"
                    + " object implements none of DynamicSignalHandler, DynamicQueryHandler and DynamicUpdateHandler,"
                    + " nor an interface with @SignalMethod, @QueryMethod or @UpdateMethod methods, so it would handle"
                    + " nothing; implement one of them");
        }
        executor.updates.register(listener, methods.updates());
        Map<String, Method> interfaceSignals = executor.implementation.metadata().signals();
        Map<String, Method> interfaceQueries = executor.implementation.metadata().queries();
        addNamed(listener, methods.signals(), interfaceSignals, signals, "signal");
        addNamed(listener, methods.queries(), interfaceQueries, queries, "query");
        if (listener instanceof DynamicSignalHandler) {
            dynamicSignals = (DynamicSignalHandler) listener;
        }
        if (listener instanceof DynamicQueryHandler) {
            dynamicQueries = (DynamicQueryHandler) listener;
        }
        deliverWaiting();
    }

    /**
     * Adds a registered object's named handlers; a name the workflow interface or another object already handles
     * is refused, unless it is the very method (an object registering its own workflow interface's handlers).
     */
    private void addNamed(Object listener, Map<String, Method> methods, Map<String, Method> ofInterface,
            Map<String, Handler> registered, String what) {
        for (Map.Entry<String, Method> entry : methods.entrySet()) {
            String name = entry.getKey();
            Method existing = ofInterface.get(name);
            if (existing != null && existing.equals(entry.getValue())) {
                continue;
            }
            Handler previous = registered.get(name);
            if (existing != null || (previous != null && previous.target() != listener)) {
                throw new IllegalArgumentException("Workflow.registerListener(" + listener.getClass().getName()
                        + "): " + what + " '" + name + "' already has a handler in " + executor.describeExecution()
                        + " (" + (existing != null ? "the workflow interface's " + existing.getName()
                        : "registered " + previous.target().getClass().getName()) + "); a " + what + " reaches one"
                        + " handler: rename one with @" + (what.equals("signal") ? "SignalMethod" : "QueryMethod")
                        + "(name = \"...\")");
            }
        }
        methods.forEach((name, method) -> {
            if (!method.equals(ofInterface.get(name))) {
                registered.put(name, new Handler(listener, method));
            }
        });
    }

    /** Delivers the waiting signals that a handler now exists for, in the order they arrived. */
    private void deliverWaiting() {
        List<HistoryEvent> now = new ArrayList<>(waiting);
        waiting.clear();
        for (HistoryEvent event : now) {
            if (!deliver(event, false)) {
                waiting.add(event);
            }
        }
    }

    /**
     * Starts the handler of a recorded signal on a new workflow thread, or keeps the signal until a handler is
     * registered, or skips it; with {@code beforeInstance}, the workflow object may not exist yet and the handler
     * creates it.
     */
    void signalReceived(HistoryEvent event, boolean beforeInstance) {
        String name = event.getAttributes(WorkflowExecutionSignaledAttributes.class).signalName();
        if (executor.instance == null && !beforeInstance) {
            new SignalStateMachine(name, () -> { }, () -> log.warn("{} received signal '{}' before its workflow"
                    + " object was created; the signal is dropped", executor.describeExecution(), name),
                    cause -> { }).drop();
            return;
        }
        if (!deliver(event, beforeInstance)) {
            waiting.add(event);
            if (!executor.isReplaying()) { // said once, when the signal arrives, not again on every rebuild
                log.warn("{} has no handler for signal '{}'; known signals: {}; the signal waits until a handler for"
                        + " it is registered with Workflow.registerListener, and is dropped if none is",
                        executor.describeExecution(), name, knownSignals());
            }
        }
    }

    /** Starts the signal's handler if it has one; returns whether it has. */
    private boolean deliver(HistoryEvent event, boolean beforeInstance) {
        WorkflowExecutionSignaledAttributes signaled = event.getAttributes(WorkflowExecutionSignaledAttributes.class);
        String name = signaled.signalName();
        Method method = executor.implementation.metadata().signals().get(name);
        Supplier<Object> target = executor::createInstance;
        String owner = executor.implementation.implementationClass().getSimpleName();
        if (method == null && signals.containsKey(name)) {
            Handler handler = signals.get(name);
            method = handler.method();
            target = handler::target;
            owner = handler.target().getClass().getSimpleName();
        }
        if (method == null && dynamicSignals == null) {
            return false;
        }
        boolean replayingNow = executor.isReplaying();
        Method typed = method;
        String handlerName = typed == null ? null : owner + "." + typed.getName();
        Supplier<Object> on = target;
        DynamicSignalHandler dynamic = dynamicSignals;
        Object[][] args = new Object[1][];
        SignalStateMachine[] signal = new SignalStateMachine[1];
        signal[0] = new SignalStateMachine(name, () -> {
            handling.add(signal[0]);
            executor.runner.newThread("signal " + name, executor.rootScope, () -> handle(signal[0], () ->
                    executor.interceptors.handleSignal(name, typed == null
                            ? new Object[] {EncodedValues.arguments(JsonPayload.node(signaled.input()),
                                    executor.converter, "signal " + name)}
                            : args[0], event.getEventId(), arguments -> {
                                if (typed == null) {
                                    dynamic.handle(name, (Values) arguments[0]);
                                } else {
                                    Reflection.invoke(typed, on.get(), arguments);
                                }
                            })));
        }, () -> { }, cause -> {
            if (!replayingNow) {
                log.warn("{}: signal '{}' (event {}) is skipped, its handler {} does not run: its input {} cannot be"
                                + " decoded as the handler's parameters: {}. The signal stays in the history; send it"
                                + " with arguments of the handler's parameter types (a typed stub checks them)",
                        executor.describeExecution(), name, event.getEventId(),
                        handlerName,
                        signaled.input().toJson(), cause.getMessage());
            }
        });
        if (typed != null) {
            try {
                args[0] = executor.converter.fromJsonArray(JsonPayload.node(signaled.input()),
                        typed.getParameterTypes(), typed.getGenericParameterTypes(), "signal ", name);
            } catch (RuntimeException undecodable) {
                // decided from the recorded input alone, so a replay decides the same
                signal[0].skip(undecodable);
                return true;
            }
        }
        signal[0].dispatch();
        return true;
    }

    /** Runs a signal's handler on its workflow thread. */
    private void handle(SignalStateMachine signal, Runnable call) {
        try {
            call.run();
            signal.returned();
        } catch (RuntimeException e) {
            signal.threw();
            throw e;
        } finally {
            handling.remove(signal);
        }
    }

    /**
     * Answers a query with its handler: the interface's query method, a registered object's, or the dynamic query
     * handler; the caller encodes the answer.
     *
     * @throws IllegalArgumentException if the run has no handler for the query, naming the known ones
     */
    Object answer(String queryType, Payload args) {
        Method method = executor.implementation.metadata().queries().get(queryType);
        Object target = executor.instance;
        if (method == null && queries.containsKey(queryType)) {
            method = queries.get(queryType).method();
            target = queries.get(queryType).target();
        }
        if (method == null && dynamicQueries != null) {
            DynamicQueryHandler dynamic = dynamicQueries;
            return executor.interceptors.handleQuery(queryType, new Object[] {EncodedValues.arguments(
                    JsonPayload.node(args), executor.converter, "query " + queryType)},
                    arguments -> dynamic.handle(queryType, (Values) arguments[0]));
        }
        if (method == null) {
            Set<String> known = new LinkedHashSet<>(executor.implementation.metadata().queries().keySet());
            known.addAll(queries.keySet());
            throw new IllegalArgumentException("workflow type " + executor.workflowType() + " has no query '"
                    + queryType + "'; known queries: " + known);
        }
        if (target == null) {
            throw new IllegalStateException("the workflow object of " + executor.describeExecution()
                    + " is not created yet");
        }
        Object[] decoded = executor.converter.fromJsonArray(JsonPayload.node(args), method.getParameterTypes(),
                method.getGenericParameterTypes(), "query ", queryType);
        Method handler = method;
        Object on = target;
        return executor.interceptors.handleQuery(queryType, decoded, arguments -> Reflection.invoke(handler, on,
                arguments));
    }

    /** The names of the signals whose handlers are running, in the order they arrived. */
    List<String> running() {
        List<String> names = new ArrayList<>();
        handling.forEach(signal -> names.add(signal.signalName()));
        return names;
    }

    /** The signals that arrived and have found no handler, described for a replay report. */
    List<String> unhandled() {
        List<String> described = new ArrayList<>();
        for (HistoryEvent event : waiting) {
            described.add("event " + event.getEventId() + " of " + executor.describeExecution() + ": signal '"
                    + event.getAttributes(WorkflowExecutionSignaledAttributes.class).signalName() + "' has no handler"
                    + " in " + executor.implementation.implementationClass().getSimpleName() + " (known signals: "
                    + knownSignals() + ") and no handler registered with Workflow.registerListener took it by the end"
                    + " of the history");
        }
        return described;
    }

    private Set<String> knownSignals() {
        Set<String> known = new LinkedHashSet<>(executor.implementation.metadata().signals().keySet());
        known.addAll(signals.keySet());
        return known;
    }
}
