package dev.hourglass.internal.store;

import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.ChildWorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.RequestCancelChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.WorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.service.ChildOutcomes;
import dev.hourglass.internal.spi.CronRuns;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.store.JdbcActivities.Inputs;
import dev.hourglass.internal.store.RunStateRecords.Links;
import dev.hourglass.internal.store.ServiceRecords.RunRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child workflows and continue-as-new in the JDBC service, as the in-memory service has them: a parent's task starts
 * its children and asks them to cancel in the transaction that completes it, a child's close reaches its parent in the
 * transaction that closes the child, a parent that closes (other than by continuing as new) asks its open children to
 * cancel, and a run that continues as new starts the next run of its workflow id in the transaction that closes it.
 * Every method runs inside the caller's transaction of the store.
 *
 * <p>A child is followed through its own continue-as-new runs: each keeps the parent's links, so the run that closes
 * last is the one its parent hears of.
 */
final class JdbcChildren {

    private static final Logger log = LoggerFactory.getLogger(JdbcWorkflowService.class);

    /** Work that a command of a completed workflow task asks for once the task ended, as in memory. */
    @FunctionalInterface
    interface AfterTask {
        void run(Connection connection) throws SQLException;
    }

    private final JdbcStore store;
    private final ServiceRecords records;
    private final RunStateRecords runs;
    private final Inputs inputs;
    private final JdbcRunLimits limits;

    JdbcChildren(JdbcStore store, ServiceRecords records, RunStateRecords runs, Inputs inputs, JdbcRunLimits limits) {
        this.store = store;
        this.records = records;
        this.runs = runs;
        this.inputs = inputs;
        this.limits = limits;
    }

    /**
     * What a recorded command of the parent run {@code parentRunId} asks of its children once the task that gave it
     * ended: starting one, or asking one to cancel; {@code null} for a command about no child.
     */
    AfterTask afterTask(String parentRunId, EventAttributes command, Instant now) {
        if (command instanceof StartChildWorkflowExecutionInitiatedAttributes initiated) {
            return connection -> startChild(connection, parentRunId, initiated, now);
        }
        if (command instanceof RequestCancelChildWorkflowExecutionInitiatedAttributes requested) {
            return connection -> requestCancelOfChild(connection, parentRunId, requested.childId(), now);
        }
        return null;
    }

    /**
     * Starts the child a parent initiated, and tells the parent: {@code ChildWorkflowExecutionStarted}, or
     * {@code ChildWorkflowExecutionFailed} when the child's workflow id is taken (an open run, a reuse policy, or
     * another start that committed first).
     */
    private void startChild(Connection connection, String parentRunId,
            StartChildWorkflowExecutionInitiatedAttributes initiated, Instant now) throws SQLException {
        RunRow parent = records.byRunId(connection, parentRunId);
        WorkflowIdReusePolicy reusePolicy = initiated.workflowIdReusePolicy() != null
                ? initiated.workflowIdReusePolicy() : WorkflowIdReusePolicy.ALLOW_DUPLICATE;
        String workflowId = initiated.workflowId() != null ? initiated.workflowId() : store.ids().newWorkflowId();
        StartWorkflowRequest request = new StartWorkflowRequest(workflowId, initiated.workflowType(),
                initiated.taskQueue(), initiated.input(), reusePolicy, initiated.workflowExecutionTimeout(),
                parent.workflowId(), parent.runId(), initiated.childId())
                .withSearchAttributesAndMemo(initiated.searchAttributes(), initiated.memo());
        WorkflowExecution child;
        // a savepoint, so that losing a race for the id (a broken unique key) leaves the parent's transaction usable
        execute(connection, "SAVEPOINT hourglass_child_start");
        try {
            child = store.runRecords().start(connection, request, store.ids(), now);
            execute(connection, "RELEASE SAVEPOINT hourglass_child_start");
        } catch (WorkflowExecutionAlreadyStartedException e) {
            execute(connection, "RELEASE SAVEPOINT hourglass_child_start");
            deliverToParent(connection, parentRunId, ChildOutcomes.notStarted(initiated.childId(), e.getMessage()),
                    now);
            return;
        } catch (SQLException e) {
            if (!store.dialect().isUniqueViolation(e)) {
                throw e;
            }
            execute(connection, "ROLLBACK TO SAVEPOINT hourglass_child_start");
            execute(connection, "RELEASE SAVEPOINT hourglass_child_start");
            RuntimeException lost = store.runRecords().raceLost(connection, request);
            deliverToParent(connection, parentRunId, ChildOutcomes.notStarted(initiated.childId(), lost.getMessage()),
                    now);
            return;
        }
        limits.started(connection, child, request.taskQueue(), now);
        deliverToParent(connection, parentRunId, new ChildWorkflowExecutionStartedAttributes(initiated.childId(),
                child.getWorkflowId(), child.getRunId()), now);
    }

    /**
     * Asks the child {@code childId} of a parent to cancel and tells the parent that the request reached it
     * ({@code ChildWorkflowExecutionCancelRequested}). A child that is no longer open (it closed, or never started)
     * is not asked: its closing event, or its failure to start, is what the parent gets.
     */
    private void requestCancelOfChild(Connection connection, String parentRunId, String childId, Instant now)
            throws SQLException {
        RunRow parent = records.byRunId(connection, parentRunId);
        String workflowId = ChildOutcomes.initiatedWorkflowId(events(connection, parent), childId);
        RunRow child = workflowId == null ? null : records.openRun(connection, workflowId);
        if (child == null) {
            return;
        }
        Links links = runs.links(connection, child.runId());
        if (!parentRunId.equals(links.parentRunId()) || !childId.equals(links.parentChildId())) {
            return;
        }
        requestCancel(connection, child.runId(), now);
        deliverToParent(connection, parentRunId, new ChildWorkflowExecutionCancelRequestedAttributes(childId,
                child.runId()), now);
    }

    /**
     * Takes a run that was just closed with {@code closing}: unless it continued as new, its parent hears how it
     * closed, and its children that are still open are asked to cancel.
     */
    void closed(Connection connection, RunRow run, EventAttributes closing, Instant now) throws SQLException {
        if (closing.eventType() == EventType.WorkflowExecutionContinuedAsNew) {
            return;
        }
        Links links = runs.links(connection, run.runId());
        if (links.parentRunId() != null) {
            deliverToParent(connection, links.parentRunId(), ChildOutcomes.closed(links.parentChildId(), run.runId(),
                    closing), now);
        }
        for (String workflowId : ChildOutcomes.startedAndOpen(events(connection, run)).values()) {
            RunRow child = records.openRun(connection, workflowId);
            if (child != null && run.runId().equals(runs.links(connection, child.runId()).parentRunId())) {
                requestCancel(connection, child.runId(), now);
            }
        }
    }

    /** The continue-as-new command of {@code run} as it is recorded: naming the run id of the next run. */
    WorkflowExecutionContinuedAsNewAttributes named(Connection connection, RunRow run,
            WorkflowExecutionContinuedAsNewAttributes command) throws SQLException {
        int next = runs.links(connection, run.runId()).runNumber() + 1;
        return new WorkflowExecutionContinuedAsNewAttributes(store.ids().newRunId(run.workflowId(), next),
                command.input(), command.workflowType(), command.taskQueue());
    }

    /**
     * Starts the run that {@code previous} (closed just now) continued as: the run its recorded command names, of the
     * same workflow id, with the command's input, workflow type and task queue (the previous run's where it names
     * none), the previous run's parent and execution deadline.
     */
    void continueAsNew(Connection connection, RunRow previous, WorkflowExecutionContinuedAsNewAttributes next,
            Instant now) throws SQLException {
        Links links = runs.links(connection, previous.runId());
        StartWorkflowRequest request = new StartWorkflowRequest(previous.workflowId(),
                next.workflowType() != null ? next.workflowType() : previous.workflowType(),
                next.taskQueue() != null ? next.taskQueue() : previous.taskQueue(), next.input(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null, links.parentWorkflowId(), links.parentRunId(),
                links.parentChildId());
        WorkflowExecutionStartedAttributes started = store.runRecords().started(connection, previous.workflowId(),
                previous.runId());
        WorkflowExecution run = store.runRecords().continued(connection,
                request.withCron(started.cronSchedule(), started.lastCompletionResult())
                        .withSearchAttributesAndMemo(SearchAttributeRecords.current(connection,
                                previous.runId()), store.runRecords().memo(connection, previous.workflowId(),
                                previous.runId())), next.newRunId(),
                links.runNumber() + 1, previous.runId(), links.executionDeadline(), now);
        limits.started(connection, run, request.taskQueue(), now);
        log.debug("{} continued as new run {}", new WorkflowExecution(previous.workflowId(), previous.runId()),
                run.getRunId());
    }

    /**
     * The closing command of {@code run} as it is recorded: a completion or failure of a run on a cron schedule names
     * the schedule's next run ({@link CronRuns}); any other command is recorded as it is.
     */
    EventAttributes namedForCron(Connection connection, RunRow run, EventAttributes closing) throws SQLException {
        boolean completedOrFailed = closing instanceof WorkflowExecutionCompletedAttributes
                || closing instanceof WorkflowExecutionFailedAttributes;
        if (!completedOrFailed || !CronRuns.continuesChain(
                store.runRecords().started(connection, run.workflowId(), run.runId()), closing)) {
            return closing;
        }
        int next = runs.links(connection, run.runId()).runNumber() + 1;
        return CronRuns.naming(closing, store.ids().newRunId(run.workflowId(), next));
    }

    /**
     * Starts the next run of the cron schedule of {@code previous}, which closed just now with {@code closing} (as
     * {@link #namedForCron} recorded it): the run it names, its first workflow task due at the schedule's next fire
     * time.
     */
    void nextOfChain(Connection connection, RunRow previous, EventAttributes closing, String newRunId, Instant now)
            throws SQLException {
        Links links = runs.links(connection, previous.runId());
        StartWorkflowRequest request = CronRuns.next(previous.workflowId(),
                store.runRecords().started(connection, previous.workflowId(), previous.runId()),
                links.parentChildId(), closing, now);
        WorkflowExecution run = store.runRecords().continued(connection, request, newRunId, links.runNumber() + 1,
                previous.runId(), links.executionDeadline(), now);
        limits.started(connection, run, request.taskQueue(), request.startDelay(), now);
        log.debug("{} closed; the next run of its cron schedule is {}",
                new WorkflowExecution(previous.workflowId(), previous.runId()), run.getRunId());
    }

    /** Asks an open run to cancel, once, for no client (a parent's request). */
    private void requestCancel(Connection connection, String runId, Instant now) throws SQLException {
        runs.lock(connection, runId);
        RunRow run = records.byRunId(connection, runId);
        if (run.isOpen() && !run.cancelRequested()) {
            records.markCancelRequested(connection, run.runId());
            inputs.deliver(connection, run, List.of(new WorkflowExecutionCancelRequestedAttributes(null, null)), now);
        }
    }

    /** Delivers an event to a parent run, if it is still open. */
    private void deliverToParent(Connection connection, String parentRunId, EventAttributes event, Instant now)
            throws SQLException {
        // the parent's other writers (its task, its activities, its other children) may be writing right now
        runs.lock(connection, parentRunId);
        RunRow parent = records.byRunId(connection, parentRunId);
        if (parent.isOpen()) {
            inputs.deliver(connection, parent, List.of(event), now);
        }
    }

    private List<HistoryEvent> events(Connection connection, RunRow run) throws SQLException {
        return store.runRecords().history(connection, run.workflowId(), run.runId()).getEvents();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
