package dev.hourglass.internal.store;

import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowNotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of what the workflow service keeps on a run besides its history: its place among the runs of its workflow
 * id, its parent, its execution deadline, whether it was warned about its history's size, and where its last
 * completed workflow task ended. Every method runs inside the caller's transaction; none commits.
 */
final class RunStateRecords {

    private static final String RUNNING = WorkflowExecutionStatus.RUNNING.name();

    private final Dialect dialect;

    RunStateRecords(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * How a run is linked to others: its number among the runs of its workflow id, its parent (all {@code null} for
     * a run that is no child), and the deadline of its execution ({@code null} for none).
     */
    record Links(int runNumber, String parentWorkflowId, String parentRunId, String parentChildId,
            Instant executionDeadline) {
    }

    /** The size of a run's history, and whether the service warned that it reached a warning threshold. */
    record Size(int eventCount, long bytes, boolean warned) {
    }

    /**
     * Locks a run's row until the transaction ends, so that the run read next is the latest and nobody else appends to
     * its history before this transaction did: on PostgreSQL a row lock, which waits for another writer of the run to
     * commit; on SQLite nothing, since a write transaction holds the database's one write lock.
     */
    void lock(Connection connection, String runId) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT run_id FROM hourglass_runs WHERE run_id = ? FOR UPDATE")) {
            select.setString(1, runId);
            select.executeQuery().close();
        }
    }

    /** The links of a run, which exists. */
    Links links(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run_number, parent_workflow_id,"
                + " parent_run_id, parent_child_id, execution_deadline FROM hourglass_runs WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new WorkflowNotFoundException(null, runId);
                }
                long deadlineMillis = row.getLong(5);
                Instant deadline = row.wasNull() ? null : Instant.ofEpochMilli(deadlineMillis);
                return new Links(row.getInt(1), row.getString(2), row.getString(3), row.getString(4), deadline);
            }
        }
    }

    /** The size of a run's history, which exists. */
    Size size(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT next_event_id, history_bytes,"
                + " history_warned FROM hourglass_runs WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new WorkflowNotFoundException(null, runId);
                }
                return new Size(Math.toIntExact(row.getLong(1) - 1), row.getLong(2), row.getBoolean(3));
            }
        }
    }

    /** Records that the service warned about the size of a run's history. */
    void markWarned(Connection connection, String runId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE hourglass_runs SET history_warned = ? WHERE run_id = ?")) {
            update.setBoolean(1, true);
            update.setString(2, runId);
            update.executeUpdate();
        }
    }

    /** What a sweep has to do: fire timers, time out workflow executions. */
    record Due(boolean timers, boolean executions) {
    }

    /**
     * Whether any timer is due at {@code now}, and whether any open run is past its execution deadline: one read, so
     * that an idle sweep costs one statement for both.
     */
    Due due(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT"
                + " EXISTS (SELECT 1 FROM hourglass_timers WHERE fire_at <= ?),"
                + " EXISTS (SELECT 1 FROM hourglass_runs WHERE status = ? AND execution_deadline IS NOT NULL"
                + " AND execution_deadline <= ?)")) {
            select.setLong(1, now.toEpochMilli());
            select.setString(2, RUNNING);
            select.setLong(3, now.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Due(row.getBoolean(1), row.getBoolean(2));
            }
        }
    }

    /** The open runs whose execution deadline has come at {@code now}, earliest first, up to {@code limit}. */
    List<String> overdue(Connection connection, Instant now, int limit) throws SQLException {
        List<String> runIds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id FROM hourglass_runs"
                + " WHERE status = ? AND execution_deadline IS NOT NULL AND execution_deadline <= ?"
                + " ORDER BY execution_deadline, run_id LIMIT ?")) {
            select.setString(1, RUNNING);
            select.setLong(2, now.toEpochMilli());
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runIds.add(rows.getString(1));
                }
            }
        }
        return runIds;
    }

    /** The number of events the run's history had right after its last completed workflow task; 0 before one. */
    int completedEventCount(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT completed_event_count FROM hourglass_runs WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Math.toIntExact(row.getLong(1)) : 0;
            }
        }
    }

    /** Records the number of events the run's history has right after a completed workflow task. */
    void setCompletedEventCount(Connection connection, String runId, long count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE hourglass_runs SET completed_event_count = ? WHERE run_id = ?")) {
            update.setLong(1, count);
            update.setString(2, runId);
            update.executeUpdate();
        }
    }
}
