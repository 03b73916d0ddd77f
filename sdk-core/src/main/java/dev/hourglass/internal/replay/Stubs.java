package dev.hourglass.internal.replay;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.ChildWorkflowOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Proxies that workflow code calls: activity stubs and child workflow stubs. */
public final class Stubs {

    private Stubs() {
    }

    /** An activity stub: each call schedules the activity and blocks the workflow thread for its result. */
    public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
        Map<Method, String> types = Interfaces.activityMethods(activityInterface);
        Object proxy = Proxy.newProxyInstance(activityInterface.getClassLoader(), new Class<?>[] {activityInterface},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(self, method, args, "ActivityStub(" + activityInterface.getSimpleName() + ")");
                    }
                    WorkflowExecutor executor = WorkflowExecutor.current("calling activity " + method.getName());
                    Payload result = executor.operations()
                            .scheduleActivity(types.get(method), executor.converter.toJsonArray(args,
                                    "call activity ", types.get(method)), options).get();
                    return executor.converter.fromJson(JsonPayload.node(result), method.getReturnType(),
                            method.getGenericReturnType(), "the result of activity ", types.get(method));
                });
        return activityInterface.cast(proxy);
    }

    /** A child workflow stub: calling its workflow method starts the child and blocks for its result. */
    public static <T> T newChildWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options) {
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterface(workflowInterface);
        Object proxy = Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(self, method, args, "ChildWorkflowStub(" + metadata.workflowType() + ")");
                    }
                    if (!method.equals(metadata.workflowMethod())) {
                        throw new UnsupportedOperationException("a child workflow stub can only start the child:"
                                + " signaling or querying another workflow from workflow code is not supported;"
                                + " use an activity that calls WorkflowClient instead");
                    }
                    WorkflowExecutor executor = WorkflowExecutor.current("starting child workflow");
                    Payload result = executor.operations().startChild(metadata.workflowType(), options,
                            executor.converter.toJsonArray(args, "start child workflow ", metadata.workflowType())).result()
                            .get();
                    return executor.converter.fromJson(JsonPayload.node(result), method.getReturnType(),
                            method.getGenericReturnType(), "the result of child workflow ", metadata.workflowType());
                });
        return workflowInterface.cast(proxy);
    }

    /** Answers the {@code Object} methods of a stub: identity equality and hash, {@code description} as text. */
    public static Object objectMethod(Object self, Method method, Object[] args, String description) {
        switch (method.getName()) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            default:
                return description;
        }
    }
}
