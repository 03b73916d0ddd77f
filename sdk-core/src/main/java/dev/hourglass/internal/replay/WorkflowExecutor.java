package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.failure.HourglassFailure;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.failure.PotentialDeadlockException;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCanceledAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import dev.hourglass.internal.common.EncodedValues;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.HistoryJsonCodec;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.statemachines.IllegalTransitionException;
import dev.hourglass.internal.statemachines.CompletionStateMachine;
import dev.hourglass.service.HistoryLimits;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the code of one workflow run over its history: delivers each input event in order, runs the
 * workflow threads until all are blocked, and matches the commands they produce against the recorded ones.
 * The same object serves live workflow tasks (kept in the worker's cache between them) and pure replay.
 *
 * <p>Not thread-safe: one task (or query) at a time.
 */
public final class WorkflowExecutor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkflowExecutor.class);
    private static final ThreadLocal<WorkflowExecutor> DELIVERING = new ThreadLocal<>();

    final WorkflowImplementation implementation;
    final PayloadConverter converter;
    final DeterministicRunner runner = new DeterministicRunner(this);
    final ReplayMatcher matcher;
    final CancellationScopeImpl rootScope = new CancellationScopeImpl(null, false, () -> { });
    final CompletionStateMachine completion;
    /** The run's signal and query handlers, and the signals waiting for one. */
    final Handlers handlers = new Handlers(this);
    /** The run's update handlers, and the updates the current task delivers. */
    final UpdateHandlers updates = new UpdateHandlers(this);
    final WorkflowOperations operations;
    final LocalActivities localActivities = new LocalActivities(this);
    /** The worker interceptors' chains of the run, which its inbound and outbound calls go through. */
    final WorkflowInterceptorChain interceptors = new WorkflowInterceptorChain(this);
    private final Supplier<String> blockedLocation = this::blockedLocation;
    WorkflowInfoImpl info;
    Object instance;
    /** The input the run was started with, as recorded; set when the start is delivered. */
    private JsonNode startInput;
    /** The run's arguments, decoded once from {@link #startInput}; {@code null} until first needed. */
    private Object[] startArguments;
    private List<HistoryEvent> events = List.of();
    /** The last event delivered to the code, which what the code does next follows from. */
    private HistoryEvent delivered;
    private int nextEventIndex;
    private int replayBoundary;
    private boolean replaying;
    private long currentTimeMillis;
    private Throwable taskFailure;
    private boolean destroyed;
    /** The query method running now, or {@code null}. */
    private String queryInProgress;
    /** How {@link #readOnly} names an update validator: {@code queryInProgress} starts with it. */
    static final String VALIDATOR = "the validator of update ";
    private HistoryLimits historyLimits = HistoryLimits.getDefaultInstance();
    /** Whether the determinism agent, when installed, checks this execution's workflow code. */
    private boolean determinismChecked = true;
    /** The first nondeterministic call of the current task, which fails it even if the code caught the error. */
    private NondeterministicCallError nondeterministicCall;
    /** The commands around the divergence the matcher reports next, until it is reported. */
    private CommandTrace pendingTrace;
    /** The commands around the divergence that failed the task, or {@code null}. */
    private CommandTrace divergence;
    /** How many of the first events {@link #sizedBytes} measures. */
    private int sizedEvents;
    private long sizedBytes;

    /** Creates an executor for a run of {@code implementation}; strict makes argument differences fail. */
    public WorkflowExecutor(WorkflowImplementation implementation, boolean strict) {
        this(implementation, strict, PayloadConverter.getDefault());
    }

    /** Creates an executor that converts payloads with {@code converter}. */
    public WorkflowExecutor(WorkflowImplementation implementation, boolean strict, PayloadConverter converter) {
        this.implementation = implementation;
        this.converter = converter;
        this.matcher = new ReplayMatcher(this, strict);
        this.completion = new CompletionStateMachine(matcher,
                () -> rootScope.cancel("workflow cancellation requested"));
        this.operations = new WorkflowOperations(this);
    }

    /** The executor of the calling workflow code, or an {@link IllegalStateException} naming the operation. */
    public static WorkflowExecutor current(String operation) {
        WorkflowThread thread = WorkflowThread.current();
        if (thread != null) {
            return thread.executor();
        }
        WorkflowExecutor delivering = DELIVERING.get();
        if (delivering != null) {
            return delivering;
        }
        throw new IllegalStateException(operation + " may only be called from workflow code (a workflow method,"
                + " signal handler or Workflow.async function), not from thread " + Thread.currentThread().getName());
    }

    /**
     * The result of one workflow task: its commands, or the failure that fails it; and the updates it rejected.
     */
    public record TaskResult(List<Command> commands, Throwable failure, List<UpdateRejection> rejections) {

        /** A result that rejected no update. */
        public TaskResult(List<Command> commands, Throwable failure) {
            this(commands, failure, List.of());
        }
    }

    /**
     * Sets the updates the next workflow task delivers: once its events are delivered and the code is blocked, each is
     * validated and accepted or rejected.
     */
    public void deliverUpdates(List<UpdateRequest> requests) {
        updates.startTask(requests);
    }

    /**
     * Runs the code over the events it has not seen yet and returns the new commands, or the failure that
     * fails the workflow task (a bug, nondeterminism).
     */
    public TaskResult processWorkflowTask(History history) {
        return processWorkflowTask(history, false);
    }

    /**
     * Like {@link #processWorkflowTask(History)}; with {@code rootOnCallingThread}, a workflow method not
     * started yet runs on the calling thread, so a single-threaded workflow costs no thread hand-off. Its
     * stack cannot outlive the call: where it is still blocked when the task is over it is unwound, and the
     * executor can then only be destroyed (its next task rebuilds the execution by replay).
     */
    public TaskResult processWorkflowTask(History history, boolean rootOnCallingThread) {
        return processWorkflowTask(history, rootOnCallingThread, null, stuck -> { });
    }

    /**
     * Like {@link #processWorkflowTask(History, boolean)}, watched for workflow code that holds control for
     * {@code deadlockTimeout} without calling the Hourglass API ({@code null}: not watched). Such a task is
     * abandoned: {@code onStuck} hears of it at once on another thread (the calling thread may be the stuck one),
     * and if the calling thread was only waiting, this returns the same {@link PotentialDeadlockException} as the
     * task's failure. The executor can then only be destroyed.
     */
    public TaskResult processWorkflowTask(History history, boolean rootOnCallingThread, Duration deadlockTimeout,
            Consumer<PotentialDeadlockException> onStuck) {
        run(history, false, rootOnCallingThread, deadlockTimeout, onStuck);
        if (runner.abandoned() != null) {
            return new TaskResult(List.of(), runner.abandoned());
        }
        if (taskFailure != null) {
            return new TaskResult(List.of(), taskFailure);
        }
        List<Command> commands = matcher.takeNewCommands();
        nextEventIndex = events.size() + commands.size();
        matcher.advanceTo(nextEventIndex);
        return new TaskResult(commands, null, updates.rejections());
    }

    /**
     * Replays a recorded history from the start; throws {@link NonDeterministicException} on divergence or
     * the workflow code's own failure.
     */
    public void replay(History history) {
        run(history, true, false, null, stuck -> { });
        throwTaskFailure();
    }

    /**
     * Replays a recorded history from the start like {@link #replay(History)}, running the workflow method on
     * the calling thread; afterwards the execution can only be destroyed.
     */
    void replayThenDestroy(History history) {
        run(history, true, true, null, stuck -> { });
        throwTaskFailure();
    }

    private void throwTaskFailure() {
        if (taskFailure instanceof RuntimeException) {
            throw (RuntimeException) taskFailure;
        }
        if (taskFailure instanceof Error) {
            throw (Error) taskFailure;
        }
        if (taskFailure != null) {
            throw new IllegalStateException(taskFailure);
        }
    }

    private void run(History history, boolean replayOnly, boolean rootOnCallingThread, Duration deadlockTimeout,
            Consumer<PotentialDeadlockException> onStuck) {
        events = history.getEvents();
        matcher.reset(events, replayOnly);
        // a pure replay (self-check, replay tests, queries) is replaying throughout: the code's logs and
        // warnings were said when the history was recorded
        replayBoundary = replayOnly ? events.size() : lastCommandIndex(events);
        if (info == null) {
            info = WorkflowInfoImpl.from(history, this);
        }
        runner.runTask(rootOnCallingThread, deadlockTimeout, onStuck);
        if (nondeterministicCall != null) {
            // reported as it happened, whatever the code did with the error afterwards
            taskFailure = nondeterministicCall;
        }
    }

    /**
     * The scheduling loop of a task, run by whichever thread holds control (with no current workflow thread):
     * returns the next workflow thread to run, delivering the next input event whenever every thread is
     * blocked, or {@code null} when the task is over (no event left, or the executor stopped).
     */
    WorkflowThread nextToRun() {
        try {
            while (!isStopped()) {
                WorkflowThread next = runner.nextRunnable();
                if (next != null) {
                    return next;
                }
                if (isStopped()) {
                    break;
                }
                if (localActivities.resolvePending()) {
                    // a local activity's outcome, run or read back before the history moves on
                    runner.eventDelivered();
                    continue;
                }
                if (isStopped()) {
                    break;
                }
                if (!deliverNextEvent()) {
                    matcher.checkNoneMissingBefore(events.size(), blockedLocation);
                    if (!matcher.isReplayOnly() && deliverNextUpdate()) {
                        // an accepted update's handler is a new thread to run
                        runner.eventDelivered();
                        continue;
                    }
                    break;
                }
            }
        } catch (NonDeterministicException e) {
            taskFailure = e;
        } catch (WorkflowTaskAbort e) {
            // taskFailure already set
        } catch (RuntimeException | Error e) {
            if (taskFailure == null) {
                taskFailure = ReplayFailures.explain(e, describeExecution(), delivered);
            }
        }
        return null;
    }

    /** Delivers the next input event of the history; returns {@code false} if there is none. */
    private boolean deliverNextEvent() {
        int size = events.size();
        while (nextEventIndex < size && events.get(nextEventIndex).getEventType().isCommand()
                && events.get(nextEventIndex).getEventType() != EventType.WorkflowExecutionUpdateAccepted) {
            nextEventIndex++;
        }
        if (nextEventIndex >= size) {
            return false;
        }
        HistoryEvent event = events.get(nextEventIndex);
        matcher.checkNoneMissingBefore(nextEventIndex, blockedLocation);
        replaying = nextEventIndex < replayBoundary;
        if (event.getEventType() != EventType.WorkflowExecutionUpdateAccepted) {
            // a live task delivers an update at the time of the events before it, and so does a replay
            currentTimeMillis = WorkflowTime.atDelivery(events, nextEventIndex, currentTimeMillis);
        }
        nextEventIndex++;
        delivered = event;
        deliver(event);
        runner.eventDelivered();
        return true;
    }

    /** Validates and accepts or rejects the next update the live task brings; {@code false} if none is left. */
    private boolean deliverNextUpdate() {
        replaying = false;
        WorkflowExecutor previous = DELIVERING.get();
        DELIVERING.set(this);
        try {
            return updates.deliverNext();
        } finally {
            DELIVERING.set(previous);
        }
    }

    private static int lastCommandIndex(List<HistoryEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).getEventType().isCommand()) {
                return i;
            }
        }
        return -1;
    }

    private void deliver(HistoryEvent event) {
        WorkflowExecutor previous = DELIVERING.get();
        DELIVERING.set(this);
        try {
            dispatch(event);
        } catch (NonDeterministicException e) {
            taskFailure = e;
        } catch (IllegalTransitionException e) {
            taskFailure = ReplayFailures.explain(e, describeExecution(), event);
        } finally {
            DELIVERING.set(previous);
        }
    }

    private void dispatch(HistoryEvent event) {
        switch (event.getEventType()) {
            case WorkflowExecutionStarted:
                startInput = JsonPayload.node(event.getAttributes(WorkflowExecutionStartedAttributes.class).input());
                startSignalsSentWithStart();
                startRootThread(event);
                break;
            case WorkflowExecutionSignaled:
                handlers.signalReceived(event, false);
                break;
            case WorkflowExecutionUpdateAccepted:
                updates.deliverRecorded(event);
                break;
            case WorkflowExecutionCancelRequested:
                completion.requestCancel();
                break;
            case WorkflowExecutionTerminated:
            case WorkflowExecutionTimedOut:
                break;
            default:
                // failures read from the event decode their details with this execution's converter
                FailureConverter.decodingWith(converter, () -> {
                    operations.deliver(event);
                    return null;
                });
                break;
        }
    }

    private void startRootThread(HistoryEvent event) {
        runner.newThread("root", rootScope, () -> {
            Object result = interceptors.inbound().execute(
                    new WorkflowInboundCallsInterceptor.WorkflowInput(startArguments())).getResult();
            close(CompletionStateMachine.Event.COMPLETE,
                    new WorkflowExecutionCompletedAttributes(JsonPayload.of(converter.toJson(result,
                            "the result of workflow ", workflowType()))));
        });
    }

    /**
     * The arguments the run was started with, decoded once as the workflow method's parameters (a dynamic
     * workflow's one {@code Values}); the workflow method and a {@code @WorkflowInit} constructor receive them.
     */
    private Object[] startArguments() {
        if (startArguments == null) {
            Method method = implementation.metadata().workflowMethod();
            startArguments = implementation.isDynamic()
                    ? new Object[] {EncodedValues.arguments(startInput, converter, "workflow " + workflowType())}
                    : converter.fromJsonArray(startInput, method.getParameterTypes(), method.getGenericParameterTypes(),
                            "workflow ", workflowType());
        }
        return startArguments;
    }

    /** The workflow type of the run: the one it was started as, which a dynamic workflow does not name. */
    String workflowType() {
        return info != null ? info.getWorkflowType() : implementation.workflowType();
    }

    /**
     * Starts the handlers of the signals sent with the start of the run (signal-with-start), recorded right after
     * it, before the root thread: their threads are created first, so they run first, as the run's first code
     * (the first of them creates the workflow object). Called while the start is delivered; consumes those
     * events. Decided from the recorded {@code withStart} flags alone, so a replay runs the same code in the
     * same order; a signal that merely arrived before the first workflow task runs after the workflow method
     * first blocks, as before.
     */
    private void startSignalsSentWithStart() {
        while (nextEventIndex < events.size()) {
            HistoryEvent next = events.get(nextEventIndex);
            if (next.getEventType() != EventType.WorkflowExecutionSignaled
                    || !next.getAttributes(WorkflowExecutionSignaledAttributes.class).withStart()) {
                return;
            }
            replaying = nextEventIndex < replayBoundary;
            nextEventIndex++;
            delivered = next;
            handlers.signalReceived(next, true);
        }
    }

    /**
     * Creates the workflow object, once, on the first workflow thread that needs it, with the run's arguments for
     * a {@code @WorkflowInit} constructor.
     */
    Object createInstance() {
        return createInstance(startArguments());
    }

    /** Creates the workflow object, once, with {@code args} for a {@code @WorkflowInit} constructor. */
    Object createInstance(Object[] args) {
        if (instance == null) {
            instance = implementation.newInstance(args);
        }
        return instance;
    }

    /** Answers a query from the current state of the workflow object. */
    public Payload query(String queryType, Payload args) {
        WorkflowExecutor previous = DELIVERING.get();
        DELIVERING.set(this);
        queryInProgress = "query method '" + queryType + "'";
        try {
            return JsonPayload.of(converter.toJson(handlers.answer(queryType, args), "the result of query ",
                    queryType));
        } finally {
            queryInProgress = null;
            DELIVERING.set(previous);
        }
    }

    /**
     * Runs {@code body} read-only, as a query runs: anything that would record a command or wait is refused with a
     * message naming {@code what} (such as {@code "the validator of update 'approve'"}).
     */
    void readOnly(String what, Runnable body) {
        WorkflowExecutor previous = DELIVERING.get();
        DELIVERING.set(this);
        queryInProgress = what;
        try {
            body.run();
        } finally {
            queryInProgress = null;
            DELIVERING.set(previous);
        }
    }

    /**
     * Sets the worker interceptors the run's calls go through, the first the outermost; before the run's code first
     * runs (none by default).
     */
    public void setWorkerInterceptors(List<WorkerInterceptor> workerInterceptors) {
        interceptors.setInterceptors(workerInterceptors);
    }

    /** The head of the run's outbound interceptor chain: what the workflow code's calls of the API go through. */
    public WorkflowOutboundCallsInterceptor outbound() {
        return interceptors.outbound();
    }

    /** Registers signal and query handlers for the rest of the run; see {@code Workflow.registerListener}. */
    public void registerListener(Object listener) {
        requireNoQuery("Workflow.registerListener");
        handlers.register(listener);
    }

    /** The execution to which the calling thread delivers an event or whose query method it runs, or {@code null}. */
    static WorkflowExecutor deliveringExecutor() {
        return DELIVERING.get();
    }

    /** The execution whose query method the calling thread runs, or {@code null}. */
    static WorkflowExecutor queryingExecutor() {
        WorkflowExecutor delivering = DELIVERING.get();
        return delivering != null && delivering.queryInProgress != null ? delivering : null;
    }

    /**
     * Sets what runs the local activities the code calls in the tasks to come ({@code null}: none run; a call then
     * stays blocked unless the history records its outcome).
     */
    public void setLocalActivityRunner(LocalActivityRunner runner) {
        localActivities.setRunner(runner);
    }

    /** Sets whether the determinism agent, when installed, checks this execution's workflow code (default on). */
    public void setDeterminismChecked(boolean checked) {
        this.determinismChecked = checked;
    }

    boolean isDeterminismChecked() {
        return determinismChecked;
    }

    /** Records a nondeterministic call: the first one of a task fails the task, caught or not. */
    void nondeterministicCall(NondeterministicCallError error) {
        if (nondeterministicCall == null) {
            nondeterministicCall = error;
        }
    }

    /** Refuses {@code operation} if the calling thread runs a query method of some execution. */
    static void refuseInQuery(String operation) {
        WorkflowExecutor delivering = DELIVERING.get();
        if (delivering != null) {
            delivering.requireNoQuery(operation);
        }
    }

    /**
     * Refuses {@code operation} while a query method runs: a query reads the workflow's state, and anything that
     * would record a command (or wait for one) would land in the history of a run that the query must not change.
     */
    void requireNoQuery(String operation) {
        if (queryInProgress != null) {
            boolean validator = queryInProgress.startsWith(VALIDATOR);
            throw new IllegalStateException(operation + " was called from " + queryInProgress + " of "
                    + describeExecution() + (validator
                            ? ": an update validator only reads the workflow's state and may not record commands or"
                                    + " wait; reject the update by throwing, and do the work in the update handler"
                            : ": a query only reads the workflow's state and may not record commands or wait; compute"
                                    + " the answer from fields that the workflow methods and signal handlers keep"));
        }
    }

    /** Called when a workflow thread ends with a throwable it did not handle. */
    void threadFailed(WorkflowThread thread, Throwable failure) {
        if (isStopped()) {
            return;
        }
        if (failure instanceof ContinueAsNewRequest) {
            ContinueAsNewRequest request = (ContinueAsNewRequest) failure;
            close(CompletionStateMachine.Event.CONTINUE_AS_NEW, new WorkflowExecutionContinuedAsNewAttributes(null,
                    JsonPayload.of(request.input()), request.workflowType(), request.taskQueue()));
        } else if (completion.isCancelRequested() && isCancellation(failure)) {
            close(CompletionStateMachine.Event.CANCEL, new WorkflowExecutionCanceledAttributes());
        } else if (failure instanceof HourglassFailure) {
            close(CompletionStateMachine.Event.FAIL,
                    new WorkflowExecutionFailedAttributes(JsonPayload.of(FailureConverter.toJson(failure,
                            converter))));
        } else if (failure instanceof NondeterministicCallError) {
            taskFailure = failure;
        } else if (implementation.failsWorkflow(failure)) {
            // a type the implementation options list: a business failure of this workflow, not a bug to retry
            close(CompletionStateMachine.Event.FAIL,
                    new WorkflowExecutionFailedAttributes(JsonPayload.of(FailureConverter.toJson(failure,
                            converter))));
        } else {
            taskFailure = ReplayFailures.explain(failure, describeExecution(), delivered);
        }
    }

    /**
     * Whether a failure reports a cancellation: a {@link CanceledFailure}, or an activity or child workflow
     * failure caused by one (what a canceled activity or child throws into the code that waited for it).
     */
    private static boolean isCancellation(Throwable failure) {
        if (failure instanceof CanceledFailure) {
            return true;
        }
        return (failure instanceof ActivityFailure || failure instanceof ChildWorkflowFailure)
                && failure.getCause() instanceof CanceledFailure;
    }

    private void close(CompletionStateMachine.Event event, EventAttributes command) {
        if (isStopped()) {
            return;
        }
        try {
            completion.close(event, command);
        } catch (NonDeterministicException e) {
            taskFailure = e;
        }
        List<String> signals = handlers.running();
        List<String> running = updates.running();
        if (!replaying && (!signals.isEmpty() || !running.isEmpty())) {
            log.warn("{} {} while handlers were still running (signals {}, updates {}); what they had left to do is"
                    + " not done, and the updates fail for their senders. To let them finish, have the workflow"
                    + " method wait for them first: Workflow.await(Workflow::isEveryHandlerFinished)",
                    describeExecution(), event == CompletionStateMachine.Event.CONTINUE_AS_NEW ? "continued as new"
                            : "closed", signals, running);
        }
    }

    /** Whether no signal or update handler of the run is running; see {@code Workflow.isEveryHandlerFinished}. */
    boolean isEveryHandlerFinished() {
        return handlers.running().isEmpty() && updates.running().isEmpty();
    }

    /** Builds the nondeterminism report, records it as the task's failure and returns it for throwing. */
    NonDeterministicException nondeterminism(long eventId, String recorded, String actual, String location,
            String what) {
        String message = "Nondeterminism in " + describeExecution() + " at event " + eventId + ": " + what + ".\n"
                + "  history recorded: " + recorded + "\n"
                + "  the code now:     " + actual + "\n"
                + "  workflow code at: " + (location == null ? "(unknown)" : location) + "\n"
                + "What to do: if the change is intended, guard it with Workflow.getVersion(\"<change-id>\","
                + " Workflow.DEFAULT_VERSION, 1) so that executions recorded before it keep the old path; if the"
                + " code depends on something outside the history (the clock, randomness, static state, I/O),"
                + " move that call into an activity or use Workflow.currentTimeMillis / Workflow.newRandom /"
                + " Workflow.sideEffect.";
        NonDeterministicException e = new NonDeterministicException(message, eventId, recorded, actual, location);
        if (taskFailure == null) {
            taskFailure = e;
            divergence = pendingTrace;
        }
        pendingTrace = null;
        return e;
    }

    /** Sets the commands around the divergence about to be reported with {@link #abortWith}. */
    void divergedAt(CommandTrace trace) {
        pendingTrace = trace;
    }

    /**
     * The recorded and produced commands around the divergence that failed the task, when the task failed with
     * a {@link NonDeterministicException} because a command did not match; else {@code null}.
     */
    public CommandTrace divergence() {
        return taskFailure instanceof NonDeterministicException ? divergence : null;
    }

    /**
     * Builds the nondeterminism report and fails the task with it: on a workflow thread the thread is unwound
     * with an Error that workflow code cannot swallow; elsewhere the report is returned for throwing.
     */
    NonDeterministicException abortWith(long eventId, String recorded, String actual, String location, String what) {
        NonDeterministicException e = nondeterminism(eventId, recorded, actual, location, what);
        if (WorkflowThread.current() != null) {
            throw new WorkflowTaskAbort("nondeterminism");
        }
        return e;
    }

    /**
     * The user code that is producing a command: the caller's first user frame, or, when the workflow
     * method has already returned (its completion command), the workflow method itself.
     */
    String codeLocation() {
        String location = CodeLocations.callerLocation();
        if (location != null) {
            return location;
        }
        return implementation.implementationClass().getName() + "." + implementation.metadata().workflowMethod()
                .getName() + " (after the workflow method returned)";
    }

    /**
     * Where the workflow's threads are blocked, for "missing command" reports. Walks thread stacks, so it is
     * asked for only once a command is known to be missing.
     */
    private String blockedLocation() {
        for (WorkflowThread thread : runner.liveThreads()) {
            String location = CodeLocations.userFrame(thread.blockedStack());
            if (location != null) {
                return location;
            }
        }
        return implementation.implementationClass().getName() + "." + implementation.metadata().workflowMethod()
                .getName() + " (the code produced no further command)";
    }

    String describeExecution() {
        return info == null ? "workflow " + implementation.workflowType()
                : "workflow " + info.getWorkflowType() + " (workflowId=" + info.getWorkflowId() + ", runId="
                        + info.getRunId() + ")";
    }

    /** Whether the code may not run further in this task: closed, failed task or destroyed. */
    boolean isStopped() {
        return taskFailure != null || completion.isClosed() || destroyed || runner.abandoned() != null;
    }

    /**
     * The report of a task whose workflow thread {@code stuck} has held control for {@code timeout} without
     * calling the Hourglass API; its stack trace is the thread's stack at this moment.
     */
    PotentialDeadlockException deadlockReport(WorkflowThread stuck, Duration timeout) {
        StackTraceElement[] stack = stuck == null ? null : stuck.currentStack();
        String where = CodeLocations.userFrame(stack);
        String name = stuck == null ? "?" : stuck.name();
        PotentialDeadlockException report = new PotentialDeadlockException("Potential deadlock in "
                + describeExecution() + ": workflow thread '" + name + "' has not called the Hourglass API for "
                + timeout.toMillis() + " ms" + (where == null ? "" : "; it is at " + where) + ". Workflow code"
                + " must not block or spin: a JDK lock, CountDownLatch.await, Thread.sleep, blocking I/O or an"
                + " endless loop holds the whole execution. Wait with Workflow.await or Workflow.sleep, move"
                + " blocking work into an activity, and keep the computing between two Workflow calls under the"
                + " deadlock detection timeout (WorkerFactoryOptions.setDeadlockDetectionTimeout). The workflow"
                + " task fails and is retried; the execution resumes once the code is fixed.", name, timeout);
        if (stack != null) {
            report.setStackTrace(stack);
        }
        return report;
    }

    /**
     * For an executor whose task was abandoned and whose stuck thread has not come back: the report to fail the
     * run's next task with at once, instead of running its code on yet another thread; else {@code null}.
     */
    public PotentialDeadlockException stillStuck() {
        PotentialDeadlockException first = runner.abandoned();
        if (first == null || !runner.isStillStuck()) {
            return null;
        }
        PotentialDeadlockException again = new PotentialDeadlockException("The workflow code of this run is still"
                + " stuck where an earlier workflow task found it, so this task fails without running it again. "
                + first.getMessage(), first.getThreadName(), first.getTimeout());
        again.setStackTrace(first.getStackTrace());
        return again;
    }

    /** Records a failure of the task raised by the SDK on behalf of the code (for example a bad version). */
    RuntimeException failTask(RuntimeException failure) {
        if (taskFailure == null) {
            taskFailure = failure;
        }
        return failure;
    }

    boolean isReplaying() {
        return replaying;
    }

    long currentTimeMillis() {
        return currentTimeMillis;
    }

    /**
     * The recorded signals a pure replay dropped because the code has no handler for them, described; kept apart
     * from {@link #warnings()}, which are differences in commands.
     */
    public List<String> droppedSignals() {
        return handlers.unhandled();
    }

    /** Replay warnings (argument or duration differences) collected so far. */
    public List<String> warnings() {
        return matcher.warnings();
    }

    /** Called by the runner when a task that ran the workflow method on the calling thread is over. */
    void inlineTaskOver() {
        destroyed = true;
    }

    /** Whether the run has produced its closing command. */
    public boolean isClosed() {
        return completion.isClosed();
    }

    /** Unwinds every workflow thread of this execution; it must not be used afterwards. */
    public void destroy() {
        destroyed = true;
        runner.destroy();
    }

    /** Live workflow threads, for tests of eviction. */
    public int liveThreadCount() {
        return runner.liveThreads().size();
    }

    public WorkflowOperations operations() {
        return operations;
    }

    public WorkflowInfoImpl info() {
        return info;
    }

    /** Sets the limits that decide when continue-as-new is suggested: those of the service that records the run. */
    public void setHistoryLimits(HistoryLimits limits) {
        this.historyLimits = Objects.requireNonNull(limits, "limits");
    }

    HistoryLimits historyLimits() {
        return historyLimits;
    }

    /**
     * The number of events up to the one delivered last: where the code stands in the history, the same live and
     * on replay (the commands it produces since are not counted, as a live run has not recorded them yet).
     */
    int historyLength() {
        return Math.min(nextEventIndex, events.size());
    }

    /** The size of the first {@link #historyLength()} events, measured once each. */
    long historySize() {
        int length = historyLength();
        if (length < sizedEvents) {
            sizedEvents = 0;
            sizedBytes = 0;
        }
        for (; sizedEvents < length; sizedEvents++) {
            sizedBytes += HistoryJsonCodec.eventSize(events.get(sizedEvents));
        }
        return sizedBytes;
    }

}
