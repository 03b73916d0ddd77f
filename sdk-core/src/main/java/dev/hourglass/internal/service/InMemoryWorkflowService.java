package dev.hourglass.internal.service;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.history.WorkflowExecutionTimedOutAttributes;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.CronRuns;
import dev.hourglass.internal.spi.ExecutionPageToken;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.service.ServiceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory {@link WorkflowServiceSpi}: histories, task queues, durable timers and activity retries held in
 * memory under one lock, with deadlines driven by a {@link Scheduler} over a {@link Clock}.
 *
 * <p>Whether work is in progress (which keeps the test environment's virtual clock still) follows from the
 * states of the runs' workflow tasks and of the activities' attempts: each moves through the table of its
 * lifecycle ({@link WorkflowTaskLifecycle}, {@link ActivityAttemptLifecycle}), and only through
 * {@link #transition}, the one function that keeps the count; with assertions on, every transition compares
 * the count with a recount of the states.
 */
public final class InMemoryWorkflowService implements WorkflowServiceSpi {

    private static final Logger log = LoggerFactory.getLogger(InMemoryWorkflowService.class);

    final Clock clock;
    final Scheduler scheduler;
    final ServiceOptions options;
    final ReentrantLock lock = new ReentrantLock();
    private final Map<String, List<Run>> runsByWorkflowId = new HashMap<>();
    final Map<String, Run> runsByRunId = new HashMap<>();
    private final Map<String, TaskQueue> queues = new HashMap<>();
    private final List<Consumer<WorkflowTaskFailure>> taskFailureListeners = new ArrayList<>();
    private final List<Consumer<History>> closeListeners = new ArrayList<>();
    final IdGenerator ids;
    private final Activities activities;
    private final Queries queries;
    private final ChildWorkflows children;
    private final WorkflowTasks workflowTasks;
    private long nextToken;
    private int busy;
    private boolean closed;
    private Runnable idleListener = () -> { };
    private Runnable workListener = () -> { };
    /** Ranks queued tasks: a poll takes the lowest ranked of those queued together; read under the lock. */
    TaskOrder taskOrder = TaskOrder.FIFO;

    /** A workflow task failure, reported to listeners (the test environment fails fast on them). */
    public record WorkflowTaskFailure(WorkflowExecution execution, String workflowType, Throwable failure) {
    }

    /** Creates a service with random workflow and run ids. */
    public InMemoryWorkflowService(Clock clock, Scheduler scheduler, ServiceOptions options) {
        this(clock, scheduler, options, IdGenerator.random());
    }

    /** Creates a service whose workflow and run ids come from {@code ids} (seeded in tests). */
    public InMemoryWorkflowService(Clock clock, Scheduler scheduler, ServiceOptions options, IdGenerator ids) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.options = options;
        this.ids = ids;
        this.activities = new Activities(this);
        this.queries = new Queries(this);
        this.children = new ChildWorkflows(this);
        this.workflowTasks = new WorkflowTasks(this, activities, children);
    }

    /** Registers a listener called (under the service lock) for every failed workflow task. */
    public void addWorkflowTaskFailureListener(Consumer<WorkflowTaskFailure> listener) {
        lock.lock();
        try {
            taskFailureListeners.add(listener);
        } finally {
            lock.unlock();
        }
    }

    /** Registers a listener called (under the service lock) with the history of every run that closes. */
    public void addCloseListener(Consumer<History> listener) {
        lock.lock();
        try {
            closeListeners.add(listener);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public java.time.Duration getWorkflowTaskTimeout() {
        return options.getWorkflowTaskTimeout();
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    /** The current time at the millisecond precision that histories record. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Returns whether no work is pending: no workflow task scheduled or running and no activity attempt
     * queued or running. The virtual clock of the test environment moves only then.
     */
    public boolean isIdle() {
        lock.lock();
        try {
            return busy == 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Describes the work that nobody can take, when that is all the work there is: workflow tasks and activity
     * attempts queued on task queues outside {@code polledQueues}, with nothing else queued or running. Empty
     * when there is no work, or when some of it can go on. Attempts with a schedule-to-start timeout are not
     * stalled: they time out. When they are all the work there is, they stop holding the clock (so that it can
     * reach their timeout) and the answer is empty. Called under the lock.
     */
    public List<String> unpolledWork(Set<String> polledQueues) {
        List<String> stalled = new ArrayList<>();
        List<ActivityState> timingOut = new ArrayList<>();
        for (Map.Entry<String, TaskQueue> entry : new TreeMap<>(queues).entrySet()) {
            if (polledQueues.contains(entry.getKey())) {
                continue;
            }
            for (Object item : entry.getValue().workflowItems) {
                if (item instanceof Run && ((Run) item).task.state() == WorkflowTaskLifecycle.State.SCHEDULED) {
                    Run run = (Run) item;
                    stalled.add("the workflow task of " + run.workflowType + " " + run.workflowId + " waits on task"
                            + " queue '" + entry.getKey() + "'");
                }
            }
            for (TaskQueue.AttemptItem attempt : entry.getValue().attempts) {
                ActivityState activity = attempt.activity();
                if (attempt.token().equals(activity.currentToken)
                        && activity.attemptState.state() == ActivityAttemptLifecycle.State.QUEUED) {
                    if (activity.scheduleToStart != null) {
                        timingOut.add(activity);
                    } else {
                        stalled.add("activity " + activity.activityType + " of workflow " + activity.run.workflowId
                                + " waits on task queue '" + entry.getKey() + "'");
                    }
                }
            }
        }
        if (stalled.size() + timingOut.size() != busy) {
            return List.of();
        }
        if (stalled.isEmpty()) {
            // all that waits has a schedule-to-start timeout: let the clock move on to it
            for (ActivityState activity : timingOut) {
                transition(activity.attemptState, ActivityAttemptLifecycle.Event.RELEASE);
            }
        }
        return stalled;
    }

    /** Returns the lock that guards all state; the virtual-time scheduler fires deadlines under it. */
    public java.util.concurrent.locks.ReentrantLock lock() {
        return lock;
    }

    /** Sets what runs (under the lock) each time the service becomes idle. */
    public void setIdleListener(Runnable listener) {
        lock.lock();
        try {
            this.idleListener = listener;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets what runs (under the lock) each time a workflow task, a query or an activity attempt is queued,
     * so that a driver which runs tasks on its own thread instead of polling knows when to look.
     */
    public void setWorkListener(Runnable listener) {
        lock.lock();
        try {
            this.workListener = listener;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets how the workflow tasks and activity attempts queued on a task queue are ranked: a poll takes the lowest
     * ranked of those queued together ({@link TaskOrder#FIFO} unless set); the test environment ranks by its seed.
     */
    public void setTaskOrder(TaskOrder order) {
        Objects.requireNonNull(order, "order");
        lock.lock();
        try {
            this.taskOrder = order;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes pollers of the queue and tells the work listener; called under the lock. */
    void workQueued(TaskQueue queue, boolean activity) {
        if (activity) {
            queue.activityAvailable.signal();
        } else {
            queue.workflowAvailable.signal();
        }
        workListener.run();
    }

    /**
     * Takes a row of a workflow task's or an activity attempt's lifecycle: the one place where work in progress
     * starts or ends. Tells the idle listener when the last of it ends; called under the lock.
     */
    <E extends Enum<E>> void transition(ClockHoldingLifecycle<?, ?, E> lifecycle, E event) {
        boolean held = lifecycle.holdsClock();
        lifecycle.handle(event);
        boolean holds = lifecycle.holdsClock();
        if (held != holds) {
            busy += holds ? 1 : -1;
        }
        assert busy == recountBusy() : "work in progress counted " + busy + " but the states say " + recountBusy()
                + " after " + event + " of " + lifecycle;
        if (held && !holds && busy == 0) {
            idleListener.run();
        }
    }

    /** Work in progress counted from the states of every run's task and every activity's attempt. */
    private int recountBusy() {
        int count = 0;
        for (Run run : runsByRunId.values()) {
            count += run.task.holdsClock() ? 1 : 0;
            for (ActivityState activity : run.activities.values()) {
                count += activity.attemptState.holdsClock() ? 1 : 0;
            }
        }
        return count;
    }

    String newToken(String prefix) {
        return prefix + (++nextToken);
    }

    @Override
    public long taskQueueBacklog(String taskQueue) {
        lock.lock();
        try {
            TaskQueue queue = queues.get(taskQueue);
            return queue == null ? 0 : queue.dueCount();
        } finally {
            lock.unlock();
        }
    }

    TaskQueue queue(String name) {
        return queues.computeIfAbsent(name, n -> new TaskQueue(lock));
    }

    // ---------------------------------------------------------------- start and close

    @Override
    public WorkflowExecution startWorkflow(StartWorkflowRequest request) {
        lock.lock();
        try {
            requireOpen("start workflow " + (request.workflowId() == null ? request.workflowType()
                    : request.workflowId()));
            return startLocked(firstOfChain(request), null, null, null).execution();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a run; a request without a workflow id gets a new one, and a {@code null} run id a new one (a
     * continue-as-new names the id it recorded already).
     */
    Run startLocked(StartWorkflowRequest request, String continuedFromRunId, Instant inheritedDeadline,
            String runId) {
        if (request.workflowId() == null) {
            request = request.withWorkflowId(ids.newWorkflowId());
        }
        List<Run> runs = runsByWorkflowId.computeIfAbsent(request.workflowId(), id -> new ArrayList<>());
        if (!runs.isEmpty() && continuedFromRunId == null) {
            checkReuse(runs.get(runs.size() - 1), request);
        }
        if (runId == null) {
            runId = ids.newRunId(request.workflowId(), runs.size() + 1);
        }
        Instant now = now();
        Instant deadline = inheritedDeadline != null ? inheritedDeadline
                : request.executionTimeout() == null ? null : now.plus(request.executionTimeout());
        Run run = new Run(request.workflowId(), runId, request.workflowType(), request.taskQueue(),
                request.parentWorkflowId(), request.parentRunId(), request.parentChildId(), deadline);
        runs.add(run);
        runsByRunId.put(run.runId, run);
        if (deadline != null) {
            run.executionTimeout = scheduler.schedule(deadline, () -> timeOutExecution(run));
        }
        run.append(new WorkflowExecutionStartedAttributes(request.workflowType(), request.taskQueue(), request.input(),
                request.parentWorkflowId(), request.parentRunId(), continuedFromRunId,
                deadline == null ? null : Duration.between(now, deadline), request.identity(), request.startDelay(),
                request.cronSchedule(), request.lastCompletionResult(), request.searchAttributes(), request.memo()),
                now);
        run.searchAttributes = request.searchAttributes();
        if (enforceHistoryLimits(run)) {
            if (request.startDelay() == null) {
                scheduleWorkflowTask(run);
            } else {
                run.startDelay = scheduler.schedule(now.plus(request.startDelay()), () -> endStartDelay(run));
            }
        }
        return run;
    }

    @Override
    public WorkflowExecution signalWithStart(StartWorkflowRequest request, String signalName, Payload signalInput) {
        Objects.requireNonNull(signalName, "signalName");
        Objects.requireNonNull(signalInput, "signalInput");
        lock.lock();
        try {
            requireOpen("signal " + signalName + " with start to workflow "
                    + (request.workflowId() == null ? request.workflowType() : request.workflowId()));
            Run run = request.workflowId() == null ? null : openRunOf(request.workflowId());
            boolean withStart = run == null;
            if (withStart) {
                // the first workflow task is only queued: nothing runs before the signal is appended after it
                run = startLocked(firstOfChain(request), null, null, null);
            }
            WorkflowExecutionSignaledAttributes signaled = new WorkflowExecutionSignaledAttributes(signalName,
                    signalInput, request.identity(), withStart);
            if (withStart && run.startDelay != null) {
                // the signal that starts a delayed run waits with it for its first workflow task
                run.append(signaled, now());
                enforceHistoryLimits(run);
            } else {
                deliverInput(run, signaled);
            }
            return run.execution();
        } finally {
            lock.unlock();
        }
    }

    private void checkReuse(Run last, StartWorkflowRequest request) {
        WorkflowExecution existing = last.execution();
        if (last.isOpen()) {
            throw new WorkflowExecutionAlreadyStartedException(existing, last.workflowType,
                    "workflow id '" + request.workflowId() + "' is already used by the open execution " + existing
                            + "; ids are unique among open executions: wait for it to close or choose another id");
        }
        WorkflowIdReusePolicy policy = request.reusePolicy();
        boolean failed = last.closeType != EventType.WorkflowExecutionCompleted;
        if (policy == WorkflowIdReusePolicy.REJECT_DUPLICATE
                || (policy == WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY && !failed)) {
            throw new WorkflowExecutionAlreadyStartedException(existing, last.workflowType,
                    "workflow id '" + request.workflowId() + "' was used by " + existing + " which closed with "
                            + last.closeType + ", and the reuse policy " + policy + " forbids starting it again");
        }
    }

    private void timeOutExecution(Run run) {
        lock.lock();
        try {
            if (run.isOpen()) {
                WorkflowExecutionTimedOutAttributes timedOut = new WorkflowExecutionTimedOutAttributes();
                run.append(timedOut, now());
                closeRun(run, timedOut);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes a run with its closing event: cancels everything armed for it, wakes result waiters, tells a parent. */
    void closeRun(Run run, EventAttributes closing) {
        EventType closeType = closing.eventType();
        run.closeType = closeType;
        run.buffered.clear();
        run.timers.values().forEach(Scheduler.Cancellable::cancel);
        run.timers.clear();
        for (ActivityState activity : run.activities.values()) {
            activities.close(activity);
        }
        run.activities.clear();
        if (run.executionTimeout != null) {
            run.executionTimeout.cancel();
        }
        if (run.taskTimeout != null) {
            run.taskTimeout.cancel();
        }
        if (run.startDelay != null) {
            run.startDelay.cancel();
            run.startDelay = null;
        }
        workflowTasks.forget(run);
        transition(run.task, WorkflowTaskLifecycle.Event.CLOSE);
        History closedHistory = run.snapshot();
        closeListeners.forEach(listener -> listener.accept(closedHistory));
        run.closed.complete(closedHistory);
        run.updates.runClosed(run);
        if (run.parentRunId != null && closeType != EventType.WorkflowExecutionContinuedAsNew) {
            children.notifyParent(run, closing);
        }
        if (closeType != EventType.WorkflowExecutionContinuedAsNew) {
            children.requestCancelOfOpenChildren(run);
        }
    }

    /** Asks an open run to cancel, once, for no client (a parent workflow's request); called under the lock. */
    void requestCancel(Run run) {
        requestCancel(run, null);
    }

    /** Asks an open run to cancel, once, for a client ({@code identity}, {@code null} for none); under the lock. */
    void requestCancel(Run run, String identity) {
        if (run.isOpen() && !run.cancelRequested) {
            run.cancelRequested = true;
            deliverInput(run, new WorkflowExecutionCancelRequestedAttributes(null, identity));
        }
    }

    /** The id the next run of a workflow id will get; called under the lock. */
    /** A client's start of a workflow on a cron schedule waits for the schedule's first fire time. */
    private StartWorkflowRequest firstOfChain(StartWorkflowRequest request) {
        return request.cronSchedule() == null ? request : CronRuns.first(request, now());
    }

    String nextRunId(String workflowId) {
        List<Run> runs = runsByWorkflowId.get(workflowId);
        return ids.newRunId(workflowId, (runs == null ? 0 : runs.size()) + 1);
    }

    /** The open run of a workflow id, or {@code null}; called under the lock. */
    Run openRunOf(String workflowId) {
        List<Run> runs = runsByWorkflowId.get(workflowId);
        Run last = runs == null || runs.isEmpty() ? null : runs.get(runs.size() - 1);
        return last != null && last.isOpen() ? last : null;
    }

    // ---------------------------------------------------------------- workflow tasks

    /** Appends an input event, or buffers it while a workflow task runs; schedules a workflow task. */
    void deliverInput(Run run, EventAttributes attributes) {
        if (!run.isOpen()) {
            return;
        }
        if (run.task.state() == WorkflowTaskLifecycle.State.STARTED) {
            run.buffered.add(attributes);
            return;
        }
        run.append(attributes, now());
        if (enforceHistoryLimits(run)) {
            scheduleWorkflowTask(run);
        }
    }

    /**
     * Applies the {@link HistoryLimits} to a run whose history just grew: warns once when it reaches a warning
     * threshold, and terminates it when it is past a limit. Returns whether the run is still open. Called under
     * the lock.
     */
    boolean enforceHistoryLimits(Run run) {
        if (!run.isOpen()) {
            return false;
        }
        HistoryLimits limits = options.getHistoryLimits();
        int count = run.events.size();
        if (limits.isLimitExceeded(count, run.sizeBytes)) {
            String reason = "the history grew to " + count + " events and "
                    + run.sizeBytes + " bytes, past the limit of " + limits.getEventCountLimit() + " events or "
                    + limits.getSizeLimit() + " bytes (ServiceOptions.setHistoryLimits); a workflow that runs this"
                    + " long should call Workflow.continueAsNew when Workflow.getInfo().isContinueAsNewSuggested()";
            log.error("terminating {}: {}", run.execution(), reason);
            WorkflowExecutionTerminatedAttributes terminated = new WorkflowExecutionTerminatedAttributes(reason);
            run.append(terminated, now());
            closeRun(run, terminated);
            return false;
        }
        if (!run.warnedAboutSize && limits.isWarningReached(count, run.sizeBytes)) {
            run.warnedAboutSize = true;
            log.warn("the history of {} ({}) has {} events and {} bytes, reaching the warning threshold of {} events"
                    + " or {} bytes; past {} events or {} bytes the run is terminated. Continue as new when"
                    + " Workflow.getInfo().isContinueAsNewSuggested() says so", run.execution(), run.workflowType,
                    count, run.sizeBytes, limits.getEventCountWarning(), limits.getSizeWarning(),
                    limits.getEventCountLimit(), limits.getSizeLimit());
        }
        return true;
    }

    /** Queues the run's workflow task; input that arrives during a start delay ends the delay. */
    void scheduleWorkflowTask(Run run) {
        if (run.startDelay != null) {
            run.startDelay.cancel();
            run.startDelay = null;
        }
        workflowTasks.schedule(run);
    }

    /** The start delay of a run is over: its first workflow task is due, unless input made it due already. */
    private void endStartDelay(Run run) {
        lock.lock();
        try {
            if (run.startDelay != null && run.isOpen() && !closed) {
                scheduleWorkflowTask(run);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public WorkflowTask pollWorkflowTask(String taskQueue, Duration timeout) {
        return workflowTasks.poll(taskQueue, timeout);
    }

    @Override
    public void completeWorkflowTask(String taskToken, List<Command> commands) {
        workflowTasks.complete(taskToken, commands);
    }

    @Override
    public void failWorkflowTask(String taskToken, Throwable failure) {
        workflowTasks.fail(taskToken, failure);
    }

    /** Tells the listeners of workflow task failures; called under the lock. */
    void reportTaskFailure(WorkflowTaskFailure failure) {
        for (Consumer<WorkflowTaskFailure> listener : taskFailureListeners) {
            listener.accept(failure);
        }
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Payload queryWorkflow(String workflowId, String runId, String queryType, Payload args) {
        return queries.query(workflowId, runId, queryType, args);
    }

    @Override
    public void respondQueryTask(String taskToken, Payload result, Payload failure) {
        queries.respond(taskToken, result, failure);
    }

    // ---------------------------------------------------------------- activities

    @Override
    public ActivityTask pollActivityTask(String taskQueue, String identity, Duration timeout) {
        return activities.poll(taskQueue, identity, timeout);
    }

    @Override
    public boolean completeActivityTask(String taskToken, Payload result) {
        return activities.complete(taskToken, result);
    }

    @Override
    public boolean failActivityTask(String taskToken, Payload failure) {
        return activities.fail(taskToken, failure);
    }

    @Override
    public ActivityHeartbeatResponse recordActivityHeartbeat(String taskToken, Payload details) {
        return activities.heartbeat(taskToken, details);
    }

    @Override
    public boolean reportActivityTaskCanceled(String taskToken, Payload details) {
        return activities.reportCanceled(taskToken, details);
    }

    /** The attempt no longer counts as work in progress: a virtual clock may move on to its timeouts. */
    @Override
    public void activityAwaitsCompletion(String taskToken) {
        activities.holdClock(taskToken, false);
    }

    @Override
    public String runningActivityTaskToken(String workflowId, String runId, String activityId) {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(activityId, "activityId");
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            Run run;
            try {
                run = findRun(workflowId, runId);
            } catch (WorkflowNotFoundException e) {
                return null;
            }
            return run.isOpen() ? activities.runningToken(run, activityId) : null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets whether a running activity attempt counts as pending work, which keeps the service from being
     * idle. The test environment lets go of an attempt that has stopped showing progress, so that virtual time
     * can reach its heartbeat timeout; the attempt's own outcome still counts if it comes first. Returns
     * whether the attempt is still the current, running one.
     */
    public boolean setActivityAttemptHoldsClock(String taskToken, boolean holds) {
        return activities.holdClock(taskToken, holds);
    }

    /**
     * The task tokens of the activity attempts queued for a worker or running now. The test environment reads
     * them when it simulates a worker crash: the attempts its workers hold then lose their outcome. Only read on
     * request; the service keeps nothing extra for it.
     */
    public Set<String> activityAttemptsInProgress() {
        lock.lock();
        try {
            return activities.currentTokens();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- signals, cancel, terminate, read

    @Override
    public void signalWorkflow(String workflowId, String runId, String signalName, Payload input, String identity) {
        lock.lock();
        try {
            requireOpen("signal " + signalName + " to workflow " + workflowId);
            Run run = findOpenRun(workflowId, runId, "signal " + signalName + " to");
            deliverInput(run, new WorkflowExecutionSignaledAttributes(signalName, input, identity));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public UpdateCall updateWorkflow(String workflowId, String runId, UpdateRequest update) {
        lock.lock();
        try {
            requireOpen("update " + update.updateName() + " of workflow " + workflowId);
            Run run = findOpenRun(workflowId, runId, "update " + update.updateName() + " of");
            return sendUpdate(run, update, false, runId != null);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public UpdateCall updateWithStart(StartWorkflowRequest request, UpdateRequest update) {
        lock.lock();
        try {
            requireOpen("update " + update.updateName() + " with start of workflow "
                    + (request.workflowId() == null ? request.workflowType() : request.workflowId()));
            Run run = request.workflowId() == null ? null : openRunOf(request.workflowId());
            boolean withStart = run == null;
            if (withStart) {
                // only queued: the first workflow task delivers the update along with the start
                run = startLocked(firstOfChain(request), null, null, null);
            }
            // the update of a start with a delay waits with the run for its first workflow task
            return sendUpdate(run, update, withStart && run.startDelay != null, false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps an update for the run's next workflow task, and queues that task (ending a start delay, as a signal does)
     * unless the update {@code waits} for the end of the delay; {@code pinned} when the sender named the run (the
     * update is then not carried over if the run continues as new); under the lock.
     */
    private UpdateCall sendUpdate(Run run, UpdateRequest update, boolean waits, boolean pinned) {
        UpdateCall call = run.updates.add(run, update, ids, pinned);
        if (run.updates.anyPending() && !waits && run.isOpen()) {
            scheduleWorkflowTask(run);
        }
        return call;
    }

    @Override
    public void rejectUpdates(String taskToken, List<UpdateRejection> rejections) {
        workflowTasks.reject(taskToken, rejections);
    }

    @Override
    public void requestCancelWorkflow(String workflowId, String runId, String identity) {
        lock.lock();
        try {
            requireOpen("cancel workflow " + workflowId);
            requestCancel(findOpenRun(workflowId, runId, "cancel"), identity);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void terminateWorkflow(String workflowId, String runId, String reason, String identity) {
        lock.lock();
        try {
            requireOpen("terminate workflow " + workflowId);
            Run run = findOpenRun(workflowId, runId, "terminate");
            WorkflowExecutionTerminatedAttributes terminated = new WorkflowExecutionTerminatedAttributes(reason,
                    identity);
            run.append(terminated, now());
            closeRun(run, terminated);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public History getHistory(String workflowId, String runId) {
        lock.lock();
        try {
            return findRun(workflowId, runId).snapshot();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the history of every run the service holds, open and closed: by workflow id in string order, and
     * the runs of one workflow id in the order they started.
     */
    public List<History> histories() {
        lock.lock();
        try {
            List<History> histories = new ArrayList<>();
            for (List<Run> runs : new TreeMap<>(runsByWorkflowId).values()) {
                for (Run run : runs) {
                    histories.add(run.snapshot());
                }
            }
            return histories;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public WorkflowExecutionDescription describeWorkflow(String workflowId, String runId) {
        Objects.requireNonNull(workflowId, "workflowId");
        lock.lock();
        try {
            return Descriptions.describe(findRun(workflowId, runId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ExecutionPage listWorkflowExecutions(ExecutionFilter filter, String pageToken) {
        Objects.requireNonNull(filter, "filter");
        ExecutionPageToken after = pageToken == null ? null : ExecutionPageToken.decode(pageToken);
        lock.lock();
        try {
            return Descriptions.list(runsByRunId.values(), filter, after);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long countWorkflowExecutions(ExecutionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        lock.lock();
        try {
            return Descriptions.count(runsByRunId.values(), filter);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> listWorkflowTypes() {
        lock.lock();
        try {
            return Descriptions.workflowTypes(runsByRunId.values());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<History> awaitClose(String workflowId, String runId) {
        lock.lock();
        try {
            // the caller's own future, which it may cancel; it completes as the run's, with the same exception
            CompletableFuture<History> own = new CompletableFuture<>();
            findRun(workflowId, runId).closed.whenComplete((history, failure) -> {
                if (failure != null) {
                    own.completeExceptionally(failure);
                } else {
                    own.complete(history);
                }
            });
            return own;
        } finally {
            lock.unlock();
        }
    }

    Run findRun(String workflowId, String runId) {
        if (runId != null) {
            Run run = runsByRunId.get(runId);
            if (run == null || !run.workflowId.equals(workflowId)) {
                throw new WorkflowNotFoundException(workflowId, runId);
            }
            return run;
        }
        List<Run> runs = runsByWorkflowId.get(workflowId);
        if (runs == null || runs.isEmpty()) {
            throw new WorkflowNotFoundException(workflowId, null);
        }
        return runs.get(runs.size() - 1);
    }

    /** The run addressed, if it is open; else the exception that says how it closed, for {@code action}. */
    private Run findOpenRun(String workflowId, String runId, String action) {
        Run run = findRun(workflowId, runId);
        if (!run.isOpen()) {
            throw run.closed(action);
        }
        return run;
    }

    /** Throws if the service is closed, naming what was asked of it; called under the lock. */
    void requireOpen(String what) {
        if (closed) {
            throw new ServiceClosedException("cannot " + what + ": the workflow service is closed");
        }
    }

    @Override
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the service: from now on it takes no new work ({@link ServiceClosedException}), its deadlines no
     * longer fire, pollers waiting for tasks wake up to the exception, and calls waiting for a result or an
     * answer get it too. Closing twice does nothing more.
     */
    @Override
    public void close() {
        List<CompletableFuture<History>> waiting = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Run run : runsByRunId.values()) {
                if (run.isOpen()) {
                    waiting.add(run.closed);
                    run.updates.serviceClosed();
                }
            }
            for (TaskQueue queue : queues.values()) {
                queue.workflowAvailable.signalAll();
                queue.activityAvailable.signalAll();
            }
        } finally {
            lock.unlock();
        }
        scheduler.close();
        queries.closeAll();
        for (CompletableFuture<History> result : waiting) {
            result.completeExceptionally(new ServiceClosedException("the workflow service was closed while this"
                    + " call waited for the workflow to close; its execution stays open"));
        }
    }
}
