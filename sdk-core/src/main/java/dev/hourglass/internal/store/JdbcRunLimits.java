package dev.hourglass.internal.store;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.history.WorkflowExecutionTimedOutAttributes;
import dev.hourglass.internal.store.RunStateRecords.Size;
import dev.hourglass.internal.store.ServiceRecords.RunRow;
import dev.hourglass.service.HistoryLimits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits a run of the JDBC service can reach, as the in-memory service applies them: the {@link HistoryLimits}
 * (a warning once a history reaches a warning threshold; termination past a limit) and the deadline of the
 * workflow execution (the run times out). Every method runs inside the caller's transaction of the store.
 */
final class JdbcRunLimits {

    private static final Logger log = LoggerFactory.getLogger(JdbcWorkflowService.class);

    static final int PER_TRANSACTION = 100;

    /** What the service does once a run closed: tell its parent and ask its open children to cancel. */
    @FunctionalInterface
    interface Closings {
        void closed(Connection connection, RunRow run, EventAttributes closing, Instant now) throws SQLException;
    }

    private final JdbcStore store;
    private final ServiceRecords records;
    private final RunStateRecords runs;
    private final HistoryLimits limits;
    private final Closings closings;
    private final Consumer<Instant> deadlineArmed;

    /**
     * @param deadlineArmed told of the execution deadline of each run started, so that the sweeper looks at that time
     */
    JdbcRunLimits(JdbcStore store, ServiceRecords records, RunStateRecords runs, HistoryLimits limits,
            Closings closings, Consumer<Instant> deadlineArmed) {
        this.store = store;
        this.records = records;
        this.runs = runs;
        this.limits = limits;
        this.closings = closings;
        this.deadlineArmed = deadlineArmed;
    }

    /**
     * Takes a run that was just recorded with its first event: applies the history limits to it, and queues its first
     * workflow task, due at once, if it is still open; its execution deadline, if any, is watched.
     */
    void started(Connection connection, WorkflowExecution started, String taskQueue, Instant now)
            throws SQLException {
        started(connection, started, taskQueue, null, now);
    }

    /**
     * Takes a run that was just recorded with its first event, as {@link #started(Connection, WorkflowExecution,
     * String, Instant)} does, with its first workflow task due {@code startDelay} from now ({@code null} for at once).
     * Input that arrives meanwhile makes the task due at once ({@link ServiceRecords#makeTaskDue}).
     */
    void started(Connection connection, WorkflowExecution started, String taskQueue, Duration startDelay, Instant now)
            throws SQLException {
        Instant deadline = runs.links(connection, started.getRunId()).executionDeadline();
        if (deadline != null) {
            deadlineArmed.accept(deadline);
        }
        if (enforceHistoryLimits(connection, started.getRunId(), now)) {
            store.workflowTaskQueue().enqueue(connection, started.getRunId(), taskQueue,
                    startDelay == null ? now : now.plus(startDelay));
        }
    }

    /**
     * Applies the history limits to a run whose history just grew: warns once when it reaches a warning threshold,
     * and terminates it when it is past a limit, with the reason the in-memory service gives.
     *
     * @return whether the run is still open
     */
    boolean enforceHistoryLimits(Connection connection, String runId, Instant now) throws SQLException {
        RunRow run = records.byRunId(connection, runId);
        if (!run.isOpen()) {
            return false;
        }
        Size size = runs.size(connection, runId);
        int count = size.eventCount();
        WorkflowExecution execution = new WorkflowExecution(run.workflowId(), run.runId());
        if (limits.isLimitExceeded(count, size.bytes())) {
            String reason = "the history grew to " + count + " events and "
                    + size.bytes() + " bytes, past the limit of " + limits.getEventCountLimit() + " events or "
                    + limits.getSizeLimit() + " bytes (ServiceOptions.setHistoryLimits); a workflow that runs this"
                    + " long should call Workflow.continueAsNew when Workflow.getInfo().isContinueAsNewSuggested()";
            log.error("terminating {}: {}", execution, reason);
            close(connection, run, new WorkflowExecutionTerminatedAttributes(reason), now);
            return false;
        }
        if (!size.warned() && limits.isWarningReached(count, size.bytes())) {
            runs.markWarned(connection, runId);
            log.warn("the history of {} ({}) has {} events and {} bytes, reaching the warning threshold of {} events"
                    + " or {} bytes; past {} events or {} bytes the run is terminated. Continue as new when"
                    + " Workflow.getInfo().isContinueAsNewSuggested() says so", execution, run.workflowType(),
                    count, size.bytes(), limits.getEventCountWarning(), limits.getSizeWarning(),
                    limits.getEventCountLimit(), limits.getSizeLimit());
        }
        return true;
    }

    /** Times out up to {@link #PER_TRANSACTION} open runs whose execution deadline has come; returns how many. */
    int timeOutExecutions(Connection connection) throws SQLException {
        Instant now = store.currentTime();
        List<String> overdue = runs.overdue(connection, now, PER_TRANSACTION);
        for (String runId : overdue) {
            RunRow run = records.byRunId(connection, runId);
            if (run.isOpen()) {
                try {
                    close(connection, run, new WorkflowExecutionTimedOutAttributes(), now);
                } catch (HistoryConflictException e) {
                    // another writer appended to the run since it was read (on PostgreSQL: another sweeper timed it
                    // out, or a task completed); nothing was written, and the next sweep looks again if it is open
                    log.debug("not timing out run {} now: {}", runId, e.getMessage());
                }
            }
        }
        return overdue.size();
    }

    /** Closes an open run with {@code closing}, whether or not a workflow task of it runs, as the service does. */
    private void close(Connection connection, RunRow run, EventAttributes closing, Instant now) throws SQLException {
        store.runRecords().append(connection, run.runId(), run.nextEventId(), List.of(closing), now);
        records.forgetClosed(connection, run.runId());
        closings.closed(connection, run, closing, now);
    }
}
