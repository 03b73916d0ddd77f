package dev.hourglass.workflow;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.internal.replay.ReplaySafeLogger;
import dev.hourglass.internal.replay.Stubs;
import dev.hourglass.internal.replay.UntypedStubs;
import dev.hourglass.internal.replay.WorkflowCalls;
import dev.hourglass.internal.replay.WorkflowExecutor;
import dev.hourglass.internal.replay.WorkflowOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;

/**
 * What workflow code uses instead of the clock, randomness, threads and sleeping: every call here is
 * recorded in (or read back from) the execution's history, so the code runs the same way on replay.
 *
 * <pre>{@code
 * public String transfer(String from, String to, long cents) {
 *     activities.withdraw(from, cents);
 *     Workflow.sleep(Duration.ofDays(3));
 *     activities.deposit(to, cents);
 *     return "done";
 * }
 * }</pre>
 *
 * <p>The methods that act on the execution (timers, {@code await}, side effects, versions, {@code async},
 * {@code getInfo}…) may only be called from workflow code (a workflow method, a signal handler or a function
 * run by {@link #async}); elsewhere they throw {@link IllegalStateException}. Stubs and loggers may be created
 * anywhere, for example in a field initialiser, but their calls are workflow code too.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Workflow {

    /** The version {@link #getVersion} returns for histories recorded before the change. */
    public static final int DEFAULT_VERSION = WorkflowOperations.DEFAULT_VERSION;

    private Workflow() {
    }

    private static WorkflowOperations ops(String operation) {
        return WorkflowExecutor.current("Workflow." + operation).operations();
    }

    /** Sleeps for {@code duration} on a durable timer; the execution may be evicted meanwhile. */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        WorkflowCalls.sleep(duration);
    }

    /**
     * Sleeps for {@code millis} milliseconds on a durable timer, as {@link #sleep(Duration)} does.
     *
     * @param millis how long to sleep; zero or less returns at once and records no timer
     * @since 0.1
     */
    public static void sleep(long millis) {
        sleep(Duration.ofMillis(millis));
    }

    /** Returns a promise completed when a durable timer of {@code duration} fires. */
    public static Promise<Void> newTimer(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return WorkflowCalls.newTimer(duration, TimerOptions.getDefaultInstance());
    }

    /**
     * Returns a promise completed when a durable timer of {@code duration} fires, started with {@code options}.
     *
     * <pre>{@code
     * Promise<Void> gracePeriod = Workflow.newTimer(Duration.ofDays(3),
     *         TimerOptions.newBuilder().setSummary("grace period before the card is charged").build());
     * }</pre>
     *
     * <p>The options' summary is recorded on the timer's {@code TimerStarted} event; replay does not compare it.
     * Like {@link #newTimer(Duration)}, a zero or negative duration gives a completed promise and records nothing.
     *
     * @param duration how long until the timer fires; never {@code null}
     * @param options the timer's options; never {@code null} ({@link TimerOptions#getDefaultInstance()} for none)
     * @return a promise completed when the timer fires, or failed with a
     *     {@link dev.hourglass.failure.CanceledFailure} when its cancellation scope is canceled first; never
     *     {@code null}
     * @throws NullPointerException if {@code duration} or {@code options} is {@code null}
     * @since 0.1
     */
    public static Promise<Void> newTimer(Duration duration, TimerOptions options) {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(options, "options");
        return WorkflowCalls.newTimer(duration, options);
    }

    /** Returns the workflow's current time: the time of the event being processed, the same on replay. */
    public static long currentTimeMillis() {
        return WorkflowCalls.currentTimeMillis();
    }

    /** Returns a random generator seeded from the execution, drawing the same numbers on replay. */
    public static Random newRandom() {
        return WorkflowCalls.newRandom();
    }

    /** Returns a random UUID that is the same on replay. */
    public static UUID randomUUID() {
        return WorkflowCalls.randomUUID();
    }

    /**
     * Blocks until {@code condition} is true. The condition is evaluated again whenever something happened
     * (an event arrived, another workflow thread ran); it must only read workflow state.
     *
     * @throws dev.hourglass.failure.CanceledFailure if the current cancellation scope is canceled first
     */
    public static void await(Supplier<Boolean> condition) {
        Objects.requireNonNull(condition, "condition");
        WorkflowCalls.await(condition);
    }

    /**
     * Blocks until {@code condition} is true or {@code timeout} passed on a durable timer.
     *
     * @return {@code true} if the condition became true, {@code false} on timeout
     */
    public static boolean await(Duration timeout, Supplier<Boolean> condition) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(condition, "condition");
        return WorkflowCalls.await(timeout, condition);
    }

    /**
     * Returns a stub whose method calls run activities with the given options.
     *
     * <p>Calling an abstract method of the interface schedules its activity and waits for the result; calling a
     * default method runs its body here, in workflow code (see {@link dev.hourglass.activity.ActivityInterface}).
     * The interface is checked when the stub is created, so a definition that could not work fails at once, with
     * a message naming the interface and the methods, rather than at the first call.
     *
     * @param activityInterface an interface annotated with {@code @ActivityInterface}; must not be {@code null}
     * <p>When the workflow implementation was registered with
     * {@link dev.hourglass.worker.WorkflowImplementationOptions} that set options for an activity type, those are
     * merged over {@code options} field by field for the calls of that activity, as in Temporal; their default
     * activity options are not used.
     *
     * @param options the timeouts and retry policy of every activity of the stub; must not be {@code null}
     * @return the stub, never {@code null}
     * @throws IllegalArgumentException if either argument is {@code null}, or if the interface is not a valid
     *         activity interface: two of its methods share an activity type (overloads, or one
     *         {@code @ActivityMethod} name), a default method carries {@code @ActivityMethod}, or a parameter or
     *         result type is a non-static inner class that JSON cannot create
     */
    public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
        Objects.requireNonNull(activityInterface, "activityInterface");
        return Stubs.newActivityStub(activityInterface, options);
    }

    /**
     * Returns a stub whose method calls run activities with the options the workflow implementation was registered
     * with: its {@linkplain dev.hourglass.worker.WorkflowImplementationOptions#getDefaultActivityOptions() default
     * activity options}, with the {@linkplain dev.hourglass.worker.WorkflowImplementationOptions#getActivityOptions()
     * options of each activity type} merged over them field by field.
     *
     * <pre>{@code
     * private final Account account = Workflow.newActivityStub(Account.class);
     * }</pre>
     *
     * <p>A call of an activity for which neither is set fails the workflow task with an
     * {@link IllegalStateException} naming the activity interface and type: there is no timeout to run it with.
     *
     * @param activityInterface an interface annotated with {@code @ActivityInterface}; must not be {@code null}
     * @return the stub, never {@code null}
     * @throws IllegalArgumentException if the interface is not a valid activity interface (see
     *         {@link #newActivityStub(Class, ActivityOptions)})
     * @since 0.1
     */
    public static <T> T newActivityStub(Class<T> activityInterface) {
        Objects.requireNonNull(activityInterface, "activityInterface");
        return Stubs.newActivityStub(activityInterface);
    }

    /**
     * Returns a stub whose method calls run local activities: in this worker, within the workflow task that calls
     * them, with no round trip through the service.
     *
     * <p>A call blocks like an activity call (and {@link Async#function} runs it without blocking the caller). Once
     * every workflow thread is blocked, the worker runs the called activities in call order on an activity thread,
     * retries failed attempts locally by the retry policy while the time since the call stays under
     * {@link LocalActivityOptions#getLocalRetryThreshold() the local retry threshold}, records each outcome in a
     * {@code MarkerRecorded} event named {@code "LocalActivity"} and resumes the code, all before the task
     * completes. Past the threshold the next attempt waits on a workflow timer. Replay returns the recorded outcome
     * and never runs the activity again. A failure reaches the code as an
     * {@link dev.hourglass.failure.ActivityFailure} whose cause is the last attempt's failure.
     *
     * <pre>{@code
     * private final Greetings greetings = Workflow.newLocalActivityStub(Greetings.class,
     *         LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());
     * }</pre>
     *
     * @param activityInterface an interface annotated with {@code @ActivityInterface}; must not be {@code null}
     * @param options the timeouts and retry policy of every local activity of the stub; must not be {@code null}
     * @return the stub, never {@code null}
     * @throws IllegalArgumentException if either argument is {@code null}, or if the interface is not a valid
     *         activity interface (see {@link #newActivityStub(Class, ActivityOptions)})
     * @since 0.1
     */
    public static <T> T newLocalActivityStub(Class<T> activityInterface, LocalActivityOptions options) {
        Objects.requireNonNull(activityInterface, "activityInterface");
        return Stubs.newLocalActivityStub(activityInterface, options);
    }

    /**
     * Returns a stub whose workflow method starts a child workflow and waits for its result.
     *
     * <p>The call throws {@link dev.hourglass.failure.ChildWorkflowFailure} when the child fails or ends
     * canceled. When the cancellation scope it was made in is canceled, the child is asked to cancel and the
     * call waits for it to close, as {@link ChildWorkflowCancellationType#WAIT_CANCELLATION_COMPLETED} (the
     * default of {@link ChildWorkflowOptions#getCancellationType()}) says. A child still open when its parent
     * closes (other than by continue-as-new) is asked to cancel, so that it can undo its work and end canceled.
     */
    public static <T> T newChildWorkflowStub(Class<T> workflowInterface) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        return newChildWorkflowStub(workflowInterface, ChildWorkflowOptions.getDefaultInstance());
    }

    /**
     * Returns a stub whose workflow method starts a child workflow with the given options.
     *
     * @throws IllegalArgumentException if either argument is {@code null}, or if the interface is not a valid
     *         workflow interface (as {@code Worker.registerWorkflowImplementationTypes} checks)
     */
    public static <T> T newChildWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        return Stubs.newChildWorkflowStub(workflowInterface, options);
    }

    /**
     * Returns a stub that calls activities by type name, with the given options; for activities whose interface
     * the workflow does not have, or whose type it decides at run time.
     *
     * <pre>{@code
     * ActivityStub activities = Workflow.newUntypedActivityStub(ActivityOptions.newBuilder()
     *         .setStartToCloseTimeout(Duration.ofSeconds(10)).build());
     * String receipt = activities.execute("charge", String.class, "alice", 250);
     * }</pre>
     *
     * <p>A call records the same command as the call of a typed stub's method of that activity type with the same
     * arguments, and the options the workflow implementation options set for the type are merged over
     * {@code options} the same way.
     *
     * @param options the timeouts and retry policy of every activity the stub calls; must not be {@code null}
     * @return the stub, never {@code null}
     * @throws IllegalArgumentException if {@code options} is {@code null}
     * @since 0.1
     */
    public static ActivityStub newUntypedActivityStub(ActivityOptions options) {
        return UntypedStubs.newActivityStub(options);
    }

    /**
     * Returns a stub that calls local activities by type name, without their activity interface.
     *
     * <pre>{@code
     * ActivityStub local = Workflow.newUntypedLocalActivityStub(LocalActivityOptions.newBuilder()
     *         .setStartToCloseTimeout(Duration.ofSeconds(5)).build());
     * String rate = local.execute("lookUpRate", String.class, "EUR");
     * }</pre>
     *
     * <p>A call records the same {@code LocalActivity} marker as the call of a typed local stub's method of that
     * activity type with the same arguments ({@link #newLocalActivityStub}); the worker runs the implementation
     * registered for the type, or its {@code DynamicActivity}. {@code executeAsync} runs the call in a new workflow
     * thread, as {@link #async} would.
     *
     * @param options the timeouts and retry policy of every local activity the stub calls; must not be {@code null}
     * @return the stub, never {@code null}
     * @throws IllegalArgumentException if {@code options} is {@code null}
     * @since 0.1
     */
    public static ActivityStub newUntypedLocalActivityStub(LocalActivityOptions options) {
        return UntypedStubs.newLocalActivityStub(options);
    }

    /**
     * Returns a stub that starts one child workflow of {@code workflowType}, without its workflow interface.
     *
     * <pre>{@code
     * ChildWorkflowStub child = Workflow.newUntypedChildWorkflowStub("Shipment",
 *         ChildWorkflowOptions.getDefaultInstance());
     * String tracking = child.execute(String.class, "order-7");
     * }</pre>
     *
     * <p>Starting it records the same command as calling the workflow method of a typed child stub of that type;
     * failures, cancellation and a parent closing work as for a typed stub ({@link #newChildWorkflowStub(Class)}).
     *
     * @param workflowType the child's workflow type; must not be {@code null} or empty
     * @param options the child's options; must not be {@code null}
     * @return the stub, never {@code null}
     * @throws IllegalArgumentException if the type is {@code null} or empty, or the options are {@code null}
     * @since 0.1
     */
    public static ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
        return UntypedStubs.newChildWorkflowStub(workflowType, options);
    }

    /**
     * Registers signal and query handlers while the workflow runs: a {@link DynamicSignalHandler}, a
     * {@link DynamicQueryHandler}, or an object implementing interfaces whose {@link SignalMethod} and
     * {@link QueryMethod} methods it handles (the interfaces need no {@link WorkflowInterface}).
     *
     * <pre>{@code
     * Workflow.registerListener((DynamicSignalHandler) (name, args) -> received.add(name));
     * }</pre>
     *
     * <p>A signal goes to the workflow interface's handler of its name, else to a registered object's, else to the
     * dynamic signal handler. A signal that finds none waits, in arrival order: each registration delivers the
     * waiting signals it handles, each on a workflow thread of its own, as if it had just arrived; a signal that
     * never finds a handler is dropped, with a warning when it arrives. Queries are looked up the same way; a query
     * with no handler fails with a {@link dev.hourglass.client.WorkflowQueryException} on the client. Registering is
     * workflow code: a replay registers at the same point, so a signal is delivered at the same point too.
     *
     * @param listener the handler object; must not be {@code null}
     * @throws IllegalArgumentException if {@code listener} is {@code null}, handles nothing, has a signal or query
     *         name that already has a handler, or its handler methods are not valid (as on a workflow interface)
     * @throws IllegalStateException if called outside workflow code, or from a query method
     * @since 0.1
     */
    public static void registerListener(Object listener) {
        WorkflowExecutor.current("Workflow.registerListener").registerListener(listener);
    }

    /**
     * Runs {@code supplier} once, records its result in the history, and returns the recorded result on
     * replay without running it again. For small nondeterministic values (an id, a random choice).
     */
    public static <R> R sideEffect(Class<R> resultType, Supplier<R> supplier) {
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(supplier, "supplier");
        return WorkflowCalls.sideEffect(resultType, supplier);
    }

    /**
     * Returns the version of a change to use for this execution: {@code maxSupported} for executions that
     * reach this point for the first time (recorded in the history), the recorded version on replay, and
     * {@link #DEFAULT_VERSION} for histories recorded before the call existed.
     *
     * <pre>{@code
     * int version = Workflow.getVersion("add-fraud-check", Workflow.DEFAULT_VERSION, 1);
     * if (version == 1) { activities.checkFraud(account); }
     * }</pre>
     */
    public static int getVersion(String changeId, int minSupported, int maxSupported) {
        Objects.requireNonNull(changeId, "changeId");
        return WorkflowCalls.getVersion(changeId, minSupported, maxSupported);
    }

    /** Runs {@code function} in a new workflow thread and returns the promise of its result. */
    public static <R> Promise<R> async(Functions.Func<R> function) {
        Objects.requireNonNull(function, "function");
        return ops("async").async(function::apply);
    }

    /** Runs {@code function} with one argument in a new workflow thread. */
    public static <A1, R> Promise<R> async(Functions.Func1<A1, R> function, A1 arg1) {
        Objects.requireNonNull(function, "function");
        return ops("async").async(() -> function.apply(arg1));
    }

    /** Runs {@code function} with two arguments in a new workflow thread. */
    public static <A1, A2, R> Promise<R> async(Functions.Func2<A1, A2, R> function, A1 arg1, A2 arg2) {
        Objects.requireNonNull(function, "function");
        return ops("async").async(() -> function.apply(arg1, arg2));
    }

    /** Runs {@code function} with three arguments in a new workflow thread. */
    public static <A1, A2, A3, R> Promise<R> async(Functions.Func3<A1, A2, A3, R> function, A1 arg1, A2 arg2,
            A3 arg3) {
        Objects.requireNonNull(function, "function");
        return ops("async").async(() -> function.apply(arg1, arg2, arg3));
    }

    /** Runs {@code procedure} in a new workflow thread; the promise completes when it returns. */
    public static Promise<Void> async(Functions.Proc procedure) {
        Objects.requireNonNull(procedure, "procedure");
        return ops("async").async(() -> {
            procedure.apply();
            return null;
        });
    }

    /** Runs {@code procedure} with one argument in a new workflow thread. */
    public static <A1> Promise<Void> async(Functions.Proc1<A1> procedure, A1 arg1) {
        Objects.requireNonNull(procedure, "procedure");
        return ops("async").async(() -> {
            procedure.apply(arg1);
            return null;
        });
    }

    /** Runs {@code procedure} with two arguments in a new workflow thread. */
    public static <A1, A2> Promise<Void> async(Functions.Proc2<A1, A2> procedure, A1 arg1, A2 arg2) {
        Objects.requireNonNull(procedure, "procedure");
        return ops("async").async(() -> {
            procedure.apply(arg1, arg2);
            return null;
        });
    }

    /** Returns a new promise for workflow code to complete. */
    public static <T> CompletablePromise<T> newPromise() {
        ops("newPromise");
        return new dev.hourglass.internal.replay.PromiseImpl<>();
    }

    /** Returns a cancellation scope, child of the current one, that runs {@code body} when run. */
    public static CancellationScope newCancellationScope(Runnable body) {
        Objects.requireNonNull(body, "body");
        return ops("newCancellationScope").newCancellationScope(false, body);
    }

    /** Returns a scope not canceled with its parent: the place for cleanup after cancellation. */
    public static CancellationScope newDetachedCancellationScope(Runnable body) {
        Objects.requireNonNull(body, "body");
        return ops("newDetachedCancellationScope").newCancellationScope(true, body);
    }

    /** Ends this run and starts a new run of the same workflow with {@code args}; never returns. */
    public static void continueAsNew(Object... args) {
        continueAsNew(null, args);
    }

    /**
     * Ends this run and starts a new run of the same workflow with {@code args} and {@code options}; never returns.
     *
     * @param options the new run's options; {@code null} for the same as this run's
     * @param args the arguments of the new run's workflow method
     * @since 0.1
     */
    public static void continueAsNew(ContinueAsNewOptions options, Object... args) {
        WorkflowCalls.continueAsNew(options != null ? options : ContinueAsNewOptions.getDefaultInstance(), args);
    }

    /**
     * Returns a stub whose workflow method, when called, ends this run and starts a new run of the interface's
     * workflow type with the call's arguments and {@code options}; the call never returns. Typed arguments are
     * checked by the compiler, where {@link #continueAsNew(Object...)} takes any.
     *
     * <pre>{@code
     * Subscription next = Workflow.newContinueAsNewStub(Subscription.class);
     * next.run(customerId, month + 1);
     * }</pre>
     *
     * <p>Its signal and query methods throw {@link UnsupportedOperationException}.
     *
     * @param workflowInterface the {@code @WorkflowInterface} of the new run, usually this workflow's own; must not
     *                          be {@code null}
     * @param options the new run's options; {@code null} for the same as this run's
     * @return the stub, never {@code null}
     * @throws IllegalArgumentException if the interface is not a valid workflow interface
     * @since 0.1
     */
    public static <T> T newContinueAsNewStub(Class<T> workflowInterface, ContinueAsNewOptions options) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        return Stubs.newContinueAsNewStub(workflowInterface, options);
    }

    /**
     * Returns a stub whose workflow method continues this run as new, as
     * {@link #newContinueAsNewStub(Class, ContinueAsNewOptions)} with options the same as this run's.
     *
     * @since 0.1
     */
    public static <T> T newContinueAsNewStub(Class<T> workflowInterface) {
        return newContinueAsNewStub(workflowInterface, null);
    }

    /** Returns information about the running execution; never {@code null}. */
    public static WorkflowInfo getInfo() {
        return ops("getInfo").info();
    }

    /**
     * Returns the result of the last run of this workflow's cron schedule that completed.
     *
     * <p>A run on a cron schedule ({@code WorkflowOptions.Builder.setCronSchedule}) can carry state from one run to
     * the next through its result: a report that covers what happened since the last one, for instance. A run that
     * failed does not change it.
     *
     * @param resultType the class to convert the result to; must not be {@code null}
     * @param <R> the type of the result
     * @return the result, or {@code null} if no earlier run of the schedule completed (or the workflow does not run
     *     on a cron schedule)
     * @since 0.1
     */
    public static <R> R getLastCompletionResult(Class<R> resultType) {
        Objects.requireNonNull(resultType, "resultType");
        return ops("getLastCompletionResult").lastCompletionResult(resultType);
    }

    /**
     * Sets or removes search attributes of this execution, in order; they are recorded in the history (an
     * {@code UpsertWorkflowSearchAttributes} event) and listed executions can be filtered on them at once.
     *
     * <p>Replay requires the same attribute names in the same order at this point; a changed value is reported as a
     * warning (a failure in strict replay), and the recorded values hold.
     *
     * <pre>{@code
     * Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(STAGE, "shipped"));
     * }</pre>
     *
     * @param updates the updates; at least one
     * @throws IllegalArgumentException if there is none, or an update uses a name that the execution has with
     *     another type
     * @since 0.1
     */
    public static void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates) {
        Objects.requireNonNull(updates, "updates");
        for (SearchAttributeUpdate<?> update : updates) {
            Objects.requireNonNull(update, "update");
        }
        WorkflowCalls.upsertTypedSearchAttributes(updates.clone());
    }

    /**
     * Returns the current search attributes of this execution: those it started with and every upsert so far. They
     * come from the history, so replays see the same.
     *
     * @return the attributes; never {@code null}, {@link SearchAttributes#EMPTY} for none
     * @since 0.1
     */
    public static SearchAttributes getTypedSearchAttributes() {
        return ops("getTypedSearchAttributes").searchAttributes();
    }

    /**
     * Sets or removes memo values of this execution; they are recorded in the history (a
     * {@code WorkflowPropertiesModified} event), and {@link #getMemo}, describing and listing the execution show the
     * new memo at once.
     *
     * <p>Each value is converted by the worker's data converter and encoded by its payload codecs, like the memo the
     * execution started with; a {@code null} value removes its key. The keys are recorded in key order, whatever the
     * map's order. Replay requires the same keys at this point; a changed value is reported as a warning (a failure in
     * strict replay), and the recorded values hold. A continue-as-new run starts with the current memo.
     *
     * <pre>{@code
     * Map<String, Object> memo = new HashMap<>();
     * memo.put("stage", "shipped");
     * memo.put("draft", null); // removes the key
     * Workflow.upsertMemo(memo);
     * }</pre>
     *
     * @param memo key to value, {@code null} removing the key; at least one key; must not be {@code null}
     * @throws IllegalArgumentException if the map is empty or has a {@code null} key
     * @throws dev.hourglass.common.DataConverterException if a value cannot be converted
     * @since 0.1
     */
    public static void upsertMemo(Map<String, Object> memo) {
        Objects.requireNonNull(memo, "memo");
        Map<String, Object> copy = new HashMap<>();
        memo.forEach((key, value) -> {
            if (key == null) {
                throw new IllegalArgumentException("Workflow.upsertMemo: a memo key must not be null; found one with"
                        + " the value " + value);
            }
            copy.put(key, value);
        });
        WorkflowCalls.upsertMemo(copy);
    }

    /**
     * Returns a value of the current memo of this execution: the one it started with
     * ({@code WorkflowOptions.Builder.setMemo}) and every {@link #upsertMemo} so far, converted by the worker's data
     * converter.
     *
     * @param key the memo key
     * @param valueClass the value's class
     * @param <T> the value type
     * @return the value, or {@code null} when the memo has no such key
     * @since 0.1
     */
    public static <T> T getMemo(String key, Class<T> valueClass) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueClass, "valueClass");
        return ops("getMemo").memo(key, valueClass, valueClass);
    }

    /**
     * Returns whether every signal handler and update handler of this run has finished: none has started and not yet
     * returned (a handler blocked in {@link #await}, {@link #sleep} or an activity is still running). Wait for it before
     * the workflow method returns or continues as new, so that no handler is cut short and no update is left without a
     * result:
     *
     * <pre>{@code
     * Workflow.await(() -> shouldRollOver);
     * Workflow.await(Workflow::isEveryHandlerFinished);
     * Workflow.continueAsNew(state);
     * }</pre>
     *
     * <p>It follows from the history alone, so it answers the same on replay.
     *
     * @return {@code true} when no handler of this run is running
     * @since 0.1
     */
    public static boolean isEveryHandlerFinished() {
        return ops("isEveryHandlerFinished").isEveryHandlerFinished();
    }

    /** Returns whether the code is replaying recorded history (rather than making progress). */
    public static boolean isReplaying() {
        return ops("isReplaying").isReplaying();
    }

    /** Returns a logger that is silent while the code replays, so each line is logged once. */
    public static Logger getLogger(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return ReplaySafeLogger.wrap(org.slf4j.LoggerFactory.getLogger(type));
    }

    /** Returns a logger that is silent while the code replays, so each line is logged once. */
    public static Logger getLogger(String name) {
        Objects.requireNonNull(name, "name");
        return ReplaySafeLogger.wrap(org.slf4j.LoggerFactory.getLogger(name));
    }
}
