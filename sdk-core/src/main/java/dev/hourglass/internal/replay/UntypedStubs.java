package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import dev.hourglass.workflow.ActivityStub;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.ChildWorkflowStub;
import dev.hourglass.workflow.Promise;
import java.lang.reflect.Type;

/**
 * Stubs that workflow code calls by type name: activities and child workflows without their interfaces. They go
 * through the same operations, with the same arguments encoded the same way, as the typed stubs of {@link Stubs},
 * so both record the same commands.
 */
public final class UntypedStubs {

    private UntypedStubs() {
    }

    /**
     * An activity stub calling activities by type with {@code options}, merged like a typed stub's with the options
     * the workflow implementation options set per activity type.
     *
     * @throws IllegalArgumentException if the options are {@code null}
     */
    public static ActivityStub newActivityStub(ActivityOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("Workflow.newUntypedActivityStub(null): options must not be null: pass"
                    + " ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build(), or set a"
                    + " scheduleToCloseTimeout");
        }
        return new UntypedActivityStub(options);
    }

    /**
     * A stub calling local activities by type with {@code options}.
     *
     * @throws IllegalArgumentException if the options are {@code null}
     */
    public static ActivityStub newLocalActivityStub(LocalActivityOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("Workflow.newUntypedLocalActivityStub(null): options must not be null:"
                    + " pass LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build()");
        }
        return new UntypedLocalActivityStub(options);
    }

    /**
     * A stub that starts one child workflow of {@code workflowType}.
     *
     * @throws IllegalArgumentException if the type is {@code null} or empty, or the options are {@code null}
     */
    public static ChildWorkflowStub newChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
        if (workflowType == null || workflowType.isEmpty()) {
            throw new IllegalArgumentException("Workflow.newUntypedChildWorkflowStub: the workflow type must not be "
                    + (workflowType == null ? "null" : "empty") + ": pass the type a worker runs the child as, such as"
                    + " the simple name of its @WorkflowInterface");
        }
        if (options == null) {
            throw new IllegalArgumentException("Workflow.newUntypedChildWorkflowStub(\"" + workflowType + "\", null):"
                    + " options must not be null: pass ChildWorkflowOptions.getDefaultInstance()");
        }
        return new UntypedChildWorkflowStub(workflowType, options);
    }

    /** Checks the type and the result class of an untyped stub's call of an activity ({@code kind}). */
    private static void checkCall(String kind, String activityType, Class<?> resultClass) {
        if (activityType == null || activityType.isEmpty()) {
            throw new IllegalArgumentException("ActivityStub.execute: the " + kind + " type must not be "
                    + (activityType == null ? "null" : "empty") + ": pass the type a worker registered, such as"
                    + " the name of an @ActivityInterface method");
        }
        if (resultClass == null) {
            throw new IllegalArgumentException("ActivityStub.execute(\"" + activityType + "\", null, ...): the"
                    + " result class must not be null: pass Void.class to ignore the result");
        }
    }

    private static final class UntypedActivityStub implements ActivityStub {

        private final ActivityOptions options;

        UntypedActivityStub(ActivityOptions options) {
            this.options = options;
        }


        @Override
        public <R> R execute(String activityType, Class<R> resultClass, Type resultType, Object... args) {
            return executeAsync(activityType, resultClass, resultType, args).get();
        }


        @Override
        public <R> Promise<R> executeAsync(String activityType, Class<R> resultClass, Type resultType,
                Object... args) {
            WorkflowExecutor executor = WorkflowExecutor.current("calling activity " + activityType);
            return schedule(executor, activityType, resultClass, resultType, args);
        }

        private <R> Promise<R> schedule(WorkflowExecutor executor, String activityType, Class<R> resultClass,
                Type resultType, Object[] args) {
            checkCall("activity", activityType, resultClass);
            ActivityOptions effective = ActivityOptionsMerge.resolve(executor.implementation.options(), options,
                    activityType);
            return executor.outbound().executeActivity(new WorkflowOutboundCallsInterceptor.ActivityInput<>(
                    activityType, resultClass, resultType == null ? resultClass : resultType, Stubs.arguments(args),
                    effective)).getResult();
        }

        @Override
        public String toString() {
            return "ActivityStub(untyped)";
        }
    }

    /** Calls local activities by type through the outbound interceptors, as a typed local stub does. */
    private static final class UntypedLocalActivityStub implements ActivityStub {

        private final LocalActivityOptions options;

        UntypedLocalActivityStub(LocalActivityOptions options) {
            this.options = options;
        }


        @Override
        public <R> R execute(String activityType, Class<R> resultClass, Type resultType, Object... args) {
            return call(activityType, resultClass, resultType, args).get();
        }


        @Override
        public <R> Promise<R> executeAsync(String activityType, Class<R> resultClass, Type resultType,
                Object... args) {
            WorkflowExecutor executor = WorkflowExecutor.current("calling local activity " + activityType);
            checkCall("local activity", activityType, resultClass);
            return executor.operations().async(() -> call(activityType, resultClass, resultType, args).get());
        }

        private <R> Promise<R> call(String activityType, Class<R> resultClass, Type resultType, Object[] args) {
            WorkflowExecutor executor = WorkflowExecutor.current("calling local activity " + activityType);
            checkCall("local activity", activityType, resultClass);
            return executor.outbound().executeLocalActivity(new WorkflowOutboundCallsInterceptor.LocalActivityInput<>(
                    activityType, resultClass, resultType == null ? resultClass : resultType, Stubs.arguments(args),
                    options)).getResult();
        }

        @Override
        public String toString() {
            return "LocalActivityStub(untyped)";
        }
    }

    private static final class UntypedChildWorkflowStub implements ChildWorkflowStub {

        private final String workflowType;
        private final ChildWorkflowOptions options;
        private final PromiseImpl<WorkflowExecution> execution = new PromiseImpl<>();
        private boolean started;

        UntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
            this.workflowType = workflowType;
            this.options = options;
        }

        @Override
        public String getWorkflowType() {
            return workflowType;
        }

        @Override
        public <R> R execute(Class<R> resultClass, Object... args) {
            return execute(resultClass, resultClass, args);
        }

        @Override
        public <R> R execute(Class<R> resultClass, Type resultType, Object... args) {
            return executeAsync(resultClass, resultType, args).get();
        }

        @Override
        public <R> Promise<R> executeAsync(Class<R> resultClass, Object... args) {
            return executeAsync(resultClass, resultClass, args);
        }

        @Override
        public <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args) {
            WorkflowExecutor executor = WorkflowExecutor.current("starting child workflow " + workflowType);
            return start(executor, resultClass, resultType, args);
        }

        private <R> Promise<R> start(WorkflowExecutor executor, Class<R> resultClass, Type resultType,
                Object[] args) {
            if (resultClass == null) {
                throw new IllegalArgumentException("ChildWorkflowStub.execute(null, ...) of child workflow "
                        + workflowType + ": the result class must not be null: pass Void.class to ignore the result");
            }
            if (started) {
                throw new IllegalStateException("this ChildWorkflowStub has already started its child workflow "
                        + workflowType + ": a stub starts one child; create another stub with"
                        + " Workflow.newUntypedChildWorkflowStub to start another");
            }
            WorkflowOutboundCallsInterceptor.ChildWorkflowOutput<R> child = executor.outbound().executeChildWorkflow(
                    new WorkflowOutboundCallsInterceptor.ChildWorkflowInput<>(workflowType, resultClass,
                            resultType == null ? resultClass : resultType, Stubs.arguments(args), options));
            started = true;
            execution.completeFrom(child.getWorkflowExecution());
            return child.getResult();
        }

        @Override
        public Promise<WorkflowExecution> getExecution() {
            return execution;
        }

        @Override
        public void signal(String signalName, Object... args) {
            throw new UnsupportedOperationException("ChildWorkflowStub.signal(\"" + signalName + "\") of child"
                    + " workflow " + workflowType + ": signaling another workflow from workflow code is not"
                    + " supported, as with a typed child stub; signal it from an activity that calls"
                    + " WorkflowClient.newUntypedWorkflowStub(childWorkflowId).signal(...)");
        }

        @Override
        public String toString() {
            return "ChildWorkflowStub(" + workflowType + ")";
        }
    }
}
