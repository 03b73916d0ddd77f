package dev.hourglass.interceptors;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.ContinueAsNewOptions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.TimerOptions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Takes the calls that the workflow code of one run makes through stubs and {@code Workflow}: activities, local
 * activities, child workflows, timers, waiting, side effects, versions, continue-as-new, search attributes, time and
 * randomness. An interceptor passes each on to the next one; the last carries it out.
 *
 * <p>An interceptor gets the chain in {@link WorkflowInboundCallsInterceptor#init} and wraps it there. Like the
 * inbound side, everything here is workflow code and runs again on replay: a call an interceptor adds or drops, or
 * an argument it changes, changes the commands the run records, and a replay (with the same interceptors) must make
 * the same ones. Hourglass's own replay check compares the commands, not who made them.
 *
 * <p>Arguments and results here are Java values: the last interceptor encodes the arguments with the worker's data
 * converter and decodes the result as {@code resultClass}/{@code resultType}.
 *
 * @see WorkflowOutboundCallsInterceptorBase
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowOutboundCallsInterceptor {

    /**
     * Schedules an activity (a typed or untyped activity stub's call).
     *
     * @param input the activity type, arguments and options; never {@code null}
     * @param <R> the result type
     * @return the promise of the result; never {@code null}
     */
    <R> ActivityOutput<R> executeActivity(ActivityInput<R> input);

    /**
     * Calls a local activity (a local activity stub's call); it runs in this worker before the workflow task
     * completes, and the returned promise is already completed.
     *
     * @param input the activity type, arguments and options; never {@code null}
     * @param <R> the result type
     * @return the outcome; never {@code null}
     */
    <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input);

    /**
     * Starts a child workflow (a typed or untyped child workflow stub's call).
     *
     * @param input the child's type, arguments and options; never {@code null}
     * @param <R> the result type
     * @return the promises of the child's start and result; never {@code null}
     */
    <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input);

    /**
     * Sleeps on a durable timer ({@code Workflow.sleep}).
     *
     * @param duration how long; never {@code null}
     */
    void sleep(Duration duration);

    /**
     * Starts a durable timer ({@code Workflow.newTimer}).
     *
     * @param duration how long; never {@code null}
     * @param options the timer's options; never {@code null}
     * @return the promise completed when it fires; never {@code null}
     */
    Promise<Void> newTimer(Duration duration, TimerOptions options);

    /**
     * Blocks until {@code unblockCondition} holds ({@code Workflow.await(condition)}).
     *
     * @param reason what waits, for messages; never {@code null}
     * @param unblockCondition the condition; never {@code null}
     */
    void await(String reason, Supplier<Boolean> unblockCondition);

    /**
     * Blocks until {@code unblockCondition} holds or {@code timeout} passes on a durable timer
     * ({@code Workflow.await(timeout, condition)}).
     *
     * @param timeout the most to wait; never {@code null}
     * @param reason what waits, for messages; never {@code null}
     * @param unblockCondition the condition; never {@code null}
     * @return whether the condition became true
     */
    boolean await(Duration timeout, String reason, Supplier<Boolean> unblockCondition);

    /**
     * Runs {@code func} once and records its value ({@code Workflow.sideEffect}); replays return the recorded value.
     *
     * @param resultClass the value's class; never {@code null}
     * @param resultType the value's generic type; never {@code null}
     * @param func computes the value; never {@code null}
     * @param <R> the value type
     * @return the value
     */
    <R> R sideEffect(Class<R> resultClass, Type resultType, Supplier<R> func);

    /**
     * Returns the version of a change to use ({@code Workflow.getVersion}).
     *
     * @param changeId the change's id; never {@code null}
     * @param minSupported the lowest version the code supports
     * @param maxSupported the highest version the code supports
     * @return the version
     */
    int getVersion(String changeId, int minSupported, int maxSupported);

    /**
     * Ends the run and starts a new one ({@code Workflow.continueAsNew}, a continue-as-new stub); never returns
     * normally.
     *
     * @param input the new run's type, options and arguments; never {@code null}
     */
    void continueAsNew(ContinueAsNewInput input);

    /**
     * Sets or removes search attributes ({@code Workflow.upsertTypedSearchAttributes}).
     *
     * @param updates the updates; never {@code null}
     */
    void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates);

    /**
     * Sets or removes memo values ({@code Workflow.upsertMemo}); a {@code null} value removes its key.
     *
     * @param memo the memo keys and their new values; never {@code null}
     */
    void upsertMemo(Map<String, Object> memo);

    /**
     * Returns the workflow's current time ({@code Workflow.currentTimeMillis}).
     *
     * @return the time in milliseconds since the epoch
     */
    long currentTimeMillis();

    /**
     * Returns a random generator seeded from the run ({@code Workflow.newRandom}).
     *
     * @return the generator; never {@code null}
     */
    Random newRandom();

    /**
     * Returns a UUID drawn from the run's seeded generator ({@code Workflow.randomUUID}).
     *
     * @return the UUID; never {@code null}
     */
    UUID randomUUID();

    /**
     * An activity call: its type, its arguments, the options it runs with (those of the stub with the workflow
     * implementation options merged over them), and the type to decode its result as.
     *
     * @param <R> the result type
     */
    final class ActivityInput<R> {
        private final String activityType;
        private final Class<R> resultClass;
        private final Type resultType;
        private final Object[] args;
        private final ActivityOptions options;

        /**
         * Creates the input.
         *
         * @param activityType the activity type; never {@code null}
         * @param resultClass the result's class; never {@code null}
         * @param resultType the result's generic type; never {@code null}
         * @param args the arguments; never {@code null}
         * @param options the options; never {@code null}
         */
        public ActivityInput(String activityType, Class<R> resultClass, Type resultType, Object[] args,
                ActivityOptions options) {
            this.activityType = Objects.requireNonNull(activityType, "activityType");
            this.resultClass = Objects.requireNonNull(resultClass, "resultClass");
            this.resultType = Objects.requireNonNull(resultType, "resultType");
            this.args = Objects.requireNonNull(args, "args").clone();
            this.options = Objects.requireNonNull(options, "options");
        }

        /** Returns the activity type; never {@code null}. */
        public String getActivityType() {
            return activityType;
        }

        /** Returns the result's class; never {@code null}. */
        public Class<R> getResultClass() {
            return resultClass;
        }

        /** Returns the result's generic type; never {@code null}. */
        public Type getResultType() {
            return resultType;
        }

        /** Returns a copy of the arguments; never {@code null}. */
        public Object[] getArgs() {
            return args.clone();
        }

        /** Returns the options; never {@code null}. */
        public ActivityOptions getOptions() {
            return options;
        }

        @Override
        public String toString() {
            return "ActivityInput[" + activityType + Arrays.toString(args) + "]";
        }
    }

    /**
     * The outcome of an activity call: the promise of its result, failed with an
     * {@link dev.hourglass.failure.ActivityFailure} when the activity fails.
     *
     * @param <R> the result type
     */
    final class ActivityOutput<R> {
        private final Promise<R> result;

        /**
         * Creates the output.
         *
         * @param result the promise of the result; never {@code null}
         */
        public ActivityOutput(Promise<R> result) {
            this.result = Objects.requireNonNull(result, "result");
        }

        /** Returns the promise of the result; never {@code null}. */
        public Promise<R> getResult() {
            return result;
        }
    }

    /**
     * A local activity call: its type, arguments, options and the type to decode its result as.
     *
     * @param <R> the result type
     */
    final class LocalActivityInput<R> {
        private final String activityType;
        private final Class<R> resultClass;
        private final Type resultType;
        private final Object[] args;
        private final LocalActivityOptions options;

        /**
         * Creates the input.
         *
         * @param activityType the activity type; never {@code null}
         * @param resultClass the result's class; never {@code null}
         * @param resultType the result's generic type; never {@code null}
         * @param args the arguments; never {@code null}
         * @param options the options; never {@code null}
         */
        public LocalActivityInput(String activityType, Class<R> resultClass, Type resultType, Object[] args,
                LocalActivityOptions options) {
            this.activityType = Objects.requireNonNull(activityType, "activityType");
            this.resultClass = Objects.requireNonNull(resultClass, "resultClass");
            this.resultType = Objects.requireNonNull(resultType, "resultType");
            this.args = Objects.requireNonNull(args, "args").clone();
            this.options = Objects.requireNonNull(options, "options");
        }

        /** Returns the activity type; never {@code null}. */
        public String getActivityType() {
            return activityType;
        }

        /** Returns the result's class; never {@code null}. */
        public Class<R> getResultClass() {
            return resultClass;
        }

        /** Returns the result's generic type; never {@code null}. */
        public Type getResultType() {
            return resultType;
        }

        /** Returns a copy of the arguments; never {@code null}. */
        public Object[] getArgs() {
            return args.clone();
        }

        /** Returns the options; never {@code null}. */
        public LocalActivityOptions getOptions() {
            return options;
        }

        @Override
        public String toString() {
            return "LocalActivityInput[" + activityType + Arrays.toString(args) + "]";
        }
    }

    /**
     * The outcome of a local activity call: a completed promise of its result, or one failed with an
     * {@link dev.hourglass.failure.ActivityFailure}.
     *
     * @param <R> the result type
     */
    final class LocalActivityOutput<R> {
        private final Promise<R> result;

        /**
         * Creates the output.
         *
         * @param result the promise of the result; never {@code null}
         */
        public LocalActivityOutput(Promise<R> result) {
            this.result = Objects.requireNonNull(result, "result");
        }

        /** Returns the promise of the result; never {@code null}. */
        public Promise<R> getResult() {
            return result;
        }
    }

    /**
     * A child workflow start: the child's workflow type, arguments, options and the type to decode its result as.
     *
     * @param <R> the result type
     */
    final class ChildWorkflowInput<R> {
        private final String workflowType;
        private final Class<R> resultClass;
        private final Type resultType;
        private final Object[] args;
        private final ChildWorkflowOptions options;

        /**
         * Creates the input.
         *
         * @param workflowType the child's workflow type; never {@code null}
         * @param resultClass the result's class; never {@code null}
         * @param resultType the result's generic type; never {@code null}
         * @param args the arguments; never {@code null}
         * @param options the options; never {@code null}
         */
        public ChildWorkflowInput(String workflowType, Class<R> resultClass, Type resultType, Object[] args,
                ChildWorkflowOptions options) {
            this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
            this.resultClass = Objects.requireNonNull(resultClass, "resultClass");
            this.resultType = Objects.requireNonNull(resultType, "resultType");
            this.args = Objects.requireNonNull(args, "args").clone();
            this.options = Objects.requireNonNull(options, "options");
        }

        /** Returns the child's workflow type; never {@code null}. */
        public String getWorkflowType() {
            return workflowType;
        }

        /** Returns the result's class; never {@code null}. */
        public Class<R> getResultClass() {
            return resultClass;
        }

        /** Returns the result's generic type; never {@code null}. */
        public Type getResultType() {
            return resultType;
        }

        /** Returns a copy of the arguments; never {@code null}. */
        public Object[] getArgs() {
            return args.clone();
        }

        /** Returns the options; never {@code null}. */
        public ChildWorkflowOptions getOptions() {
            return options;
        }

        @Override
        public String toString() {
            return "ChildWorkflowInput[" + workflowType + Arrays.toString(args) + "]";
        }
    }

    /**
     * The outcome of a child workflow start: the promise of the child's execution (once it started) and of its
     * result.
     *
     * @param <R> the result type
     */
    final class ChildWorkflowOutput<R> {
        private final Promise<R> result;
        private final Promise<WorkflowExecution> workflowExecution;

        /**
         * Creates the output.
         *
         * @param result the promise of the result; never {@code null}
         * @param workflowExecution the promise of the child's execution; never {@code null}
         */
        public ChildWorkflowOutput(Promise<R> result, Promise<WorkflowExecution> workflowExecution) {
            this.result = Objects.requireNonNull(result, "result");
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
        }

        /** Returns the promise of the result; never {@code null}. */
        public Promise<R> getResult() {
            return result;
        }

        /** Returns the promise of the child's execution; never {@code null}. */
        public Promise<WorkflowExecution> getWorkflowExecution() {
            return workflowExecution;
        }
    }

    /** A continue-as-new: the new run's workflow type, its options and its arguments. */
    final class ContinueAsNewInput {
        private final String workflowType;
        private final ContinueAsNewOptions options;
        private final Object[] args;

        /**
         * Creates the input.
         *
         * @param workflowType the new run's workflow type; {@code null} for this run's
         * @param options the new run's options; never {@code null}
         * @param args the new run's arguments; never {@code null}
         */
        public ContinueAsNewInput(String workflowType, ContinueAsNewOptions options, Object[] args) {
            this.workflowType = workflowType;
            this.options = Objects.requireNonNull(options, "options");
            this.args = Objects.requireNonNull(args, "args").clone();
        }

        /** Returns the new run's workflow type, or {@code null} for this run's. */
        public String getWorkflowType() {
            return workflowType;
        }

        /** Returns the new run's options; never {@code null}. */
        public ContinueAsNewOptions getOptions() {
            return options;
        }

        /** Returns a copy of the new run's arguments; never {@code null}. */
        public Object[] getArgs() {
            return args.clone();
        }

        @Override
        public String toString() {
            return "ContinueAsNewInput[" + (workflowType == null ? "(same type)" : workflowType)
                    + Arrays.toString(args) + "]";
        }
    }
}
