package dev.hourglass.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The SQL of workflow tasks: at most one per run (a unique key), handed out as leases. A task may be handed out when
 * its {@code visible_at} has come; a claim moves {@code visible_at} to the end of the lease, so a task whose holder
 * died is handed out again when the lease runs out, with no sweeper. Every method runs inside the caller's
 * transaction.
 *
 * <p>A claim reads the first task due (queue order: due time, then task id) and takes it only if its claim count is
 * still the one read: on SQLite the transaction holds the write lock anyway; on PostgreSQL the read locks the row
 * and passes over rows that other claimers locked ({@code FOR UPDATE SKIP LOCKED}), so that claimers do not queue
 * up behind each other.
 */
final class WorkflowTaskQueue {

    private final Dialect dialect;

    WorkflowTaskQueue(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Queues the workflow task of a run, due at {@code due}; the run must have none queued. */
    void enqueue(Connection connection, String runId, String taskQueue, Instant due) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hourglass_workflow_tasks (run_id, task_queue, visible_at) VALUES (?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, taskQueue);
            insert.setLong(3, due.toEpochMilli());
            insert.executeUpdate();
        }
    }

    Optional<WorkflowTaskLease> claim(Connection connection, String taskQueue, String owner, Instant now,
            Duration lease) throws SQLException {
        requirePositive(lease);
        try (PreparedStatement select = connection.prepareStatement("SELECT task_id, claims, run_id"
                + " FROM hourglass_workflow_tasks WHERE task_queue = ? AND visible_at <= ?"
                + " ORDER BY visible_at, task_id LIMIT 1" + dialect.skipLocked())) {
            select.setString(1, taskQueue);
            select.setLong(2, now.toEpochMilli());
            return lease(connection, select, owner, now, lease);
        }
    }

    /**
     * Hands the workflow task of one run to {@code owner} for {@code lease}, if it is due (queued, or its last
     * holder's lease ran out); the caller holds the run's task locked.
     */
    Optional<WorkflowTaskLease> claimRun(Connection connection, String runId, String owner, Instant now,
            Duration lease) throws SQLException {
        requirePositive(lease);
        try (PreparedStatement select = connection.prepareStatement("SELECT task_id, claims, run_id"
                + " FROM hourglass_workflow_tasks WHERE run_id = ? AND visible_at <= ?")) {
            select.setString(1, runId);
            select.setLong(2, now.toEpochMilli());
            return lease(connection, select, owner, now, lease);
        }
    }

    private static void requirePositive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, not " + lease);
        }
    }

    /** Leases the task {@code select} finds, if any. */
    private static Optional<WorkflowTaskLease> lease(Connection connection, PreparedStatement select, String owner,
            Instant now, Duration lease) throws SQLException {
        long taskId;
        int claims;
        String runId;
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            taskId = row.getLong(1);
            claims = row.getInt(2);
            runId = row.getString(3);
        }
        Instant expiresAt = now.plus(lease);
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_workflow_tasks"
                + " SET claims = claims + 1, lease_owner = ?, visible_at = ? WHERE task_id = ? AND claims = ?")) {
            update.setString(1, owner);
            update.setLong(2, expiresAt.toEpochMilli());
            update.setLong(3, taskId);
            update.setInt(4, claims);
            if (update.executeUpdate() != 1) {
                // taken between the read and the update: only possible without row locks; the next poll tries again
                return Optional.empty();
            }
        }
        return Optional.of(new WorkflowTaskLease(taskId, claims + 1, runId, owner, expiresAt));
    }

    /**
     * Removes the task if {@code lease} is its current hand-out and has not run out (a task whose lease ran out is
     * due again, even if nobody took it yet); returns whether it was.
     */
    boolean complete(Connection connection, WorkflowTaskLease lease, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hourglass_workflow_tasks WHERE task_id = ? AND claims = ? AND visible_at > ?")) {
            delete.setLong(1, lease.taskId());
            delete.setInt(2, lease.claim());
            delete.setLong(3, now.toEpochMilli());
            return delete.executeUpdate() == 1;
        }
    }
}
