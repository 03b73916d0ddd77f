package dev.hourglass.internal.store;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateAcceptedAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import dev.hourglass.internal.service.InMemoryWorkflowService.WorkflowTaskFailure;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.CronRuns;
import dev.hourglass.internal.spi.ExecutionPageToken;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.ClaimedTask.StoredHistory;
import dev.hourglass.internal.store.ServiceRecords.DueTimer;
import dev.hourglass.internal.store.ServiceRecords.RunRow;
import dev.hourglass.service.ServiceOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link WorkflowServiceSpi} over a {@link JdbcStore}: the workflow-task path (start, poll, complete,
 * fail), signals, cancellation requests, termination, durable timers, activities ({@link JdbcActivities}: attempts,
 * retries, timeouts, heartbeats, cancellation), child workflows and continue-as-new ({@link JdbcChildren}),
 * workflow execution timeouts and history limits ({@link JdbcRunLimits}), queries ({@link JdbcQueries}: answered by
 * a worker of any process that shares the database, handed out in turn with the workflow tasks of their task queue,
 * under a lease), descriptions and listings of runs ({@link JdbcDescriptions}) and waiting for a run to close. Each
 * task hands out where the run's last completed task ended, so that a worker that cached the execution goes on from
 * there. {@code WorkflowService.sqlite} and {@code WorkflowService.postgres} open one ({@link JdbcServices}).
 *
 * <p>Every call that changes an execution is one transaction of the store, so that what it records happens whole or
 * not at all: a completed workflow task appends its commands under the next event id its history had when it was
 * handed out, then the events buffered while it ran, records its timers, starts its children and queues the next
 * task, or closes the run (telling its parent, asking its open children to cancel, or starting the run it continues
 * as); a completion whose lease ran out writes nothing. A child's close reaches its parent in the transaction that
 * closes the child. The events are those the in-memory service records, in the same order, for the same inputs.
 *
 * <p>Idle polls and result waits do not read the database over and over: they sleep until work this service queued
 * itself, or a change another process made ({@link ChangeWatcher}: {@code PRAGMA data_version} on SQLite,
 * {@code LISTEN}/{@code NOTIFY} on PostgreSQL), wakes them, or at the latest for the sweep interval (work that came
 * due by time alone, such as another process's lease that ran out, is found then); a query's client waits for its
 * answer the same way. One daemon thread per service fires due timers, times out activities and workflow executions
 * whose deadlines passed, and removes queries whose clients stopped waiting: every {@code sweepInterval}, and at the
 * due time of each timer and execution deadline this service recorded. The service owns the store and closes it.
 */
public final class JdbcWorkflowService implements WorkflowServiceSpi {

    private static final Logger log = LoggerFactory.getLogger(JdbcWorkflowService.class);

    /** How often result waits see whether anything changed, in memory: they read the database only if it did. */
    private static final Duration CLOSE_CHECK_TICK = Duration.ofMillis(10);
    /** How a query's client looks for the answer while it waits: from this, doubling, up to the next. */
    private static final Duration QUERY_ANSWER_MIN_BACKOFF = Duration.ofMillis(5);
    private static final Duration QUERY_ANSWER_MAX_BACKOFF = Duration.ofMillis(100);
    private static final int TIMERS_PER_TRANSACTION = 100;
    /**
     * How many runs of a chain a sender to a workflow id looks at, when each continued as new between its look-up and
     * its lock: a few, for a chain that continues as new again while the sender follows it.
     */
    private static final int RUNS_FOLLOWED = 5;
    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final String WORKFLOW = LocalPolls.WORKFLOW;
    private static final String ACTIVITY = LocalPolls.ACTIVITY;

    private final JdbcStore store;
    private final ServiceOptions options;
    private final ServiceRecords records;
    private final String owner;
    private final JdbcActivities activities;
    private final JdbcDescriptions descriptions;
    private final JdbcQueries queries;
    private final RunStateRecords runStates;
    private final JdbcRunLimits limits;
    private final JdbcChildren children;
    private final ScheduledExecutorService timers;
    private final ChangeWatcher watcher;
    /** When the sweeper last looked for expired queries, by the store's clock; only the sweeper's thread uses it. */
    private Instant lastQuerySweep;
    private final List<Consumer<WorkflowTaskFailure>> taskFailureListeners = new CopyOnWriteArrayList<>();
    private final long idleWaitNanos;
    private final LocalPolls polls;
    /** Guards earlySweep. */
    private final Object sweeps = new Object();
    private final ResultWaits resultWaits;
    private final JdbcUpdates updates;
    /** When the sweep planned before the next regular one runs, if one is; guarded by sweeps. */
    private Instant earlySweep;
    /** What runs between a sender's look-up of a run and its lock of it: nothing, unless a test puts a change there. */
    private volatile Consumer<String> afterLookUp = runId -> { };
    private volatile boolean closed;

    /** Creates the service over {@code store}, which it owns from now on, sweeping as {@code options} say. */
    public JdbcWorkflowService(JdbcStore store, ServiceOptions options) {
        this(store, options, options.getSweepInterval());
    }

    /**
     * Creates the service over {@code store}, which it owns from now on.
     *
     * @param sweepInterval how often the timer sweeper looks for due timers (those of other processes, and those
     *     that came due while no service ran)
     */
    public JdbcWorkflowService(JdbcStore store, ServiceOptions options, Duration sweepInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.records = new ServiceRecords(store.database(), store.dialect());
        // the process id too: several processes share the database, and a lease's owner should say which holds it
        this.owner = "jdbc-service-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        ActivityRecords activityRecords = new ActivityRecords(store.dialect());
        this.activities = new JdbcActivities(store, records, activityRecords, this::deliverInputs,
                this::claimForWaitingPoller, this::wakeAt, owner);
        this.descriptions = new JdbcDescriptions(store, records, activityRecords);
        this.queries = new JdbcQueries(store, records, options, owner, this::workQueued, QUERY_ANSWER_MIN_BACKOFF,
                QUERY_ANSWER_MAX_BACKOFF);
        this.runStates = new RunStateRecords(store.dialect());
        this.limits = new JdbcRunLimits(store, records, runStates, options.getHistoryLimits(), this::runClosed,
                this::sweepAt);
        this.children = new JdbcChildren(store, records, runStates, this::deliverInputs, limits);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hourglass-jdbc-timers");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timers = executor;
        long millis = Math.max(1, sweepInterval.toMillis());
        this.idleWaitNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        this.polls = new LocalPolls(Duration.ofNanos(idleWaitNanos));
        this.lastQuerySweep = store.currentTime();
        this.resultWaits = new ResultWaits(store, records, polls::generation, Duration.ofNanos(idleWaitNanos));
        this.updates = new JdbcUpdates(store, records, polls::generation, Duration.ofNanos(idleWaitNanos));
        timers.scheduleWithFixedDelay(this::sweepTimers, 0, millis, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::checkWaiters, CLOSE_CHECK_TICK.toMillis(), CLOSE_CHECK_TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        this.watcher = ChangeWatcher.start(store, this::workQueued);
    }

    @Override
    public java.time.Duration getWorkflowTaskTimeout() {
        return options.getWorkflowTaskTimeout();
    }

    @Override
    public Clock getClock() {
        return store.clock();
    }

    // ---------------------------------------------------------------- start

    @Override
    public WorkflowExecution startWorkflow(StartWorkflowRequest request) {
        requireOpen("start workflow " + (request.workflowId() == null ? request.workflowType()
                : request.workflowId()));
        StartWorkflowRequest named = firstOfChain(request.workflowId() != null ? request
                : request.withWorkflowId(store.ids().newWorkflowId()));
        WorkflowExecution started = store.transaction("start workflow " + named.workflowId(), connection -> {
            Instant now = store.currentTime();
            WorkflowExecution run = store.runRecords().start(connection, named, store.ids(), now);
            limits.started(connection, run, named.taskQueue(), named.startDelay(), now);
            return run;
        }, () -> store.transaction("read workflow " + named.workflowId(),
                connection -> store.runRecords().raceLost(connection, named), null));
        workQueued();
        return started;
    }

    @Override
    public WorkflowExecution signalWithStart(StartWorkflowRequest request, String signalName, Payload signalInput) {
        Objects.requireNonNull(signalName, "signalName");
        Objects.requireNonNull(signalInput, "signalInput");
        StartWorkflowRequest named = firstOfChain(request.workflowId() != null ? request
                : request.withWorkflowId(store.ids().newWorkflowId()));
        requireOpen("signal " + signalName + " with start to workflow " + named.workflowId());
        WorkflowExecution execution = store.transaction("signal " + signalName + " with start to workflow "
                + named.workflowId(), connection -> {
                    Instant now = store.currentTime();
                    RunRow run = openRunToJoin(connection, named.workflowId(), "signal " + signalName
                            + " with start to");
                    boolean withStart = run == null;
                    if (withStart) {
                        // the first task is only queued: nothing runs before the signal is appended after the start
                        WorkflowExecution started = store.runRecords().start(connection, named, store.ids(), now);
                        limits.started(connection, started, named.taskQueue(), named.startDelay(), now);
                        run = records.byRunId(connection, started.getRunId());
                        if (!run.isOpen()) {
                            return started; // past the history limits with its first event alone
                        }
                    }
                    WorkflowExecutionSignaledAttributes signaled = new WorkflowExecutionSignaledAttributes(signalName,
                            signalInput, named.identity(), withStart);
                    if (withStart && named.startDelay() != null) {
                        // the signal that starts a delayed run waits with it for its first workflow task
                        store.runRecords().append(connection, run.runId(), run.nextEventId(), List.of(signaled), now);
                        limits.enforceHistoryLimits(connection, run.runId(), now);
                    } else {
                        deliverInput(connection, run, signaled, now);
                    }
                    return new WorkflowExecution(run.workflowId(), run.runId());
                }, () -> store.transaction("read workflow " + named.workflowId(),
                        connection -> store.runRecords().raceLost(connection, named), null));
        workQueued();
        return execution;
    }

    /** A client's start of a workflow on a cron schedule waits for the schedule's first fire time. */
    private StartWorkflowRequest firstOfChain(StartWorkflowRequest request) {
        return request.cronSchedule() == null ? request : CronRuns.first(request, store.currentTime());
    }

    // ---------------------------------------------------------------- workflow tasks

    /** What a token names: a lease, and the next event id of the history handed out with it. */
    private record Token(WorkflowTaskLease lease, long nextEventId) {

        String encode() {
            return "wt:" + lease.taskId() + ":" + lease.claim() + ":" + nextEventId + ":" + lease.runId();
        }

        static Token decode(String token, String owner) {
            String[] parts = token.split(":", 5);
            if (parts.length != 5 || !parts[0].equals("wt")) {
                throw new IllegalArgumentException("'" + token + "' is not a workflow task token of this store;"
                        + " answer a task with the token pollWorkflowTask handed out with it");
            }
            return new Token(new WorkflowTaskLease(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), parts[4],
                    owner, Instant.EPOCH), Long.parseLong(parts[3]));
        }
    }

    @Override
    public WorkflowTask pollWorkflowTask(String taskQueue, Duration timeout) {
        Objects.requireNonNull(taskQueue, "taskQueue");
        return polls.poll(WORKFLOW + taskQueue, "poll task queue " + taskQueue, timeout, () -> claim(taskQueue));
    }

    /**
     * Notes what a look at a poll queue found, for the pollers' next look (see {@link LocalPolls}). Returns whether
     * work is due now.
     */
    private boolean looked(String queue, QueueLook look) {
        Long inMillis = look.nextMillis() == null ? null : look.nextMillis() - store.currentTime().toEpochMilli();
        return polls.looked(queue, look.due(), inMillis);
    }

    /** When the sweep planned before the next regular one runs, or {@code null} if none was planned. */
    Instant plannedSweep() {
        synchronized (sweeps) {
            return earlySweep;
        }
    }

    /**
     * Has {@code hook} run with the run id each time a signal, cancellation, termination or update (with start or not)
     * has looked up the run it goes to and not yet locked it: the moment another transaction can change that run, on
     * PostgreSQL. Tests commit a continue-as-new there.
     */
    void afterLookUp(Consumer<String> hook) {
        this.afterLookUp = Objects.requireNonNull(hook, "hook");
    }

    /** How many tasks were claimed for this service's pollers in the transaction that made them due. */
    long handOvers() {
        return polls.handOvers();
    }

    /** How many pollers of workflow tasks of {@code taskQueue} are in a poll now. */
    int workflowPollers(String taskQueue) {
        return polls.pollers(WORKFLOW + taskQueue);
    }

    /** How many pollers of activity tasks of {@code taskQueue} are in a poll now. */
    int activityPollers(String taskQueue) {
        return polls.pollers(ACTIVITY + taskQueue);
    }

    /**
     * Claims the run's workflow task, due now, for a poller of this service that waits, in the transaction that made
     * it due (an activity's outcome): that poller needs no transaction of its own, and the run goes on in the worker
     * that has it cached. Nothing is claimed when no poller of the run's task queue waits, or a query of that task
     * queue is due, which comes first.
     *
     * @return what hands the task over once the transaction committed, or {@code null}
     */
    private Runnable claimForWaitingPoller(Connection connection, String runId, Instant now) throws SQLException {
        if (!polls.anyPolling(WORKFLOW)) {
            return null;
        }
        RunRow run = records.byRunId(connection, runId);
        String queue = WORKFLOW + run.taskQueue();
        if (!run.isOpen() || polls.waiting(queue) <= 0 || queries.anyQueryDue(connection, run.taskQueue(), now)) {
            return null;
        }
        Optional<WorkflowTaskLease> lease = store.workflowTaskQueue().claimRun(connection, runId, owner, now,
                options.getWorkflowTaskTimeout());
        if (lease.isEmpty()) {
            return null;
        }
        ClaimedTask task = handOut(connection, lease.get(), now);
        return task == null ? null : () -> polls.handOver(queue, task.toTask());
    }

    /** Hands out a due workflow task or query, in the order {@link JdbcQueries#claim} says. */
    private WorkflowTask claim(String taskQueue) {
        // an idle poll only reads: no write transaction (on SQLite the database's one write lock) unless there is work
        if (!looked(WORKFLOW + taskQueue, store.query("look for workflow tasks and queries of task queue " + taskQueue,
                connection -> queries.look(connection, taskQueue, store.currentTime())))) {
            return null;
        }
        ClaimedTask claimed = store.transaction("poll task queue " + taskQueue, connection -> {
            Instant now = store.currentTime();
            return queries.claim(connection, taskQueue, now, () -> claimWorkflowTask(connection, taskQueue, now));
        }, null);
        return claimed == null ? null : claimed.toTask();
    }

    /** Claims a due task, appends the events buffered while an earlier hand-out ran, and reads the history. */
    private ClaimedTask claimWorkflowTask(Connection connection, String taskQueue, Instant now)
            throws SQLException {
        Optional<WorkflowTaskLease> claimed = store.workflowTaskQueue().claim(connection, taskQueue, owner, now,
                options.getWorkflowTaskTimeout());
        return claimed.isEmpty() ? null : handOut(connection, claimed.get(), now);
    }

    /**
     * The task a lease hands out: the events buffered while an earlier hand-out ran are appended, and the history
     * read. {@code null} if those events broke a history limit, which closed the run.
     */
    private ClaimedTask handOut(Connection connection, WorkflowTaskLease lease, Instant now) throws SQLException {
        RunRow run = records.byRunId(connection, lease.runId());
        List<EventAttributes> buffered = records.takeBuffered(connection, run);
        if (!buffered.isEmpty()) {
            store.runRecords().append(connection, run.runId(), run.nextEventId(), buffered, now);
            if (!limits.enforceHistoryLimits(connection, run.runId(), now)) {
                return null;
            }
        }
        StoredHistory history = store.runRecords().stored(connection, run.workflowId(), run.runId());
        Token token = new Token(lease, history.size() + 1);
        return new ClaimedTask(token.encode(), history, runStates.completedEventCount(connection, run.runId()),
                null, null, options.getHistoryLimits(), updates.pending(connection, run.runId()));
    }

    @Override
    public void completeWorkflowTask(String taskToken, List<Command> commands) {
        complete(taskToken, commands, null);
    }

    /** Completes the task, and claims the next due one of {@code taskQueue} in the same transaction. */
    @Override
    public WorkflowTask completeWorkflowTaskAndTakeNext(String taskToken, List<Command> commands, String taskQueue) {
        Objects.requireNonNull(taskQueue, "taskQueue");
        ClaimedTask next = complete(taskToken, commands, taskQueue);
        return next == null ? null : next.toTask();
    }

    /**
     * Completes a workflow task; with {@code nextOf}, claims the next due task (or query) of that task queue in the
     * same transaction, and returns it.
     */
    private ClaimedTask complete(String taskToken, List<Command> commands, String nextOf) {
        Token token = Token.decode(taskToken, owner);
        List<EventAttributes> recorded = new ArrayList<>();
        for (Command command : commands) {
            recorded.add(command.attributes());
            if (command.eventType().isClosing()) {
                break; // nothing after a closing command is recorded, as in every store
            }
        }
        if (closed) {
            log.debug("ignoring completion of workflow task {}: the service is closed", taskToken);
            return null;
        }
        List<Runnable> afterCommit = new ArrayList<>();
        ClaimedTask next;
        try {
            next = store.transaction("complete a workflow task of run " + token.lease().runId(), connection -> {
                afterCommit.clear(); // a transaction run again starts afresh
                complete(connection, token, recorded, afterCommit);
                if (nextOf == null) {
                    return null;
                }
                Instant now = store.currentTime();
                return queries.claim(connection, nextOf, now, () -> claimWorkflowTask(connection, nextOf, now));
            }, null);
        } catch (HistoryConflictException e) {
            log.debug("ignoring completion of workflow task {}: {}", taskToken, e.getMessage());
            return null;
        }
        afterCommit.forEach(Runnable::run);
        workQueued(); // the run may have closed: its result waits look
        return next;
    }

    private void complete(Connection connection, Token token, List<EventAttributes> commands,
            List<Runnable> afterCommit) throws SQLException {
        Instant now = store.currentTime();
        WorkflowTaskLease lease = token.lease();
        if (!records.holds(connection, lease, now)) {
            log.debug("ignoring completion of stale workflow task {} of run {}", token.encode(), lease.runId());
            return;
        }
        RunRow run = records.byRunId(connection, lease.runId());
        List<EventAttributes> buffered = records.takeBuffered(connection, run);
        if (run.nextEventId() != token.nextEventId()) {
            // On PostgreSQL an input can be appended while a claim reads the history, which then lacks it: the code has
            // not seen it, so nothing of this task is recorded and the task is handed out again at once, with it.
            log.debug("workflow task of run {} ran over a history that has grown since: retried with {} new event(s)",
                    run.runId(), run.nextEventId() - token.nextEventId());
            if (!buffered.isEmpty()) {
                store.runRecords().append(connection, run.runId(), run.nextEventId(), buffered, now);
            }
            records.release(connection, lease.taskId(), now);
            afterCommit.add(this::workQueued);
            return;
        }
        boolean closing = !commands.isEmpty() && commands.get(commands.size() - 1).eventType().isClosing();
        if (closing && !buffered.isEmpty()) {
            // Events arrived while the task ran: the code has not seen them and may not close the run over them.
            // Nothing of this task is recorded; the next task delivers them to code rebuilt from the history.
            log.debug("workflow task of run {} would close it over {} new event(s): retried with them",
                    run.runId(), buffered.size());
            store.runRecords().append(connection, run.runId(), token.nextEventId(), buffered, now);
            records.release(connection, lease.taskId(), now);
            limits.enforceHistoryLimits(connection, run.runId(), now);
            afterCommit.add(this::workQueued);
            return;
        }
        long nextEventId = token.nextEventId();
        if (closing && commands.get(commands.size() - 1) instanceof WorkflowExecutionContinuedAsNewAttributes next) {
            commands = new ArrayList<>(commands);
            commands.set(commands.size() - 1, children.named(connection, run, next));
        } else if (closing) {
            commands = new ArrayList<>(commands);
            EventAttributes last = commands.get(commands.size() - 1);
            commands.set(commands.size() - 1, children.namedForCron(connection, run, last));
        }
        // as in memory, what commands ask of activities and children happens once the task ended, in their order
        List<JdbcChildren.AfterTask> afterTask = new ArrayList<>();
        Map<String, Integer> waitingActivityPollers = new HashMap<>();
        if (!commands.isEmpty()) {
            List<HistoryEvent> appended = store.runRecords().append(connection, run.runId(), nextEventId, commands,
                    now);
            nextEventId += appended.size();
            for (HistoryEvent event : appended) {
                armTimer(connection, run, event, now, afterCommit);
                recordUpdate(connection, run, event);
                if (event.getAttributes() instanceof ActivityTaskScheduledAttributes scheduled) {
                    activities.schedule(connection, run.runId(), event.getEventId(), scheduled, now);
                    claimForWaitingPoller(connection, run.runId(), scheduled, now, waitingActivityPollers,
                            afterCommit);
                    afterCommit.add(this::workQueued);
                } else if (event.getAttributes() instanceof ActivityTaskCancelRequestedAttributes requested) {
                    // an activity no worker runs closes at once
                    afterTask.add(c -> activities.requestCancel(c, run.runId(), requested.activityId(), now));
                } else {
                    JdbcChildren.AfterTask child = children.afterTask(run.runId(), event.getAttributes(), now);
                    if (child != null) {
                        afterTask.add(child);
                    }
                }
            }
        }
        if (closing) {
            EventAttributes closingEvent = commands.get(commands.size() - 1);
            records.forgetClosed(connection, run.runId());
            if (closingEvent instanceof WorkflowExecutionContinuedAsNewAttributes next) {
                // the next run is recorded first, so that whoever hears of the close can find it
                children.continueAsNew(connection, run, next, now);
                // updates the old run never accepted are answered by the new one, whose first task delivers them
                updates.carryOver(connection, run.runId(), next.newRunId());
            } else if (closingEvent instanceof WorkflowExecutionCompletedAttributes completed
                    && completed.newExecutionRunId() != null) {
                children.nextOfChain(connection, run, closingEvent, completed.newExecutionRunId(), now);
            } else if (closingEvent instanceof WorkflowExecutionFailedAttributes failed
                    && failed.newExecutionRunId() != null) {
                children.nextOfChain(connection, run, closingEvent, failed.newExecutionRunId(), now);
            }
            runClosed(connection, run, closingEvent, now);
        } else {
            runStates.setCompletedEventCount(connection, run.runId(), nextEventId - 1);
            records.deleteTask(connection, run.runId());
            if (!buffered.isEmpty()) {
                store.runRecords().append(connection, run.runId(), nextEventId, buffered, now);
            }
            // an update sent while the task ran is delivered by the next one, as an event that came meanwhile is
            if (limits.enforceHistoryLimits(connection, run.runId(), now)
                    && (!buffered.isEmpty() || updates.anyPending(connection, run.runId()))) {
                store.workflowTaskQueue().enqueue(connection, run.runId(), run.taskQueue(), now);
            }
        }
        for (JdbcChildren.AfterTask work : afterTask) {
            work.run(connection);
        }
        afterCommit.add(this::workQueued);
    }

    /**
     * Hands the first attempt of an activity this task schedules to a poller of this service that waits for one of
     * its task queue, claimed in this transaction, so that the poller needs no transaction of its own. {@code waiting}
     * counts, per poll queue, the pollers not yet given an attempt of this task.
     */
    private void claimForWaitingPoller(Connection connection, String runId, ActivityTaskScheduledAttributes scheduled,
            Instant now, Map<String, Integer> waiting, List<Runnable> afterCommit) throws SQLException {
        String queue = ACTIVITY + scheduled.taskQueue();
        int pollers = waiting.computeIfAbsent(queue, polls::waiting);
        String identity = polls.activityPollerIdentity(scheduled.taskQueue());
        if (pollers <= 0 || identity == null) {
            return;
        }
        ActivityTask task = activities.claimScheduled(connection, runId, scheduled, identity, now);
        if (task != null) {
            waiting.put(queue, pollers - 1);
            afterCommit.add(() -> polls.handOver(queue, task));
        }
    }

    /** Marks an update accepted or completed when the task records its event. */
    private void recordUpdate(Connection connection, RunRow run, HistoryEvent event) throws SQLException {
        if (event.getAttributes() instanceof WorkflowExecutionUpdateAcceptedAttributes accepted) {
            updates.accepted(connection, run.runId(), accepted.updateId());
        } else if (event.getAttributes() instanceof WorkflowExecutionUpdateCompletedAttributes completed) {
            updates.completed(connection, run.runId(), completed);
        }
    }

    /** Records the durable timer a {@code TimerStarted} event starts, or removes the one a cancel cancels. */
    private void armTimer(Connection connection, RunRow run, HistoryEvent event, Instant now,
            List<Runnable> afterCommit) throws SQLException {
        if (event.getAttributes() instanceof TimerStartedAttributes started) {
            Instant fireAt = now.plus(started.duration());
            records.insertTimer(connection, run.runId(), started.timerId(), event.getEventId(), fireAt);
            afterCommit.add(() -> sweepAt(fireAt));
        } else if (event.getAttributes() instanceof TimerCanceledAttributes canceled) {
            records.deleteTimer(connection, run.runId(), canceled.timerId());
        }
    }

    @Override
    public void failWorkflowTask(String taskToken, Throwable failure) {
        Token token = Token.decode(taskToken, owner);
        if (closed) {
            return;
        }
        RunRow failedRun = store.transaction("fail a workflow task of run " + token.lease().runId(), connection -> {
            Instant now = store.currentTime();
            if (!records.holds(connection, token.lease(), now)) {
                return null;
            }
            RunRow run = records.byRunId(connection, token.lease().runId());
            List<EventAttributes> buffered = records.takeBuffered(connection, run);
            records.release(connection, token.lease().taskId(), now.plus(options.getWorkflowTaskRetryInterval()));
            if (!buffered.isEmpty()) {
                store.runRecords().append(connection, run.runId(), run.nextEventId(), buffered, now);
                limits.enforceHistoryLimits(connection, run.runId(), now);
            }
            records.release(connection, token.lease().taskId(), now.plus(options.getWorkflowTaskRetryInterval()));
            return run;
        }, null);
        if (failedRun != null) {
            wakeAt(store.clock().instant().plus(options.getWorkflowTaskRetryInterval()));
            log.warn("workflow task of run {} failed; it is handed out again in {}", token.lease().runId(),
                    options.getWorkflowTaskRetryInterval(), failure);
            WorkflowTaskFailure failed = new WorkflowTaskFailure(
                    new WorkflowExecution(failedRun.workflowId(), failedRun.runId()), failedRun.workflowType(), failure);
            taskFailureListeners.forEach(listener -> listener.accept(failed));
        }
    }

    /** Registers a listener called, after the failure was recorded, for every failed workflow task of this service. */
    public void addWorkflowTaskFailureListener(Consumer<WorkflowTaskFailure> listener) {
        taskFailureListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---------------------------------------------------------------- signals, cancel, terminate

    /** Appends an input event, or buffers it while a workflow task runs; makes the run's task due. */
    private void deliverInput(Connection connection, RunRow run, EventAttributes input, Instant now)
            throws SQLException {
        deliverInputs(connection, run, List.of(input), now);
    }

    /** Appends input events in their order, or buffers them while a workflow task runs; makes the run's task due. */
    private void deliverInputs(Connection connection, RunRow found, List<EventAttributes> inputs, Instant now)
            throws SQLException {
        boolean running = records.taskRunning(connection, found.runId(), now);
        // read again once the task is locked: a completion that held it may have appended events meanwhile
        RunRow run = records.byRunId(connection, found.runId());
        if (running) {
            for (EventAttributes input : inputs) {
                records.buffer(connection, run.runId(), input, now);
            }
            return;
        }
        // events buffered by a hand-out whose lease ran out come first: they arrived first
        List<EventAttributes> events = new ArrayList<>(records.takeBuffered(connection, run));
        events.addAll(inputs);
        store.runRecords().append(connection, run.runId(), run.nextEventId(), events, now);
        if (limits.enforceHistoryLimits(connection, run.runId(), now)) {
            records.makeTaskDue(connection, store.workflowTaskQueue(), run, now);
        }
    }

    /** Tells the parent of a run closed just now, and asks its open children to cancel, as in memory. */
    private void runClosed(Connection connection, RunRow run, EventAttributes closing, Instant now)
            throws SQLException {
        children.closed(connection, run, closing, now);
    }

    /**
     * The open run a signal, cancellation request, termination or update goes to, locked; or the exception that says
     * how it closed. One sent to the workflow id alone that finds its latest run continued as new meanwhile (a workflow
     * task of another transaction recorded it between the look-up and the lock, as PostgreSQL lets happen) goes to the
     * run that continues it, as it would have had it come a moment later; a run named by its id, or one that closed
     * otherwise, fails.
     */
    private RunRow openRun(Connection connection, String workflowId, String runId, String action)
            throws SQLException {
        for (int look = 1; ; look++) {
            RunRow run = lock(connection, records.find(connection, workflowId, runId));
            if (run.isOpen()) {
                return run;
            }
            if (runId != null || !run.continuedAsNew() || records.continuedBy(connection, run) == null) {
                throw records.closed(connection, run, action);
            }
            if (look == RUNS_FOLLOWED) {
                throw records.chainMovedOn(connection, run, action, look);
            }
        }
    }

    /**
     * The open run of a workflow id, locked, that a signal or update with start joins, or {@code null} if it has none
     * (the caller starts one). A run that continued as new between the look-up and the lock is followed to the run that
     * continues it, as in {@link #openRun}: the workflow still runs, and starting another would fail.
     */
    private RunRow openRunToJoin(Connection connection, String workflowId, String action) throws SQLException {
        for (int look = 1; ; look++) {
            RunRow found = records.openRun(connection, workflowId);
            if (found == null) {
                return null;
            }
            RunRow run = lock(connection, found);
            if (run.isOpen()) {
                return run;
            }
            if (!run.continuedAsNew()) {
                return null; // it closed meanwhile: the workflow runs no more, and is started again
            }
            if (look == RUNS_FOLLOWED) {
                throw records.chainMovedOn(connection, run, action, look);
            }
        }
    }

    /**
     * Locks the run a sender found, its task and then its row, as every change of a run locks them (a chain's older run
     * before its newer one), and reads it as it is now.
     */
    private RunRow lock(Connection connection, RunRow found) throws SQLException {
        afterLookUp.accept(found.runId());
        records.lockRun(connection, found.runId());
        return records.byRunId(connection, found.runId());
    }

    @Override
    public void signalWorkflow(String workflowId, String runId, String signalName, Payload input, String identity) {
        Objects.requireNonNull(workflowId, "workflowId");
        requireOpen("signal " + signalName + " to workflow " + workflowId);
        store.transaction("signal " + signalName + " to workflow " + workflowId, connection -> {
            RunRow run = openRun(connection, workflowId, runId, "signal " + signalName + " to");
            deliverInput(connection, run, new WorkflowExecutionSignaledAttributes(signalName, input, identity),
                    store.currentTime());
            return null;
        }, null);
        workQueued();
    }

    @Override
    public void requestCancelWorkflow(String workflowId, String runId, String identity) {
        Objects.requireNonNull(workflowId, "workflowId");
        requireOpen("cancel workflow " + workflowId);
        store.transaction("cancel workflow " + workflowId, connection -> {
            RunRow run = openRun(connection, workflowId, runId, "cancel");
            if (!run.cancelRequested()) {
                records.markCancelRequested(connection, run.runId());
                deliverInput(connection, run, new WorkflowExecutionCancelRequestedAttributes(null, identity),
                        store.currentTime());
            }
            return null;
        }, null);
        workQueued();
    }

    @Override
    public void terminateWorkflow(String workflowId, String runId, String reason, String identity) {
        Objects.requireNonNull(workflowId, "workflowId");
        requireOpen("terminate workflow " + workflowId);
        store.transaction("terminate workflow " + workflowId, connection -> {
            RunRow run = openRun(connection, workflowId, runId, "terminate");
            Instant now = store.currentTime();
            WorkflowExecutionTerminatedAttributes terminated = new WorkflowExecutionTerminatedAttributes(reason,
                    identity);
            store.runRecords().append(connection, run.runId(), run.nextEventId(), List.of(terminated), now);
            records.forgetClosed(connection, run.runId());
            runClosed(connection, run, terminated, now);
            return null;
        }, null);
        workQueued();
    }

    // ---------------------------------------------------------------- updates

    @Override
    public UpdateCall updateWorkflow(String workflowId, String runId, UpdateRequest sent) {
        Objects.requireNonNull(workflowId, "workflowId");
        UpdateRequest update = named(sent);
        requireOpen("update " + update.updateName() + " of workflow " + workflowId);
        WorkflowExecution execution = store.transaction("update " + update.updateName() + " of workflow "
                + workflowId, connection -> {
                    RunRow run = openRun(connection, workflowId, runId, "update " + update.updateName() + " of");
                    sendUpdate(connection, run, update, false, runId != null, store.currentTime());
                    return new WorkflowExecution(run.workflowId(), run.runId());
                }, null);
        workQueued();
        return updates.await(execution, update);
    }

    @Override
    public UpdateCall updateWithStart(StartWorkflowRequest request, UpdateRequest sent) {
        UpdateRequest update = named(sent);
        StartWorkflowRequest named = firstOfChain(request.workflowId() != null ? request
                : request.withWorkflowId(store.ids().newWorkflowId()));
        String what = "update " + update.updateName() + " with start of workflow " + named.workflowId();
        requireOpen(what);
        WorkflowExecution execution = store.transaction(what, connection -> {
            Instant now = store.currentTime();
            RunRow run = openRunToJoin(connection, named.workflowId(), "update " + update.updateName()
                    + " with start of");
            boolean withStart = run == null;
            if (withStart) {
                WorkflowExecution started = store.runRecords().start(connection, named, store.ids(), now);
                limits.started(connection, started, named.taskQueue(), named.startDelay(), now);
                run = records.byRunId(connection, started.getRunId());
                if (!run.isOpen()) {
                    return started; // past the history limits with its first event alone: the wait says so
                }
            }
            // the update of a start with a delay waits with the run for its first workflow task
            sendUpdate(connection, run, update, withStart && named.startDelay() != null, false, now);
            return new WorkflowExecution(run.workflowId(), run.runId());
        }, () -> store.transaction("read workflow " + named.workflowId(),
                connection -> store.runRecords().raceLost(connection, named), null));
        workQueued();
        return updates.await(execution, update);
    }

    /** The update with an id: its own, or a new random one. */
    private UpdateRequest named(UpdateRequest update) {
        return update.updateId() != null ? update : update.withUpdateId(store.ids().newUpdateId(null, 0));
    }

    /**
     * Records an update for the run and makes its workflow task due, unless a task runs (its completion queues the
     * next one) or {@code waits} (the update waits for the run's first task, at the end of its start delay).
     */
    private void sendUpdate(Connection connection, RunRow run, UpdateRequest update, boolean waits, boolean pinned,
            Instant now) throws SQLException {
        if (!updates.record(connection, run, update, pinned, now) || waits) {
            return;
        }
        if (!records.taskRunning(connection, run.runId(), now)) {
            records.makeTaskDue(connection, store.workflowTaskQueue(), run, now);
        }
    }

    @Override
    public void rejectUpdates(String taskToken, List<UpdateRejection> rejections) {
        Token token = Token.decode(taskToken, owner);
        if (closed || rejections.isEmpty()) {
            return;
        }
        store.transaction("reject updates of run " + token.lease().runId(), connection -> {
            if (records.holds(connection, token.lease(), store.currentTime())) {
                updates.rejected(connection, token.lease().runId(), rejections);
            }
            return null;
        }, null);
        workQueued();
    }

    // ---------------------------------------------------------------- timers

    /** Fires every due timer, a batch per transaction; never throws (it runs on the sweeper thread). */
    void sweepTimers() {
        if (closed) {
            return;
        }
        try {
            // reads first: an idle sweep takes no write transaction (on SQLite the database's one write lock)
            Instant now = store.currentTime();
            RunStateRecords.Due due = store.query("look for due timers and runs past their deadline",
                    connection -> runStates.due(connection, now));
            if (due.timers()) {
                int fired;
                do {
                    fired = store.transaction("fire due timers", this::fireDueTimers, null);
                    if (fired > 0) {
                        workQueued();
                    }
                } while (fired == TIMERS_PER_TRANSACTION && !closed);
            }
            Instant deadline = activities.earliestDeadline();
            if (deadline != null && !deadline.isAfter(now)) {
                int timedOut;
                do {
                    timedOut = store.transaction("time out activities", activities::sweep, null);
                    if (timedOut > 0) {
                        workQueued();
                    }
                } while (timedOut == JdbcActivities.PER_TRANSACTION && !closed);
            } else if (deadline != null) {
                // a deadline before the next sweep (such as the lease of an attempt whose worker died) is kept then,
                // not up to a sweep interval late
                sweepBefore(deadline.plusMillis(1), now);
            }
            if (due.executions()) {
                int overdue;
                do {
                    overdue = store.transaction("time out workflow executions", limits::timeOutExecutions, null);
                    if (overdue > 0) {
                        workQueued();
                    }
                } while (overdue == JdbcRunLimits.PER_TRANSACTION && !closed);
            }
            // queries expire only when their clients died: looked for once per query timeout, not every sweep
            if (!now.isBefore(lastQuerySweep.plus(options.getQueryTimeout()))) {
                lastQuerySweep = now;
                if (queries.anyExpired(now)) {
                    store.transaction("remove expired queries", queries::sweep, null);
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("firing due timers, timing out activities or executions, or removing expired queries failed;"
                        + " trying again at the next sweep", e);
            }
        }
    }

    private int fireDueTimers(Connection connection) throws SQLException {
        Instant now = store.currentTime();
        List<DueTimer> due = records.dueTimers(connection, now, TIMERS_PER_TRANSACTION);
        for (DueTimer timer : due) {
            records.lockRun(connection, timer.runId()); // the task, then the run, then the timer's row
            if (records.deleteTimer(connection, timer.runId(), timer.timerId())) {
                RunRow run = records.byRunId(connection, timer.runId());
                if (run.isOpen()) {
                    deliverInput(connection, run, new TimerFiredAttributes(timer.timerId()), now);
                }
            }
        }
        return due.size();
    }

    /** Wakes this service's pollers at {@code dueAt}, when work this service made due later becomes due. */
    private void wakeAt(Instant dueAt) {
        long delay = Math.max(0, Duration.between(store.clock().instant(), dueAt).toMillis());
        try {
            timers.schedule(this::workQueued, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nobody polls
        }
    }

    /** Sweeps at {@code at} if that is before the next regular sweep, and no earlier sweep is planned already. */
    private void sweepBefore(Instant at, Instant now) {
        if (!at.isBefore(now.plusNanos(idleWaitNanos))) {
            return;
        }
        synchronized (sweeps) {
            if (earlySweep != null && earlySweep.isAfter(now) && !earlySweep.isAfter(at)) {
                return;
            }
            earlySweep = at;
        }
        sweepAt(at);
    }

    private void sweepAt(Instant fireAt) {
        long delay = Math.max(0, Duration.between(store.clock().instant(), fireAt).toMillis());
        try {
            timers.schedule(this::sweepTimers, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the timer is in the store and fires when a service sweeps it
        }
    }

    // ---------------------------------------------------------------- activities

    @Override
    public ActivityTask pollActivityTask(String taskQueue, String identity, Duration timeout) {
        Objects.requireNonNull(taskQueue, "taskQueue");
        polls.activityPoller(taskQueue, identity);
        return polls.poll(ACTIVITY + taskQueue, "poll activity task queue " + taskQueue, timeout,
                () -> looked(ACTIVITY + taskQueue, activities.look(taskQueue))
                        ? activities.claim(taskQueue, identity) : null);
    }

    @Override
    public boolean completeActivityTask(String taskToken, Payload result) {
        Objects.requireNonNull(result, "result");
        return answered(taskToken, "completion", () -> activities.complete(taskToken, result));
    }

    /** Completes the attempt, and hands out the next due attempt of {@code taskQueue} in the same transaction. */
    @Override
    public ActivityTask completeActivityTaskAndTakeNext(String taskToken, Payload result, String taskQueue,
            String identity) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(taskQueue, "taskQueue");
        ActivityTask[] next = new ActivityTask[1];
        answered(taskToken, "completion", () -> {
            JdbcActivities.Answered answered = activities.completeAndTakeNext(taskToken, result, taskQueue, identity);
            next[0] = answered.next();
            return answered.current();
        });
        return next[0];
    }

    @Override
    public boolean failActivityTask(String taskToken, Payload failure) {
        Objects.requireNonNull(failure, "failure");
        return answered(taskToken, "failure", () -> activities.fail(taskToken, failure));
    }

    @Override
    public boolean reportActivityTaskCanceled(String taskToken, Payload details) {
        return answered(taskToken, "cancellation", () -> activities.reportCanceled(taskToken, details));
    }

    @Override
    public String runningActivityTaskToken(String workflowId, String runId, String activityId) {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(activityId, "activityId");
        return closed ? null : activities.runningToken(workflowId, runId, activityId);
    }

    @Override
    public ActivityHeartbeatResponse recordActivityHeartbeat(String taskToken, Payload details) {
        Objects.requireNonNull(taskToken, "taskToken");
        if (closed) {
            return ActivityHeartbeatResponse.ATTEMPT_NOT_FOUND;
        }
        return activities.heartbeat(taskToken, details);
    }

    /**
     * Runs an answer to an attempt, ignored once the service closed, and wakes pollers if it was current; returns
     * whether it was.
     */
    private boolean answered(String taskToken, String what, Supplier<Boolean> answer) {
        Objects.requireNonNull(taskToken, "taskToken");
        if (closed) {
            log.debug("ignoring {} of activity attempt {}: the service is closed", what, taskToken);
            return false;
        }
        if (answer.get()) {
            workQueued();
            return true;
        }
        log.debug("ignoring {} of activity attempt {}: it is no longer current", what, taskToken);
        return false;
    }

    // ---------------------------------------------------------------- reading and waiting

    @Override
    public WorkflowExecutionDescription describeWorkflow(String workflowId, String runId) {
        Objects.requireNonNull(workflowId, "workflowId");
        return descriptions.describe(workflowId, runId);
    }

    @Override
    public ExecutionPage listWorkflowExecutions(ExecutionFilter filter, String pageToken) {
        Objects.requireNonNull(filter, "filter");
        ExecutionPageToken after = pageToken == null ? null : ExecutionPageToken.decode(pageToken);
        return descriptions.list(filter, after);
    }

    @Override
    public long countWorkflowExecutions(ExecutionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return descriptions.count(filter);
    }

    @Override
    public List<String> listWorkflowTypes() {
        return descriptions.workflowTypes();
    }

    @Override
    public long taskQueueBacklog(String taskQueue) {
        return store.query("count the backlog of task queue " + taskQueue, connection -> {
            long now = store.currentTime().toEpochMilli();
            try (PreparedStatement count = connection.prepareStatement("SELECT"
                    + " (SELECT COUNT(*) FROM hourglass_workflow_tasks WHERE task_queue = ? AND visible_at <= ?)"
                    + " + (SELECT COUNT(*) FROM hourglass_activity_tasks WHERE task_queue = ?"
                    + " AND state = '" + ActivityRecords.QUEUED + "' AND visible_at <= ?)")) {
                count.setString(1, taskQueue);
                count.setLong(2, now);
                count.setString(3, taskQueue);
                count.setLong(4, now);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public History getHistory(String workflowId, String runId) {
        return store.readHistory(workflowId, runId);
    }

    @Override
    public CompletableFuture<History> awaitClose(String workflowId, String runId) {
        Objects.requireNonNull(workflowId, "workflowId");
        requireOpen("wait for workflow " + workflowId + " to close");
        String run = store.query("find workflow " + workflowId,
                connection -> records.find(connection, workflowId, runId).runId());
        return resultWaits.await(workflowId, run);
    }

    /** Completes the result waits whose runs closed ({@link ResultWaits#look}); runs on the timer thread. */
    void checkWaiters() {
        resultWaits.look();
        updates.look();
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Payload queryWorkflow(String workflowId, String runId, String queryType, Payload args) {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(queryType, "queryType");
        requireOpen("query " + queryType + " of workflow " + workflowId);
        return queries.query(workflowId, runId, queryType, args);
    }

    @Override
    public void respondQueryTask(String taskToken, Payload result, Payload failure) {
        Objects.requireNonNull(taskToken, "taskToken");
        queries.respond(taskToken, result, failure);
    }

    // ---------------------------------------------------------------- life cycle

    /** Wakes this service's pollers: work was queued, or a run closed. */
    private void workQueued() {
        polls.workQueued();
    }

    private void requireOpen(String what) {
        if (closed) {
            throw new ServiceClosedException("cannot " + what + ": the workflow service is closed");
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the service and its store: it takes no new work, the timer sweeper stops, pollers wake up to a
     * {@link ServiceClosedException}, and result waits end with it too; executions stay open in the store, and their
     * timers fire when a service over the store runs again. Closing twice does nothing more.
     */
    @Override
    public void close() {
        synchronized (sweeps) {
            if (closed) {
                return;
            }
            closed = true;
        }
        polls.close();
        watcher.close();
        timers.shutdownNow();
        try {
            timers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queries.close();
        resultWaits.close();
        updates.close();
        store.close();
    }

    @Override
    public String toString() {
        return "JdbcWorkflowService[" + store + "]";
    }
}
