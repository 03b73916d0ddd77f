package dev.hourglass.internal.store;

import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.internal.service.ClosedRuns;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.history.HistoryJsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL that the workflow service adds to the store's: finding runs, the state of a run's workflow task, the events
 * buffered while a task runs, and durable timers. Every method runs inside the caller's transaction; none commits.
 *
 * <p>Locks, for PostgreSQL (a SQLite write transaction holds the whole database): a transaction that changes a run
 * locks the run's workflow task first ({@link #lockRun}, {@link #taskRunning}, {@link #holds}, or a claim), then the
 * run's row, then its other rows, so that two transactions on one run wait for each other instead of deadlocking,
 * and the later one sees what the earlier one committed.
 *
 * <p>A run's workflow task is <em>running</em> while a worker holds its lease: {@code lease_owner} is set and
 * {@code visible_at} (the lease's end) has not come. A task that was released (failed, or retried with new events)
 * has no owner, so that the token of its last hand-out no longer names a lease.
 *
 * <p>{@link #byRunId} locks the run's row as well, and {@link #find} and {@link #openRun} lock nothing: they only find
 * the run id, to lock with {@link #lockRun} before reading the run again. Transactions that append to one run's history
 * (an activity completing while a signal arrives) thus take turns, each appending under the next event id the one
 * before it left; a deadlock the order misses is rolled back by PostgreSQL and run again by the store.
 */
final class ServiceRecords {

    private static final String RUNNING = WorkflowExecutionStatus.RUNNING.name();

    private final String database;
    private final Dialect dialect;

    ServiceRecords(String database, Dialect dialect) {
        this.database = database;
        this.dialect = dialect;
    }

    /** What the service needs to know of a run to act on it. */
    record RunRow(String runId, String workflowId, String workflowType, String taskQueue, String status,
            long nextEventId, boolean cancelRequested) {

        boolean isOpen() {
            return RUNNING.equals(status);
        }

        boolean continuedAsNew() {
            return WorkflowExecutionStatus.CONTINUED_AS_NEW.name().equals(status);
        }
    }

    /** A timer whose time has come. */
    record DueTimer(String runId, String timerId) {
    }

    private static final String RUN_COLUMNS = "run_id, workflow_id, workflow_type, task_queue, status, next_event_id,"
            + " cancel_requested";

    /**
     * The run addressed: {@code runId} of {@code workflowId}, or the latest run of the id when {@code runId} is
     * {@code null}.
     *
     * @throws WorkflowNotFoundException if there is none
     */
    RunRow find(Connection connection, String workflowId, String runId) throws SQLException {
        String sql = (runId != null ? "SELECT " + RUN_COLUMNS + " FROM hourglass_runs WHERE run_id = ? AND workflow_id = ?"
                : "SELECT " + RUN_COLUMNS + " FROM hourglass_runs WHERE workflow_id = ? ORDER BY run_number DESC LIMIT 1");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (runId != null) {
                select.setString(1, runId);
                select.setString(2, workflowId);
            } else {
                select.setString(1, workflowId);
            }
            RunRow row = one(select);
            if (row == null) {
                throw new WorkflowNotFoundException(workflowId, runId);
            }
            return row;
        }
    }

    /** The open run of a workflow id, or {@code null}. */
    RunRow openRun(Connection connection, String workflowId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RUN_COLUMNS
                + " FROM hourglass_runs WHERE workflow_id = ? AND status = ?")) {
            select.setString(1, workflowId);
            select.setString(2, RUNNING);
            return one(select);
        }
    }

    /** The run of a run id, which exists (a task or timer refers to it). */
    RunRow byRunId(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RUN_COLUMNS
                + " FROM hourglass_runs WHERE run_id = ?" + dialect.forUpdate())) {
            select.setString(1, runId);
            RunRow row = one(select);
            if (row == null) {
                throw new WorkflowNotFoundException(null, runId);
            }
            return row;
        }
    }

    private static RunRow one(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? new RunRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getLong(6), row.getBoolean(7)) : null;
        }
    }

    /**
     * The exception that tells a client who wanted to {@code action} a closed run (such as {@code "signal approve
     * to"}) which run closed, how and when.
     */
    WorkflowExecutionClosedException closed(Connection connection, RunRow run, String action) throws SQLException {
        try (PreparedStatement select = closingEvent(connection, run); ResultSet row = select.executeQuery()) {
            row.next();
            EventType closeType = EventType.valueOf(row.getString(1));
            return ClosedRuns.exception(action, run.workflowId(), run.runId(), closeType,
                    run.nextEventId() - 1, Instant.ofEpochMilli(row.getLong(2)));
        }
    }

    /**
     * The exception that tells a client who wanted to {@code action} the open run of a workflow id that its runs kept
     * continuing as new while it looked for it: {@code run}, the last it found, is the {@code runsFollowed}th.
     */
    WorkflowExecutionClosedException chainMovedOn(Connection connection, RunRow run, String action, int runsFollowed)
            throws SQLException {
        try (PreparedStatement select = closingEvent(connection, run); ResultSet row = select.executeQuery()) {
            row.next();
            return ClosedRuns.chainMovedOn(action, run.workflowId(), run.runId(), runsFollowed,
                    EventType.valueOf(row.getString(1)), Instant.ofEpochMilli(row.getLong(2)));
        }
    }

    /**
     * What the sender of an update gets when its run closed before the update completed (see
     * {@link ClosedRuns#updateUnfinished}).
     */
    WorkflowExecutionClosedException updateUnfinished(Connection connection, RunRow run, String updateName,
            String updateId, boolean accepted, boolean pinned) throws SQLException {
        try (PreparedStatement select = closingEvent(connection, run); ResultSet row = select.executeQuery()) {
            row.next();
            return ClosedRuns.updateUnfinished(updateName, updateId, accepted, pinned, run.workflowId(), run.runId(),
                    EventType.valueOf(row.getString(1)), run.nextEventId() - 1, Instant.ofEpochMilli(row.getLong(2)));
        }
    }

    private static PreparedStatement closingEvent(Connection connection, RunRow run) throws SQLException {
        PreparedStatement select = connection.prepareStatement("SELECT event_type, event_time"
                + " FROM hourglass_history_events WHERE run_id = ? AND event_id = ?");
        select.setString(1, run.runId());
        select.setLong(2, run.nextEventId() - 1);
        return select;
    }

    /** The id of the run that continues {@code run} (continue-as-new or a cron schedule's next), or {@code null}. */
    String continuedBy(Connection connection, RunRow run) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id FROM hourglass_runs"
                + " WHERE workflow_id = ? AND continued_from_run_id = ?")) {
            select.setString(1, run.workflowId());
            select.setString(2, run.runId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /**
     * Whether a worker holds the lease of the run's workflow task now. Locks the task until the transaction ends, so
     * that no claim or completion of it runs between this answer and what the caller does with it: on PostgreSQL an
     * input that found the task queued could otherwise be appended after a concurrent claim read the history, and one
     * that found it running be buffered after the completion took the buffered events, and be lost either way.
     */
    boolean taskRunning(Connection connection, String runId, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT lease_owner, visible_at"
                + " FROM hourglass_workflow_tasks WHERE run_id = ?" + dialect.forUpdate())) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getString(1) != null && row.getLong(2) > now.toEpochMilli();
            }
        }
    }

    /**
     * Makes the run's workflow task due now: queues one if the run has none, and brings forward one that waits (a
     * failed task's retry); a task whose lease runs is left alone.
     *
     * @return whether a task is due now
     */
    boolean makeTaskDue(Connection connection, WorkflowTaskQueue queue, RunRow run, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_workflow_tasks"
                + " SET visible_at = ? WHERE run_id = ? AND lease_owner IS NULL AND visible_at > ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, run.runId());
            update.setLong(3, now.toEpochMilli());
            update.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT lease_owner, visible_at FROM hourglass_workflow_tasks WHERE run_id = ?")) {
            select.setString(1, run.runId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getString(1) == null || row.getLong(2) <= now.toEpochMilli();
                }
            }
        }
        queue.enqueue(connection, run.runId(), run.taskQueue(), now);
        return true;
    }

    /**
     * Locks the run's workflow task, if it has one, then the run's row, until the transaction ends: what a change of
     * the run's other rows (activities, timers) does first.
     */
    void lockRun(Connection connection, String runId) throws SQLException {
        for (String sql : new String[] {"SELECT task_id FROM hourglass_workflow_tasks WHERE run_id = ?",
                "SELECT run_id FROM hourglass_runs WHERE run_id = ?"}) {
            try (PreparedStatement select = connection.prepareStatement(sql + dialect.forUpdate())) {
                select.setString(1, runId);
                select.executeQuery().close();
            }
        }
    }

    /**
     * Whether {@code lease} is the current, unexpired hand-out of its task. Locks the task until the transaction
     * ends, so that inputs arriving meanwhile wait for the caller's transaction ({@link #taskRunning}).
     */
    boolean holds(Connection connection, WorkflowTaskLease lease, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT claims, lease_owner, visible_at"
                + " FROM hourglass_workflow_tasks WHERE task_id = ?" + dialect.forUpdate())) {
            select.setLong(1, lease.taskId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getInt(1) == lease.claim() && row.getString(2) != null
                        && row.getLong(3) > now.toEpochMilli();
            }
        }
    }

    /** Ends a held task: it no longer has an owner and is due again at {@code visibleAt}. */
    void release(Connection connection, long taskId, Instant visibleAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_workflow_tasks"
                + " SET lease_owner = NULL, visible_at = ? WHERE task_id = ?")) {
            update.setLong(1, visibleAt.toEpochMilli());
            update.setLong(2, taskId);
            update.executeUpdate();
        }
    }

    /** Removes the run's workflow task, if it has one. */
    void deleteTask(Connection connection, String runId) throws SQLException {
        delete(connection, "DELETE FROM hourglass_workflow_tasks WHERE run_id = ?", runId);
    }

    /** Removes what a closed run no longer needs: its workflow task, buffered events, timers and activities. */
    void forgetClosed(Connection connection, String runId) throws SQLException {
        deleteTask(connection, runId);
        delete(connection, "DELETE FROM hourglass_activity_tasks WHERE run_id = ?", runId);
        delete(connection, "DELETE FROM hourglass_buffered_events WHERE run_id = ?", runId);
        delete(connection, "DELETE FROM hourglass_timers WHERE run_id = ?", runId);
    }

    private static void delete(Connection connection, String sql, String runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, runId);
            delete.executeUpdate();
        }
    }

    /** Records that cancellation of the run was requested. */
    void markCancelRequested(Connection connection, String runId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE hourglass_runs SET cancel_requested = ? WHERE run_id = ?")) {
            update.setBoolean(1, true);
            update.setString(2, runId);
            update.executeUpdate();
        }
    }

    /** Buffers an input event that arrived while the run's workflow task runs, after those buffered before. */
    void buffer(Connection connection, String runId, EventAttributes attributes, Instant now) throws SQLException {
        long seq;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM hourglass_buffered_events WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                seq = row.getLong(1);
            }
        }
        // kept as the JSON of an event numbered after a first one, so that it reads back as part of a history
        String json = HistoryJsonCodec.eventToJson(new HistoryEvent(seq + 1, now, attributes));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_buffered_events"
                + " (run_id, seq, event_type, attributes_json) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setLong(2, seq);
            insert.setString(3, attributes.eventType().name());
            insert.setString(4, json);
            insert.executeUpdate();
        }
    }

    /** Takes the run's buffered events, in the order they arrived, and removes them; empty if none. */
    List<EventAttributes> takeBuffered(Connection connection, RunRow run) throws SQLException {
        List<String> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.event_json FROM hourglass_history_events e"
                + " WHERE e.run_id = ? AND e.event_id = 1 AND EXISTS (SELECT 1 FROM hourglass_buffered_events b"
                + " WHERE b.run_id = e.run_id)")) {
            select.setString(1, run.runId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return List.of();
                }
                events.add(row.getString(1));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT attributes_json"
                + " FROM hourglass_buffered_events WHERE run_id = ? ORDER BY seq")) {
            select.setString(1, run.runId());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1));
                }
            }
        }
        delete(connection, "DELETE FROM hourglass_buffered_events WHERE run_id = ?", run.runId());
        History read = HistoryJsonCodec.fromEventJson(run.workflowId(), run.runId(), run.workflowType(),
                run.taskQueue(), events, database + " buffered events of run " + run.runId());
        List<EventAttributes> attributes = new ArrayList<>();
        for (HistoryEvent event : read.getEvents().subList(1, read.getEvents().size())) {
            attributes.add(event.getAttributes());
        }
        return attributes;
    }

    /** Records a durable timer of a run. */
    void insertTimer(Connection connection, String runId, String timerId, long startedEventId, Instant fireAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_timers"
                + " (run_id, timer_id, started_event_id, fire_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, timerId);
            insert.setLong(3, startedEventId);
            insert.setLong(4, fireAt.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** Removes a timer; returns whether it was there (a timer fires or is canceled once). */
    boolean deleteTimer(Connection connection, String runId, String timerId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hourglass_timers WHERE run_id = ? AND timer_id = ?")) {
            delete.setString(1, runId);
            delete.setString(2, timerId);
            return delete.executeUpdate() == 1;
        }
    }

    /** Up to {@code limit} timers due at {@code now}, earliest first, ties by run and timer id. */
    List<DueTimer> dueTimers(Connection connection, Instant now, int limit) throws SQLException {
        List<DueTimer> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id, timer_id FROM hourglass_timers"
                + " WHERE fire_at <= ? ORDER BY fire_at, run_id, timer_id LIMIT ?")) {
            select.setLong(1, now.toEpochMilli());
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new DueTimer(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return due;
    }

    /** The statuses of the runs {@code runIds} that exist, by run id. */
    Map<String, String> statuses(Connection connection, List<String> runIds) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        if (runIds.isEmpty()) {
            return statuses;
        }
        String placeholders = String.join(", ", Collections.nCopies(runIds.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT run_id, status FROM hourglass_runs WHERE run_id IN (" + placeholders + ")")) {
            for (int i = 0; i < runIds.size(); i++) {
                select.setString(i + 1, runIds.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return statuses;
    }

    /** The runs that closed at {@code since} or after, by the store's clock, oldest first. */
    List<String> closedSince(Connection connection, Instant since) throws SQLException {
        List<String> runIds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id FROM hourglass_runs"
                + " WHERE close_time IS NOT NULL AND close_time >= ? ORDER BY close_time, run_id")) {
            select.setLong(1, since.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runIds.add(rows.getString(1));
                }
            }
        }
        return runIds;
    }
}
