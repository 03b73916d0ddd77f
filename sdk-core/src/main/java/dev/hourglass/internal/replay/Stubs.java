package dev.hourglass.internal.replay;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.ContinueAsNewOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Proxies that workflow code calls: activity stubs and child workflow stubs. */
public final class Stubs {

    private Stubs() {
    }

    /**
     * An activity stub: each call of an activity method schedules the activity and blocks the workflow thread for
     * its result; a call of a default method runs its body, in workflow code. The options of each call are
     * {@code options} with those the workflow implementation options set for its activity type merged over them.
     *
     * @throws IllegalArgumentException if the interface or the options are {@code null}, or the interface could
     *         not work as an activity interface (see {@link Interfaces#activityMethods})
     */
    public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
        if (activityInterface == null) {
            throw new IllegalArgumentException("Workflow.newActivityStub: activityInterface must not be null: pass the"
                    + " @ActivityInterface whose activities the workflow calls");
        }
        if (options == null) {
            throw new IllegalArgumentException("Workflow.newActivityStub(" + activityInterface.getName() + ", null):"
                    + " options must not be null: pass ActivityOptions.newBuilder()"
                    + ".setStartToCloseTimeout(Duration.ofSeconds(30)).build(), or set a scheduleToCloseTimeout");
        }
        return activityStub(activityInterface, options);
    }

    /**
     * An activity stub created without options: the options of each call are the default activity options of the
     * workflow implementation options, with those they set for its activity type merged over them.
     *
     * @throws IllegalArgumentException if the interface is {@code null} or could not work as an activity interface
     */
    public static <T> T newActivityStub(Class<T> activityInterface) {
        if (activityInterface == null) {
            throw new IllegalArgumentException("Workflow.newActivityStub: activityInterface must not be null: pass the"
                    + " @ActivityInterface whose activities the workflow calls");
        }
        return activityStub(activityInterface, null);
    }

    private static <T> T activityStub(Class<T> activityInterface, ActivityOptions options) {
        Map<Method, String> types = Interfaces.activityMethods(activityInterface);
        Object proxy = Proxy.newProxyInstance(activityInterface.getClassLoader(), new Class<?>[] {activityInterface},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(self, method, args, "ActivityStub(" + activityInterface.getSimpleName() + ")");
                    }
                    if (method.isDefault()) {
                        return Reflection.invokeDefault(self, method, args);
                    }
                    String type = types.get(method);
                    WorkflowExecutor executor = WorkflowExecutor.current("calling activity " + method.getName());
                    ActivityOptions effective = ActivityOptionsMerge.resolve(executor.implementation.options(),
                            options, type);
                    if (effective == null) {
                        throw new IllegalStateException("activity '" + type + "' of " + activityInterface.getName()
                                + " has no timeout: its stub was created by Workflow.newActivityStub("
                                + activityInterface.getSimpleName() + ".class) without options, and the"
                                + " WorkflowImplementationOptions of workflow type "
                                + executor.workflowType() + " set neither default activity options"
                                + " nor options for '" + type + "'. Register the workflow with"
                                + " WorkflowImplementationOptions.newBuilder().setDefaultActivityOptions(ActivityOptions"
                                + ".newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build()), or pass"
                                + " ActivityOptions to Workflow.newActivityStub");
                    }
                    return executor.outbound().executeActivity(new WorkflowOutboundCallsInterceptor.ActivityInput<>(
                            type, method.getReturnType(), method.getGenericReturnType(), arguments(args), effective))
                            .getResult().get();
                });
        return activityInterface.cast(proxy);
    }

    /**
     * A local activity stub: each call of an activity method blocks the workflow thread until the worker has run
     * the activity within the workflow task (or the history gives its recorded outcome); a call of a default method
     * runs its body, in workflow code.
     *
     * @throws IllegalArgumentException if the interface or the options are {@code null}, or the interface could
     *         not work as an activity interface (see {@link Interfaces#activityMethods})
     */
    public static <T> T newLocalActivityStub(Class<T> activityInterface, LocalActivityOptions options) {
        if (activityInterface == null) {
            throw new IllegalArgumentException("Workflow.newLocalActivityStub: activityInterface must not be null:"
                    + " pass the @ActivityInterface whose activities the workflow calls");
        }
        if (options == null) {
            throw new IllegalArgumentException("Workflow.newLocalActivityStub(" + activityInterface.getName()
                    + ", null): options must not be null: pass LocalActivityOptions.newBuilder()"
                    + ".setStartToCloseTimeout(Duration.ofSeconds(5)).build()");
        }
        Map<Method, String> types = Interfaces.activityMethods(activityInterface);
        Object proxy = Proxy.newProxyInstance(activityInterface.getClassLoader(), new Class<?>[] {activityInterface},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(self, method, args,
                                "LocalActivityStub(" + activityInterface.getSimpleName() + ")");
                    }
                    if (method.isDefault()) {
                        return Reflection.invokeDefault(self, method, args);
                    }
                    String type = types.get(method);
                    WorkflowExecutor executor = WorkflowExecutor.current("calling local activity " + method.getName());
                    return executor.outbound().executeLocalActivity(
                            new WorkflowOutboundCallsInterceptor.LocalActivityInput<>(type, method.getReturnType(),
                                    method.getGenericReturnType(), arguments(args), options)).getResult().get();
                });
        return activityInterface.cast(proxy);
    }

    /**
     * A child workflow stub: calling its workflow method starts the child and blocks for its result.
     *
     * @throws IllegalArgumentException if the interface or the options are {@code null}, or the interface could
     *         not work as a workflow interface (see {@link Interfaces#workflowInterface})
     */
    public static <T> T newChildWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options) {
        if (workflowInterface == null) {
            throw new IllegalArgumentException("Workflow.newChildWorkflowStub: workflowInterface must not be null:"
                    + " pass the @WorkflowInterface of the child");
        }
        if (options == null) {
            throw new IllegalArgumentException("Workflow.newChildWorkflowStub(" + workflowInterface.getName()
                    + ", null): options must not be null: pass ChildWorkflowOptions.getDefaultInstance(), or call"
                    + " Workflow.newChildWorkflowStub(" + workflowInterface.getSimpleName() + ".class)");
        }
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
                    return executor.outbound().executeChildWorkflow(new WorkflowOutboundCallsInterceptor
                            .ChildWorkflowInput<>(metadata.workflowType(), method.getReturnType(),
                                    method.getGenericReturnType(), arguments(args), options)).getResult().get();
                });
        return workflowInterface.cast(proxy);
    }

    /**
     * A continue-as-new stub: calling its workflow method ends the run and starts a new one of the interface's
     * workflow type with the call's arguments.
     *
     * @throws IllegalArgumentException if the interface could not work as a workflow interface
     */
    public static <T> T newContinueAsNewStub(Class<T> workflowInterface, ContinueAsNewOptions options) {
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterface(workflowInterface);
        ContinueAsNewOptions effective = options != null ? options : ContinueAsNewOptions.getDefaultInstance();
        Object proxy = Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(self, method, args, "ContinueAsNewStub(" + metadata.workflowType() + ")");
                    }
                    if (!method.equals(metadata.workflowMethod())) {
                        throw new UnsupportedOperationException("a continue-as-new stub can only continue the run"
                                + " as new, through the workflow method " + metadata.workflowMethod().getName()
                                + "(); " + method.getName() + "() is a signal or query method");
                    }
                    WorkflowExecutor.current("continuing as new").outbound().continueAsNew(
                            new WorkflowOutboundCallsInterceptor.ContinueAsNewInput(metadata.workflowType(), effective,
                                    arguments(args)));
                    throw WorkflowCalls.notPassedOn();
                });
        return workflowInterface.cast(proxy);
    }

    /** The arguments of a proxy call: {@code null} for none, as reflection passes them, made an empty array. */
    static Object[] arguments(Object[] args) {
        return args == null ? new Object[0] : args;
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
