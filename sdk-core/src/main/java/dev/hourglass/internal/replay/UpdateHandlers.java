package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.hourglass.common.Values;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.HourglassFailure;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionUpdateAcceptedAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import dev.hourglass.internal.common.EncodedValues;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.workflow.DynamicUpdateHandler;
import dev.hourglass.workflow.UpdateValidatorMethod;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The update handlers of one run and the updates a workflow task delivers to them.
 *
 * <p>Live, once every event of the task is delivered and every workflow thread is blocked, each update the task
 * brings is validated, read-only like a query: an update with no handler, or whose validator throws, is rejected (no
 * command; the worker tells the service); any other is accepted: the {@code WorkflowExecutionUpdateAccepted} command
 * is produced and the handler starts on a workflow thread of its own. When the handler returns (or throws a business
 * failure) it produces the {@code WorkflowExecutionUpdateCompleted} command. On replay the recorded accepted event is
 * an input: the handler starts again where it is recorded, with the recorded input, and its completion is matched like
 * any command, so a handler that now completes differently is reported as nondeterminism.
 */
final class UpdateHandlers {

    /** A named update handler registered at run time: the object and its method. */
    private record Handler(Object target, Method method) {
    }

    private final WorkflowExecutor executor;
    private final Map<String, Handler> registered = new LinkedHashMap<>();
    private DynamicUpdateHandler dynamic;
    /** The ids of the updates accepted in this run so far. */
    private final Set<String> accepted = new LinkedHashSet<>();
    /** The updates whose handlers have started and not yet returned, by id, in the order they were accepted. */
    private final Map<String, String> running = new LinkedHashMap<>();
    /** The updates of the current task not yet validated, in the order they came. */
    private final List<UpdateRequest> pending = new ArrayList<>();
    /** The updates of the current task rejected so far. */
    private final List<UpdateRejection> rejections = new ArrayList<>();

    UpdateHandlers(WorkflowExecutor executor) {
        this.executor = executor;
    }

    /** Registers the update methods of a handler object, and a dynamic update handler. */
    void register(Object listener, Map<String, Method> methods) {
        Map<String, Method> ofInterface = executor.implementation.metadata().updates();
        methods.forEach((name, method) -> {
            Method existing = ofInterface.get(name);
            Handler previous = registered.get(name);
            if (method.equals(existing)) {
                return;
            }
            if (existing != null || (previous != null && previous.target() != listener)) {
                throw new IllegalArgumentException("Workflow.registerListener(" + listener.getClass().getName()
                        + "): update '" + name + "' already has a handler in " + executor.describeExecution()
                        + "; an update reaches one handler: rename one with @UpdateMethod(name = \"...\")");
            }
            registered.put(name, new Handler(listener, method));
        });
        if (listener instanceof DynamicUpdateHandler) {
            dynamic = (DynamicUpdateHandler) listener;
        }
    }

    /** Sets the updates the current task delivers; those already accepted in this run are left out. */
    void startTask(List<UpdateRequest> updates) {
        pending.clear();
        rejections.clear();
        for (UpdateRequest update : updates) {
            if (!accepted.contains(update.updateId())) {
                pending.add(update);
            }
        }
    }

    /** The rejections of the current task. */
    List<UpdateRejection> rejections() {
        return List.copyOf(rejections);
    }

    /** Validates the next update of the task and accepts or rejects it; returns {@code false} if none is left. */
    boolean deliverNext() {
        if (pending.isEmpty()) {
            return false;
        }
        UpdateRequest update = pending.remove(0);
        try {
            Object target = targetOf(update.updateName());
            Method method = methodOf(update.updateName());
            if (method == null && dynamic == null) {
                throw new IllegalArgumentException("workflow type " + executor.workflowType() + " has no update '"
                        + update.updateName() + "'; known updates: " + knownUpdates()
                        + ". Send one of those, or register a handler with Workflow.registerListener");
            }
            executor.readOnly(WorkflowExecutor.VALIDATOR + "'" + update.updateName() + "'",
                    () -> validate(update, target, method));
        } catch (Exception e) {
            rejections.add(new UpdateRejection(update.updateId(),
                    JsonPayload.of(FailureConverter.toJson(e, executor.converter))));
            return true;
        }
        WorkflowExecutionUpdateAcceptedAttributes command = new WorkflowExecutionUpdateAcceptedAttributes(
                update.updateId(), update.updateName(), update.input(), update.identity());
        executor.matcher.add(command);
        start(command);
        return true;
    }

    /** Starts the handler of an accepted update recorded in the history (a replay of the run). */
    void deliverRecorded(HistoryEvent event) {
        WorkflowExecutionUpdateAcceptedAttributes recorded =
                event.getAttributes(WorkflowExecutionUpdateAcceptedAttributes.class);
        executor.matcher.add(recorded);
        start(recorded);
    }

    private void start(WorkflowExecutionUpdateAcceptedAttributes update) {
        accepted.add(update.updateId());
        String name = update.updateName();
        Method method = methodOf(name);
        DynamicUpdateHandler dynamicHandler = dynamic;
        if (method == null && dynamicHandler == null) {
            throw new IllegalStateException("update '" + name + "' (id " + update.updateId() + ") was accepted, but "
                    + executor.describeExecution() + " has no handler for it now; known updates: " + knownUpdates()
                    + ". Keep the handler (or register it before the point the update is recorded at)");
        }
        running.put(update.updateId(), name);
        executor.runner.newThread("update " + name, executor.rootScope, () -> {
            try {
                handle(update, method, dynamicHandler);
            } finally {
                running.remove(update.updateId());
            }
        });
    }

    private void handle(WorkflowExecutionUpdateAcceptedAttributes update, Method method,
            DynamicUpdateHandler dynamicHandler) {
        String name = update.updateName();
        Object result;
        try {
            Object[] arguments = method == null
                    ? new Object[] {EncodedValues.arguments(JsonPayload.node(update.input()), executor.converter,
                            "update " + name)}
                    : decode(method, name, update.input());
            Object target = method == null ? null : targetOf(name);
            result = executor.interceptors.executeUpdate(name, update.updateId(), arguments, args -> method == null
                    ? dynamicHandler.handle(name, (Values) args[0])
                    : Reflection.invoke(method, target, args));
        } catch (HourglassFailure failure) {
            complete(new WorkflowExecutionUpdateCompletedAttributes(update.updateId(),
                    JsonPayload.of(NullNode.getInstance()),
                    JsonPayload.of(FailureConverter.toJson(failure, executor.converter))));
            return;
        }
        complete(new WorkflowExecutionUpdateCompletedAttributes(update.updateId(), JsonPayload.of(
                executor.converter.toJson(result, "the result of update ", name)), null));
    }

    /** The updates whose handlers are running, as {@code name (id)}, in the order they were accepted. */
    List<String> running() {
        List<String> described = new ArrayList<>();
        running.forEach((id, name) -> described.add(name + " (id " + id + ")"));
        return described;
    }

    private void complete(WorkflowExecutionUpdateCompletedAttributes completed) {
        if (!executor.isStopped()) {
            executor.matcher.add(completed);
        }
    }

    private void validate(UpdateRequest update, Object target, Method method) {
        String name = update.updateName();
        if (method == null) {
            DynamicUpdateHandler dynamicHandler = dynamic;
            executor.interceptors.validateUpdate(name, update.updateId(), new Object[] {EncodedValues.arguments(
                    JsonPayload.node(update.input()), executor.converter, "update " + name)},
                    args -> dynamicHandler.validate(name, (Values) args[0]));
            return;
        }
        Method validator = validatorOf(target.getClass(), name);
        executor.interceptors.validateUpdate(name, update.updateId(), decode(method, name, update.input()), args -> {
            if (validator != null) {
                Reflection.invoke(validator, target, args);
            }
        });
    }

    private Object[] decode(Method method, String name, Payload input) {
        return executor.converter.fromJsonArray(JsonPayload.node(input), method.getParameterTypes(),
                method.getGenericParameterTypes(), "update ", name);
    }

    /**
     * The validator method of an update in a handler's class, or {@code null} if it has none. Two validators of one
     * update are refused whatever order {@link Class#getMethods()} gives them in, so that no JVM picks another one.
     */
    private static Method validatorOf(Class<?> type, String updateName) {
        Method found = null;
        for (Method method : type.getMethods()) {
            UpdateValidatorMethod annotation = method.getAnnotation(UpdateValidatorMethod.class);
            if (annotation == null || !annotation.updateName().equals(updateName)) {
                continue;
            }
            if (method.getReturnType() != void.class) {
                throw new IllegalStateException("@UpdateValidatorMethod " + type.getSimpleName() + "."
                        + method.getName() + " must return void; it rejects an update by throwing");
            }
            if (found != null) {
                String first = found.getName().compareTo(method.getName()) <= 0 ? found.getName() : method.getName();
                String second = first.equals(found.getName()) ? method.getName() : found.getName();
                throw new IllegalStateException(type.getSimpleName() + " has two @UpdateValidatorMethod methods for"
                        + " update '" + updateName + "', " + first + " and " + second + "; keep one");
            }
            found = method;
        }
        return found;
    }

    private Method methodOf(String name) {
        Method method = executor.implementation.metadata().updates().get(name);
        if (method == null && registered.containsKey(name)) {
            method = registered.get(name).method();
        }
        return method;
    }

    private Object targetOf(String name) {
        if (executor.implementation.metadata().updates().containsKey(name) || !registered.containsKey(name)) {
            return executor.createInstance();
        }
        return registered.get(name).target();
    }

    private Set<String> knownUpdates() {
        Set<String> known = new TreeSet<>(executor.implementation.metadata().updates().keySet());
        known.addAll(registered.keySet());
        return known;
    }
}
