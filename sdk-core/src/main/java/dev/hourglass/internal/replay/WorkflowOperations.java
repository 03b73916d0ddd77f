package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.statemachines.ActivityStateMachine;
import dev.hourglass.internal.statemachines.ChildWorkflowStateMachine;
import dev.hourglass.internal.statemachines.MarkerStateMachine;
import dev.hourglass.internal.statemachines.TimerStateMachine;
import dev.hourglass.service.Command;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Promise;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** The operations behind the {@code Workflow} facade for one run: commands, markers, threads and scopes. */
public final class WorkflowOperations {

    /** Returned by {@link #getVersion} for histories recorded before the change. */
    public static final int DEFAULT_VERSION = -1;

    private final WorkflowExecutor executor;
    private final Map<String, ActivityStateMachine> activities = new HashMap<>();
    private final Map<String, TimerStateMachine> timers = new HashMap<>();
    private final Map<String, ChildWorkflowStateMachine> children = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private int activitySeq;
    private int timerSeq;
    private int childSeq;
    private int sideEffectSeq;
    private int asyncSeq;
    private Random random;

    WorkflowOperations(WorkflowExecutor executor) {
        this.executor = executor;
    }

    // ---------------------------------------------------------------- events

    void deliver(HistoryEvent event) {
        switch (event.getEventType()) {
            case ActivityTaskStarted:
                activity(event).onStarted(event);
                break;
            case ActivityTaskCompleted:
                activity(event).onCompleted(event);
                activities.remove(id(event, "activityId"));
                break;
            case ActivityTaskFailed:
                activity(event).onFailed(event);
                activities.remove(id(event, "activityId"));
                break;
            case ActivityTaskTimedOut:
                activity(event).onTimedOut(event);
                activities.remove(id(event, "activityId"));
                break;
            case ActivityTaskCanceled:
                activity(event).onCanceled(event);
                activities.remove(id(event, "activityId"));
                break;
            case TimerFired:
                timer(event).onFired();
                break;
            case ChildWorkflowExecutionStarted:
                child(event).onStarted(event);
                break;
            case ChildWorkflowExecutionCompleted:
                child(event).onCompleted(event);
                children.remove(id(event, "childId"));
                break;
            case ChildWorkflowExecutionFailed:
                child(event).onFailed(event);
                children.remove(id(event, "childId"));
                break;
            default:
                throw new IllegalStateException("unexpected input event " + event);
        }
    }

    private ActivityStateMachine activity(HistoryEvent event) {
        return known(activities.get(id(event, "activityId")), event, "an activity");
    }

    private TimerStateMachine timer(HistoryEvent event) {
        return known(timers.get(id(event, "timerId")), event, "a timer");
    }

    private ChildWorkflowStateMachine child(HistoryEvent event) {
        return known(children.get(id(event, "childId")), event, "a child workflow");
    }

    private <T> T known(T machine, HistoryEvent event, String what) {
        if (machine == null) {
            throw executor.nondeterminism(event.getEventId(), event.toString(), "no such command", null,
                    "the history has an event for " + what + " that the code never started");
        }
        return machine;
    }

    private static String id(HistoryEvent event, String name) {
        return event.getStringAttribute(name);
    }

    // ---------------------------------------------------------------- activities

    /** Schedules an activity and returns the promise of its JSON result. */
    public Promise<JsonNode> scheduleActivity(String activityType, ArrayNode input, ActivityOptions options) {
        CancellationScopeImpl scope = currentScope();
        String activityId = String.valueOf(++activitySeq);
        ActivityStateMachine machine = new ActivityStateMachine(activityId, activityType);
        if (scope.isCancelRequested()) {
            return PromiseImpl.failed(new ActivityFailure(activityType, activityId, 0,
                    new CanceledFailure("the activity's cancellation scope was already canceled")));
        }
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("activityId", activityId);
        attributes.put("activityType", activityType);
        attributes.put("taskQueue", options.getTaskQueue() != null ? options.getTaskQueue()
                : executor.info.getTaskQueue());
        attributes.set("input", input);
        putMillis(attributes, "startToCloseTimeoutMillis", options.getStartToCloseTimeout());
        putMillis(attributes, "scheduleToCloseTimeoutMillis", options.getScheduleToCloseTimeout());
        putMillis(attributes, "heartbeatTimeoutMillis", options.getHeartbeatTimeout());
        if (options.getRetryPolicy() != null) {
            attributes.set("retryPolicy", retryPolicyJson(options.getRetryPolicy()));
        }
        activities.put(activityId, machine);
        executor.matcher.add(new Command(EventType.ActivityTaskScheduled, attributes));
        scope.onCancel(machine, () -> {
            if (machine.cancel()) {
                ObjectNode cancel = JsonNodeFactory.instance.objectNode();
                cancel.put("activityId", activityId);
                executor.matcher.add(new Command(EventType.ActivityTaskCancelRequested, cancel));
            }
        });
        machine.result().whenComplete(() -> scope.removeCancelHandler(machine));
        return machine.result();
    }

    private static ObjectNode retryPolicyJson(RetryPolicy policy) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("initialIntervalMillis", policy.getInitialInterval().toMillis());
        node.put("backoffCoefficient", policy.getBackoffCoefficient());
        node.put("maximumIntervalMillis", policy.getMaximumInterval().toMillis());
        node.put("maximumAttempts", policy.getMaximumAttempts());
        ArrayNode doNotRetry = node.putArray("doNotRetry");
        policy.getDoNotRetry().forEach(doNotRetry::add);
        return node;
    }

    private static void putMillis(ObjectNode attributes, String name, Duration value) {
        if (value != null) {
            attributes.put(name, value.toMillis());
        }
    }

    // ---------------------------------------------------------------- timers and waiting

    /** Starts a durable timer; a zero or negative duration gives a completed promise and no timer. */
    public Promise<Void> newTimer(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return PromiseImpl.completed(null);
        }
        CancellationScopeImpl scope = currentScope();
        if (scope.isCancelRequested()) {
            return PromiseImpl.failed(new CanceledFailure("the timer's cancellation scope was already canceled"));
        }
        return startTimer(duration, scope).fired();
    }

    private TimerStateMachine startTimer(Duration duration, CancellationScopeImpl scope) {
        String timerId = String.valueOf(++timerSeq);
        TimerStateMachine machine = new TimerStateMachine();
        timers.put(timerId, machine);
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("timerId", timerId);
        attributes.put("durationMillis", Math.max(1, duration.toMillis()));
        executor.matcher.add(new Command(EventType.TimerStarted, attributes));
        scope.onCancel(machine, () -> cancelTimer(timerId, machine));
        machine.fired().whenComplete(() -> scope.removeCancelHandler(machine));
        return machine;
    }

    private void cancelTimer(String timerId, TimerStateMachine machine) {
        if (machine.cancel()) {
            ObjectNode attributes = JsonNodeFactory.instance.objectNode();
            attributes.put("timerId", timerId);
            executor.matcher.add(new Command(EventType.TimerCanceled, attributes));
        }
    }

    /** Blocks until {@code condition} holds; throws {@link CanceledFailure} if the scope is canceled first. */
    public void await(String operation, Supplier<Boolean> condition) {
        CancellationScopeImpl scope = currentScope();
        WorkflowThread.requireCurrent(operation).yieldUntil(operation,
                () -> scope.isCancelRequested() || Boolean.TRUE.equals(condition.get()));
        if (!Boolean.TRUE.equals(condition.get())) {
            throw new CanceledFailure(operation + " canceled");
        }
    }

    /** Blocks until {@code condition} holds (true) or the timeout passes (false). */
    public boolean await(Duration timeout, Supplier<Boolean> condition) {
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
        TimerStateMachine timer = startTimer(timeout, scope);
        String timerId = String.valueOf(timerSeq);
        WorkflowThread.requireCurrent("Workflow.await").yieldUntil("Workflow.await",
                () -> timer.fired().isCompleted() || scope.isCancelRequested() || Boolean.TRUE.equals(condition.get()));
        if (Boolean.TRUE.equals(condition.get())) {
            cancelTimer(timerId, timer);
            return true;
        }
        if (scope.isCancelRequested()) {
            throw new CanceledFailure("Workflow.await canceled");
        }
        return false;
    }

    // ---------------------------------------------------------------- child workflows

    /** Starts a child workflow and returns its machine (with the start and result promises). */
    public ChildWorkflowStateMachine startChild(String workflowType, ChildWorkflowOptions options, ArrayNode input) {
        CancellationScopeImpl scope = currentScope();
        String childId = String.valueOf(++childSeq);
        WorkflowInfoImpl info = executor.info;
        String workflowId = options.getWorkflowId() != null ? options.getWorkflowId()
                : info.getWorkflowId() + "/" + info.getRunId() + "/child-" + childId;
        ChildWorkflowStateMachine machine = new ChildWorkflowStateMachine(workflowType, workflowId);
        if (scope.isCancelRequested()) {
            machine.abandon(); // never started: no command
            return machine;
        }
        children.put(childId, machine);
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("childId", childId);
        attributes.put("workflowId", workflowId);
        attributes.put("workflowType", workflowType);
        attributes.put("taskQueue", options.getTaskQueue() != null ? options.getTaskQueue() : info.getTaskQueue());
        attributes.set("input", input);
        putMillis(attributes, "workflowExecutionTimeoutMillis", options.getWorkflowExecutionTimeout());
        if (options.getWorkflowIdReusePolicy() != null) {
            attributes.put("workflowIdReusePolicy", options.getWorkflowIdReusePolicy().name());
        }
        executor.matcher.add(new Command(EventType.StartChildWorkflowExecutionInitiated, attributes));
        scope.onCancel(machine, machine::abandon);
        machine.result().whenComplete(() -> scope.removeCancelHandler(machine));
        return machine;
    }

    // ---------------------------------------------------------------- markers

    /** Runs {@code supplier} once and records its value; replays return the recorded value. */
    public <R> R sideEffect(Class<R> type, Type genericType, Supplier<R> supplier) {
        String markerId = String.valueOf(++sideEffectSeq);
        MarkerStateMachine marker = new MarkerStateMachine();
        HistoryEvent recorded = executor.matcher.peek();
        if (recorded != null) {
            ObjectNode expected = markerAttributes("SideEffect", markerId, null);
            executor.matcher.add(new Command(EventType.MarkerRecorded, expected));
            marker.matchRecorded();
            return executor.converter.fromJson(recorded.getAttribute("details"), type, genericType);
        }
        JsonNode value = executor.converter.toJson(supplier.get());
        executor.matcher.add(new Command(EventType.MarkerRecorded, markerAttributes("SideEffect", markerId, value)));
        marker.record();
        return executor.converter.fromJson(value, type, genericType);
    }

    /** See {@code Workflow.getVersion}. */
    public int getVersion(String changeId, int minSupported, int maxSupported) {
        Integer known = versions.get(changeId);
        int version;
        if (known != null) {
            version = known;
        } else {
            MarkerStateMachine marker = new MarkerStateMachine();
            HistoryEvent recorded = executor.matcher.peek();
            if (recorded != null && recorded.getEventType() == EventType.MarkerRecorded
                    && "Version".equals(recorded.getStringAttribute("markerName"))
                    && changeId.equals(recorded.getStringAttribute("markerId"))) {
                executor.matcher.consume();
                marker.matchRecorded();
                version = recorded.getAttribute("details").path("version").asInt();
            } else if (recorded != null) {
                marker.notInHistory();
                version = DEFAULT_VERSION;
            } else {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                details.put("version", maxSupported);
                executor.matcher.add(new Command(EventType.MarkerRecorded,
                        markerAttributes("Version", changeId, details)));
                marker.record();
                version = maxSupported;
            }
            versions.put(changeId, version);
        }
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

    private static ObjectNode markerAttributes(String name, String markerId, JsonNode details) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("markerName", name);
        attributes.put("markerId", markerId);
        if (details != null) {
            attributes.set("details", details);
        }
        return attributes;
    }

    // ---------------------------------------------------------------- time, randomness, threads, scopes

    public long currentTimeMillis() {
        return executor.currentTimeMillis();
    }

    public boolean isReplaying() {
        return executor.isReplaying();
    }

    public WorkflowInfoImpl info() {
        return executor.info;
    }

    /** A random generator seeded from the run, so replays draw the same numbers. */
    public Random newRandom() {
        return new Random(random().nextLong());
    }

    /** A type-4 UUID drawn from the run's seeded generator. */
    public UUID randomUUID() {
        Random r = random();
        long most = (r.nextLong() & ~0xF000L) | 0x4000L;
        long least = (r.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(most, least);
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
    public Error continueAsNew(ArrayNode input) {
        WorkflowThread.requireCurrent("Workflow.continueAsNew");
        throw new ContinueAsNewRequest(input);
    }

    private CancellationScopeImpl currentScope() {
        WorkflowThread thread = WorkflowThread.current();
        return thread != null ? thread.scope() : executor.rootScope;
    }
}
