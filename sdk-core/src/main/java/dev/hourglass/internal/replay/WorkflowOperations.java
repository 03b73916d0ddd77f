package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.ActivityTaskCanceledAttributes;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCanceledAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.common.Uuids;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.history.MemoJson;
import dev.hourglass.internal.statemachines.ActivityStateMachine;
import dev.hourglass.internal.statemachines.ChildWorkflowStateMachine;
import dev.hourglass.internal.statemachines.MarkerStateMachine;
import dev.hourglass.internal.statemachines.MemoStateMachine;
import dev.hourglass.internal.statemachines.SearchAttributesStateMachine;
import dev.hourglass.internal.statemachines.TimerStateMachine;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.ContinueAsNewOptions;
import dev.hourglass.workflow.Promise;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The operations behind the {@code Workflow} facade for one run: it creates the state machine of each command
 * (activity, timer, child workflow, marker), wires its outcome to the promise the code waits on and to the
 * cancellation scope it belongs to, and routes each input event to the machine it is about.
 */
public final class WorkflowOperations {

    /** Returned by {@link #getVersion} for histories recorded before the change. */
    public static final int DEFAULT_VERSION = -1;

    private final WorkflowExecutor executor;
    private final Map<String, ActivityStateMachine> activities = new HashMap<>();
    private final Map<String, TimerStateMachine> timers = new HashMap<>();
    private final Map<String, ChildWorkflowStateMachine> children = new HashMap<>();
    private final Map<String, MarkerStateMachine> versions = new HashMap<>();
    private int activitySeq;
    private int timerSeq;
    private int childSeq;
    private int sideEffectSeq;
    private int asyncSeq;
    private Random random;
    /** The search attributes after the upserts so far; {@code null} before the first. */
    private SearchAttributes searchAttributes;
    /** The memo after the upserts so far: a JSON object of key to payload, or {@code null} for none. */
    private Payload memo;
    private boolean memoUpserted;

    WorkflowOperations(WorkflowExecutor executor) {
        this.executor = executor;
    }

    // ---------------------------------------------------------------- events

    /** Hands an input event to the machine of the command it is about. */
    void deliver(HistoryEvent event) {
        switch (event.getEventType()) {
            case ActivityTaskStarted:
                ActivityTaskStartedAttributes started = (ActivityTaskStartedAttributes) event.getAttributes();
                known(activities.get(started.activityId()), event, "an activity").handle(started);
                break;
            case ActivityTaskCompleted:
                ActivityTaskCompletedAttributes completed = (ActivityTaskCompletedAttributes) event.getAttributes();
                known(activities.remove(completed.activityId()), event, "an activity").handle(completed);
                break;
            case ActivityTaskFailed:
                ActivityTaskFailedAttributes failed = (ActivityTaskFailedAttributes) event.getAttributes();
                known(activities.remove(failed.activityId()), event, "an activity").handle(failed);
                break;
            case ActivityTaskTimedOut:
                ActivityTaskTimedOutAttributes timedOut = (ActivityTaskTimedOutAttributes) event.getAttributes();
                known(activities.remove(timedOut.activityId()), event, "an activity").handle(timedOut);
                break;
            case ActivityTaskCanceled:
                ActivityTaskCanceledAttributes canceled = (ActivityTaskCanceledAttributes) event.getAttributes();
                known(activities.remove(canceled.activityId()), event, "an activity").canceled();
                break;
            case TimerFired:
                TimerFiredAttributes fired = (TimerFiredAttributes) event.getAttributes();
                known(timers.remove(fired.timerId()), event, "a timer").fired();
                break;
            case ChildWorkflowExecutionStarted:
                ChildWorkflowExecutionStartedAttributes childStarted =
                        (ChildWorkflowExecutionStartedAttributes) event.getAttributes();
                known(children.get(childStarted.childId()), event, "a child workflow").handle(childStarted);
                break;
            case ChildWorkflowExecutionCompleted:
                ChildWorkflowExecutionCompletedAttributes childCompleted =
                        (ChildWorkflowExecutionCompletedAttributes) event.getAttributes();
                known(children.remove(childCompleted.childId()), event, "a child workflow").handle(childCompleted);
                break;
            case ChildWorkflowExecutionFailed:
                ChildWorkflowExecutionFailedAttributes childFailed =
                        (ChildWorkflowExecutionFailedAttributes) event.getAttributes();
                known(children.remove(childFailed.childId()), event, "a child workflow").handle(childFailed);
                break;
            case ChildWorkflowExecutionCanceled:
                ChildWorkflowExecutionCanceledAttributes childCanceled =
                        (ChildWorkflowExecutionCanceledAttributes) event.getAttributes();
                known(children.remove(childCanceled.childId()), event, "a child workflow").handle(childCanceled);
                break;
            case ChildWorkflowExecutionCancelRequested:
                ChildWorkflowExecutionCancelRequestedAttributes delivered =
                        (ChildWorkflowExecutionCancelRequestedAttributes) event.getAttributes();
                known(children.get(delivered.childId()), event, "a child workflow").handle(delivered);
                break;
            default:
                throw new IllegalStateException("unexpected input event " + event);
        }
    }

    private <T> T known(T machine, HistoryEvent event, String what) {
        if (machine == null) {
            throw executor.nondeterminism(event.getEventId(), EventText.summary(event), "no such command", null,
                    "the history has an event for " + what + " that the code never started");
        }
        return machine;
    }

    // ---------------------------------------------------------------- activities

    /** Schedules an activity and returns the promise of its result. */
    public Promise<Payload> scheduleActivity(String activityType, ArrayNode input, ActivityOptions options) {
        executor.requireNoQuery("Activity " + activityType);
        CancellationScopeImpl scope = currentScope();
        String activityId = String.valueOf(++activitySeq);
        ActivityTaskScheduledAttributes scheduled = new ActivityTaskScheduledAttributes(activityId, activityType,
                options.getTaskQueue() != null ? options.getTaskQueue() : executor.info.getTaskQueue(),
                JsonPayload.of(input), options.getStartToCloseTimeout(), options.getScheduleToCloseTimeout(),
                options.getHeartbeatTimeout(), options.getRetryPolicy(), options.getScheduleToStartTimeout());
        PromiseImpl<Payload> result = new PromiseImpl<>();
        ActivityStateMachine machine = new ActivityStateMachine(scheduled, options.getCancellationType(),
                executor.matcher, result::complete, result::completeExceptionally);
        if (scope.isCancelRequested()) {
            machine.cancel();
            return result;
        }
        activities.put(activityId, machine);
        machine.schedule();
        scope.onCancel(machine, machine::cancel);
        result.whenComplete(() -> scope.removeCancelHandler(machine));
        return result;
    }

    // ---------------------------------------------------------------- timers and waiting

    /**
     * Starts a durable timer with a summary ({@code null} for none); a zero or negative duration gives a completed
     * promise and no timer.
     */
    public Promise<Void> newTimer(Duration duration, String summary) {
        executor.requireNoQuery("A timer (Workflow.sleep, Workflow.newTimer)");
        if (duration.isZero() || duration.isNegative()) {
            return PromiseImpl.completed(null);
        }
        PromiseImpl<Void> fired = new PromiseImpl<>();
        startTimer(duration, summary, currentScope(), fired);
        return fired;
    }

    private TimerStateMachine startTimer(Duration duration, String summary, CancellationScopeImpl scope,
            PromiseImpl<Void> fired) {
        // a timer whose scope is canceled already records nothing and takes no timer id
        String timerId = scope.isCancelRequested() ? null : String.valueOf(++timerSeq);
        TimerStartedAttributes started = new TimerStartedAttributes(timerId,
                Duration.ofMillis(Math.max(1, duration.toMillis())), summary);
        TimerStateMachine machine = new TimerStateMachine(started, executor.matcher, () -> fired.complete(null),
                fired::completeExceptionally);
        if (scope.isCancelRequested()) {
            machine.cancel();
            return machine;
        }
        timers.put(timerId, machine);
        machine.start();
        scope.onCancel(machine, machine::cancel);
        fired.whenComplete(() -> scope.removeCancelHandler(machine));
        return machine;
    }

    /** Blocks until {@code condition} holds; throws {@code CanceledFailure} if the scope is canceled first. */
    public void await(String operation, Supplier<Boolean> condition) {
        executor.requireNoQuery(operation);
        CancellationScopeImpl scope = currentScope();
        WorkflowThread.requireCurrent(operation).yieldUntil(operation,
                () -> scope.isCancelRequested() || Boolean.TRUE.equals(condition.get()));
        if (!Boolean.TRUE.equals(condition.get())) {
            throw new CanceledFailure(operation + " canceled");
        }
    }

    /** Blocks until {@code condition} holds (true) or the timeout passes (false). */
    public boolean await(Duration timeout, Supplier<Boolean> condition) {
        executor.requireNoQuery("Workflow.await");
        if (Boolean.TRUE.equals(condition.get())) {
            return true;
        }
        CancellationScopeImpl scope = currentScope();
        if (scope.isCancelRequested()) {
            throw new CanceledFailure("Workflow.await canceled");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            return false;
        }
        PromiseImpl<Void> fired = new PromiseImpl<>();
        TimerStateMachine timer = startTimer(timeout, null, scope, fired);
        WorkflowThread.requireCurrent("Workflow.await").yieldUntil("Workflow.await",
                () -> fired.isCompleted() || scope.isCancelRequested() || Boolean.TRUE.equals(condition.get()));
        if (Boolean.TRUE.equals(condition.get())) {
            timer.cancel();
            return true;
        }
        if (scope.isCancelRequested()) {
            throw new CanceledFailure("Workflow.await canceled");
        }
        return false;
    }

    // ---------------------------------------------------------------- child workflows

    /** The promises of a child workflow: its start, and its result. */
    public record Child(Promise<WorkflowExecution> execution, Promise<Payload> result) {
    }

    /** Starts a child workflow and returns the promises of its start and of its result. */
    public Child startChild(String workflowType, ChildWorkflowOptions options, ArrayNode input) {
        executor.requireNoQuery("Child workflow " + workflowType);
        CancellationScopeImpl scope = currentScope();
        String childId = String.valueOf(++childSeq);
        WorkflowInfoImpl info = executor.info;
        String workflowId = options.getWorkflowId() != null ? options.getWorkflowId()
                : info.getWorkflowId() + "/" + info.getRunId() + "/child-" + childId;
        StartChildWorkflowExecutionInitiatedAttributes initiated = new StartChildWorkflowExecutionInitiatedAttributes(
                childId, workflowId, workflowType,
                options.getTaskQueue() != null ? options.getTaskQueue() : info.getTaskQueue(), JsonPayload.of(input),
                options.getWorkflowExecutionTimeout(), options.getWorkflowIdReusePolicy(),
                options.getTypedSearchAttributes(),
                memoPayload(options.getMemo(), "start child workflow " + workflowType));
        PromiseImpl<WorkflowExecution> execution = new PromiseImpl<>();
        PromiseImpl<Payload> result = new PromiseImpl<>();
        ChildWorkflowStateMachine machine = new ChildWorkflowStateMachine(initiated, options.getCancellationType(),
                executor.matcher, new ChildWorkflowStateMachine.Callbacks() {
                    @Override
                    public void started(WorkflowExecution started) {
                        execution.complete(started);
                    }

                    @Override
                    public void notStarted(ChildWorkflowFailure failure) {
                        execution.completeExceptionally(failure);
                    }

                    @Override
                    public void completed(Payload value) {
                        result.complete(value);
                    }

                    @Override
                    public void failed(RuntimeException failure) {
                        result.completeExceptionally(failure);
                    }
                });
        if (scope.isCancelRequested()) {
            machine.cancel();
            return new Child(execution, result);
        }
        children.put(childId, machine);
        machine.initiate();
        scope.onCancel(machine, machine::cancel);
        result.whenComplete(() -> scope.removeCancelHandler(machine));
        return new Child(execution, result);
    }

    // ---------------------------------------------------------------- markers

    /** Runs {@code supplier} once and records its value; replays return the recorded value. */
    public <R> R sideEffect(Class<R> type, Type genericType, Supplier<R> supplier) {
        executor.requireNoQuery("Workflow.sideEffect");
        MarkerStateMachine marker = MarkerStateMachine.sideEffect(String.valueOf(++sideEffectSeq), executor.matcher);
        // the supplier may be nondeterministic: that is what a side effect is for
        Payload value = marker.resolve(() -> JsonPayload.of(executor.converter.toJson(
                DeterminismGuard.exempt(supplier), "the value of Workflow.sideEffect")));
        return executor.converter.fromJson(JsonPayload.node(value), type, genericType,
                "the value of Workflow.sideEffect");
    }

    /** See {@code Workflow.getVersion}. */
    public int getVersion(String changeId, int minSupported, int maxSupported) {
        MarkerStateMachine marker = versions.get(changeId);
        if (marker == null) {
            executor.requireNoQuery("Workflow.getVersion(\"" + changeId + "\", ...) for a change not reached yet");
            marker = MarkerStateMachine.version(changeId, executor.matcher);
            versions.put(changeId, marker);
            marker.resolve(() -> {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                details.put("version", maxSupported);
                return JsonPayload.of(details);
            });
        }
        JsonNode details = JsonPayload.node(marker.value());
        int version = details == null ? DEFAULT_VERSION : details.path("version").asInt();
        if (version < minSupported || version > maxSupported) {
            String message = "Workflow.getVersion(\"" + changeId + "\", " + minSupported + ", " + maxSupported
                    + ") in " + executor.describeExecution() + ": the history has version " + version
                    + ", which this code no longer supports. Keep the branch for version " + version
                    + " (lower minSupported) until no execution that recorded it is open.";
            executor.failTask(new NonDeterministicException(message, -1, "version " + version,
                    "supported " + minSupported + ".." + maxSupported, CodeLocations.callerLocation()));
            throw new WorkflowTaskAbort("unsupported version");
        }
        return version;
    }

    // ---------------------------------------------------------------- search attributes and memo

    /** See {@code Workflow.upsertTypedSearchAttributes}: records the updates and applies those of the history. */
    public void upsertSearchAttributes(List<SearchAttributeUpdate<?>> updates) {
        executor.requireNoQuery("Workflow.upsertTypedSearchAttributes");
        if (updates.isEmpty()) {
            throw new IllegalArgumentException("Workflow.upsertTypedSearchAttributes needs at least one update"
                    + " (SearchAttributeUpdate.valueSet or valueUnset)");
        }
        // a type conflict with the current attributes is the caller's error, reported before anything is recorded
        searchAttributes().withUpdates(updates);
        List<SearchAttributeUpdate<?>> applied = new SearchAttributesStateMachine(updates, executor.matcher).upsert();
        searchAttributes = searchAttributes().withUpdates(applied);
    }

    /** The run's current search attributes: those it started with and every upsert so far; never {@code null}. */
    public SearchAttributes searchAttributes() {
        return searchAttributes != null ? searchAttributes : executor.info.startSearchAttributes();
    }

    /**
     * See {@code Workflow.upsertMemo}: records the updates (keys in order, a {@code null} value removing its key) and
     * applies those of the history.
     */
    public void upsertMemo(Map<String, ?> updates) {
        executor.requireNoQuery("Workflow.upsertMemo");
        if (updates.isEmpty()) {
            throw new IllegalArgumentException("Workflow.upsertMemo needs at least one key to set or remove (a null"
                    + " value removes its key)");
        }
        ObjectNode encoded = JsonNodeFactory.instance.objectNode();
        // in key order: the recorded bytes must not depend on the iteration order of the caller's map
        new TreeMap<String, Object>(updates).forEach((key, value) -> encoded.set(key, value == null
                ? JsonNodeFactory.instance.nullNode()
                : executor.converter.toJson(value, "the memo value " + key + " of Workflow.upsertMemo")));
        Payload applied = new MemoStateMachine(JsonPayload.of(encoded), executor.matcher).upsert();
        memo = MemoJson.apply(memo(), applied);
        memoUpserted = true;
    }

    /** The run's current memo: the start's and every upsert so far; {@code null} for none. */
    private Payload memo() {
        return memoUpserted ? memo : executor.info.memo();
    }

    /** A memo of options as a JSON object of key to encoded payload, in key order; {@code null} for none. */
    private Payload memoPayload(Map<String, Object> values, String action) {
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode encoded = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(values).forEach((key, value) -> encoded.set(key,
                executor.converter.toJson(value, "the memo value " + key + " to " + action)));
        return JsonPayload.of(encoded);
    }

    /** The memo value of {@code key}, converted; {@code null} when the memo has no such key. */
    public <T> T memo(String key, Class<T> type, Type genericType) {
        JsonNode memo = JsonPayload.node(memo());
        JsonNode value = memo == null ? null : memo.get(key);
        return value == null ? null : executor.converter.fromJson(value, type, genericType, "the memo value ", key);
    }

    // ---------------------------------------------------------------- time, randomness, threads, scopes

    public long currentTimeMillis() {
        return executor.currentTimeMillis();
    }

    public boolean isReplaying() {
        return executor.isReplaying();
    }

    /** Whether no signal or update handler of the run is running; see {@code Workflow.isEveryHandlerFinished}. */
    public boolean isEveryHandlerFinished() {
        return executor.isEveryHandlerFinished();
    }

    public WorkflowInfoImpl info() {
        return executor.info;
    }

    /** The result of the last completed run of the run's cron schedule, converted; {@code null} for none. */
    public <R> R lastCompletionResult(Class<R> resultType) {
        Payload result = executor.info.lastCompletionResult();
        return result == null ? null : executor.converter.fromJson(JsonPayload.node(result), resultType, resultType,
                "the last completion result of workflow " + executor.info.getWorkflowType());
    }

    /** A random generator seeded from the run, so replays draw the same numbers. */
    public Random newRandom() {
        return new Random(random().nextLong());
    }

    /** A type-4 UUID drawn from the run's seeded generator. */
    public UUID randomUUID() {
        return Uuids.draw(random());
    }

    private Random random() {
        if (random == null) {
            WorkflowInfoImpl info = executor.info;
            random = new Random(((long) info.getRunId().hashCode() << 32) ^ info.getWorkflowId().hashCode());
        }
        return random;
    }

    /** Runs {@code body} in a new workflow thread; the promise completes with its result or failure. */
    public <R> Promise<R> async(Supplier<R> body) {
        executor.requireNoQuery("Workflow.async");
        PromiseImpl<R> promise = new PromiseImpl<>();
        executor.runner.newThread("async-" + (++asyncSeq), currentScope(), () -> {
            try {
                promise.complete(body.get());
            } catch (RuntimeException e) {
                promise.completeExceptionally(e);
            }
        });
        return promise;
    }

    /** Creates a scope whose parent is the current one (not linked to it when detached). */
    public CancellationScopeImpl newCancellationScope(boolean detached, Runnable body) {
        return new CancellationScopeImpl(currentScope(), detached, body);
    }

    /** Ends the run and starts a new one with {@code input}; never returns. */
    public Error continueAsNew(Object[] arguments) {
        return continueAsNew(null, ContinueAsNewOptions.getDefaultInstance(), arguments);
    }

    /**
     * Ends the run and starts a new one of {@code workflowType} ({@code null} for this run's) with {@code input}
     * and {@code options}; never returns.
     */
    public Error continueAsNew(String workflowType, ContinueAsNewOptions options, Object[] arguments) {
        executor.requireNoQuery("Workflow.continueAsNew");
        WorkflowThread.requireCurrent("Workflow.continueAsNew");
        String type = workflowType != null ? workflowType : executor.info.getWorkflowType();
        throw new ContinueAsNewRequest(executor.converter.toJsonArray(arguments, "continue as new workflow ", type),
                type, options.getTaskQueue() != null ? options.getTaskQueue() : executor.info.getTaskQueue());
    }

    private CancellationScopeImpl currentScope() {
        WorkflowThread thread = WorkflowThread.current();
        return thread != null ? thread.scope() : executor.rootScope;
    }
}
