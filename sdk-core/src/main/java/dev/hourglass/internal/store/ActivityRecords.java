package dev.hourglass.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.history.JsonPayload;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of scheduled activities: one row per activity across its attempts, until it closes. A {@code QUEUED}
 * attempt may be handed out when its {@code visible_at} has come; a claim makes it {@code RUNNING} under a lease
 * that ends at {@code lease_expires_at}. Every method runs inside the caller's transaction; none commits.
 *
 * <p>On SQLite the claim's transaction holds the write lock; on PostgreSQL the claim's read locks the row and passes
 * over rows that other claimers locked ({@code FOR UPDATE SKIP LOCKED}).
 */
final class ActivityRecords {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";

    /** A lease with no end: an attempt with neither a start-to-close nor a heartbeat timeout. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final Dialect dialect;

    ActivityRecords(Dialect dialect) {
        this.dialect = dialect;
    }

    /** One scheduled activity, as its row holds it. Durations are whole milliseconds, {@code null} for none. */
    record ActivityRow(long taskId, String runId, String activityId, String activityType, String taskQueue,
            Payload input, RetryPolicy retryPolicy, Long startToCloseMillis, Long heartbeatMillis,
            Long scheduleToStartMillis, Instant scheduledTime, Long scheduleToCloseDeadline, int attempt, String state,
            long visibleAt, int claims, Long leaseExpiresAt, Long startToCloseDeadline, String workerIdentity,
            Payload heartbeatDetails, Payload lastFailure, boolean cancelRequested) {

        boolean isRunning() {
            return RUNNING.equals(state);
        }

        Duration heartbeatTimeout() {
            return heartbeatMillis == null ? null : Duration.ofMillis(heartbeatMillis);
        }

        /** When a queued attempt times out waiting for a worker, or {@code null}. */
        Long scheduleToStartDeadline() {
            return !isRunning() && scheduleToStartMillis != null ? visibleAt + scheduleToStartMillis : null;
        }
    }

    private static final String COLUMNS = "task_id, run_id, activity_id, activity_type, task_queue, input_json,"
            + " retry_policy_json, start_to_close_ms, heartbeat_timeout_ms, schedule_to_start_ms, scheduled_time,"
            + " schedule_to_close_deadline, attempt, state, visible_at, claims, lease_expires_at,"
            + " start_to_close_deadline, worker_identity, heartbeat_details_json, last_failure_json, cancel_requested";

    /** The attempts of a task queue that may be handed out at a time: the clause and its four parameters. */
    private static final String CLAIMABLE = " FROM hourglass_activity_tasks WHERE task_queue = ? AND state = '"
            + QUEUED + "' AND visible_at <= ? AND (schedule_to_start_ms IS NULL OR visible_at + schedule_to_start_ms > ?)"
            + " AND (schedule_to_close_deadline IS NULL OR schedule_to_close_deadline > ?)";

    /**
     * Records a scheduled activity with its first attempt queued at once. As the in-memory service does, an
     * activity without a start-to-close timeout gives each attempt its schedule-to-close timeout.
     */
    void insert(Connection connection, String runId, long scheduledEventId, ActivityTaskScheduledAttributes scheduled,
            Instant now) throws SQLException {
        Duration startToClose = scheduled.startToCloseTimeout() != null ? scheduled.startToCloseTimeout()
                : scheduled.scheduleToCloseTimeout();
        RetryPolicy policy = scheduled.retryPolicy() != null ? scheduled.retryPolicy()
                : RetryPolicy.getDefaultInstance();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_activity_tasks"
                + " (run_id, activity_id, scheduled_event_id, activity_type, task_queue, input_json,"
                + " retry_policy_json, start_to_close_ms, heartbeat_timeout_ms, schedule_to_start_ms, scheduled_time,"
                + " schedule_to_close_deadline, attempt, state, visible_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '" + QUEUED + "', ?)")) {
            insert.setString(1, runId);
            insert.setString(2, scheduled.activityId());
            insert.setLong(3, scheduledEventId);
            insert.setString(4, scheduled.activityType());
            insert.setString(5, scheduled.taskQueue());
            insert.setString(6, scheduled.input().toJson());
            insert.setString(7, retryPolicyJson(policy));
            setMillis(insert, 8, startToClose);
            setMillis(insert, 9, scheduled.heartbeatTimeout());
            setMillis(insert, 10, scheduled.scheduleToStartTimeout());
            insert.setLong(11, now.toEpochMilli());
            setLong(insert, 12, scheduled.scheduleToCloseTimeout() == null ? null
                    : now.plus(scheduled.scheduleToCloseTimeout()).toEpochMilli());
            insert.setLong(13, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /**
     * The next queued attempt of the task queue that may be handed out now, earliest first, locked for the caller;
     * one whose schedule-to-start or schedule-to-close deadline has passed is left to the sweeper, which times it out.
     */
    Optional<ActivityRow> nextClaimable(Connection connection, String taskQueue, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + CLAIMABLE
                + " ORDER BY visible_at, task_id LIMIT 1" + dialect.skipLocked())) {
            setClaimable(select, taskQueue, now);
            return Optional.ofNullable(one(select));
        }
    }

    /**
     * Whether the task queue has an attempt that may be handed out now, and when its next queued attempt becomes due
     * (a retry's backoff): one read that locks nothing.
     */
    QueueLook look(Connection connection, String taskQueue, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT (SELECT 1" + CLAIMABLE + " LIMIT 1),"
                + " (SELECT MIN(visible_at) FROM hourglass_activity_tasks WHERE task_queue = ? AND state = '" + QUEUED
                + "' AND visible_at > ?)")) {
            setClaimable(select, taskQueue, now);
            select.setString(5, taskQueue);
            select.setLong(6, now.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                boolean due = row.getObject(1) != null;
                long next = row.getLong(2);
                return new QueueLook(due, row.wasNull() ? null : next);
            }
        }
    }

    private static void setClaimable(PreparedStatement select, String taskQueue, Instant now) throws SQLException {
        long millis = now.toEpochMilli();
        select.setString(1, taskQueue);
        select.setLong(2, millis);
        select.setLong(3, millis);
        select.setLong(4, millis);
    }

    /** Hands a queued attempt out: running from now, for {@code owner}, until the deadlines given. */
    boolean start(Connection connection, ActivityRow row, String owner, String identity, long leaseExpiresAt,
            Long startToCloseDeadline) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_activity_tasks"
                + " SET state = '" + RUNNING + "', claims = claims + 1, lease_owner = ?, lease_expires_at = ?,"
                + " start_to_close_deadline = ?, worker_identity = ? WHERE task_id = ? AND claims = ? AND state = '"
                + QUEUED + "'")) {
            update.setString(1, owner);
            update.setLong(2, leaseExpiresAt);
            setLong(update, 3, startToCloseDeadline);
            update.setString(4, identity);
            update.setLong(5, row.taskId());
            update.setInt(6, row.claims());
            return update.executeUpdate() == 1;
        }
    }

    /** The activity whose attempt the hand-out {@code (taskId, claim)} is, if that attempt runs and its lease has not ended. */
    ActivityRow running(Connection connection, long taskId, int claim, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM hourglass_activity_tasks WHERE task_id = ? AND claims = ? AND state = '" + RUNNING + "'"
                + " AND lease_expires_at > ?" + dialect.forUpdate())) {
            select.setLong(1, taskId);
            select.setInt(2, claim);
            select.setLong(3, now.toEpochMilli());
            return one(select);
        }
    }

    /**
     * The activity of a task id as it is now, locked until the transaction ends (on PostgreSQL, after waiting for the
     * writer that holds it); {@code null} if it closed.
     */
    ActivityRow lock(Connection connection, long taskId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM hourglass_activity_tasks WHERE task_id = ?" + dialect.forUpdate())) {
            select.setLong(1, taskId);
            return one(select);
        }
    }

    /** The open activity of a run, or {@code null}. */
    ActivityRow byActivityId(Connection connection, String runId, String activityId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM hourglass_activity_tasks WHERE run_id = ? AND activity_id = ?")) {
            select.setString(1, runId);
            select.setString(2, activityId);
            return one(select);
        }
    }

    /**
     * Up to {@code limit} activities with a deadline passed at {@code now}: a running attempt's lease, a queued
     * attempt's schedule-to-start, or the activity's schedule-to-close deadline; in task id order (the caller orders
     * them by deadline). The rows are not locked: the caller locks each ({@link #lock}) and looks again.
     */
    /**
     * The earliest deadline of any activity, in epoch milliseconds: a running attempt's lease, a schedule-to-close
     * deadline, or a queued attempt's schedule-to-start deadline; {@code null} if there is none.
     */
    Long earliestDeadline(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MIN(deadline) FROM ("
                + "SELECT MIN(lease_expires_at) AS deadline FROM hourglass_activity_tasks WHERE state = '" + RUNNING
                + "' UNION ALL SELECT MIN(schedule_to_close_deadline) FROM hourglass_activity_tasks"
                + " UNION ALL SELECT MIN(visible_at + schedule_to_start_ms) FROM hourglass_activity_tasks"
                + " WHERE state = '" + QUEUED + "' AND schedule_to_start_ms IS NOT NULL) deadlines")) {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long earliest = row.getLong(1);
                return row.wasNull() ? null : earliest;
            }
        }
    }

    List<ActivityRow> due(Connection connection, Instant now, int limit) throws SQLException {
        List<ActivityRow> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM hourglass_activity_tasks WHERE (state = '" + RUNNING + "' AND lease_expires_at <= ?)"
                + " OR (schedule_to_close_deadline <= ?)"
                + " OR (state = '" + QUEUED + "' AND schedule_to_start_ms IS NOT NULL"
                + " AND visible_at + schedule_to_start_ms <= ?) ORDER BY task_id LIMIT ?")) {
            long millis = now.toEpochMilli();
            select.setLong(1, millis);
            select.setLong(2, millis);
            select.setLong(3, millis);
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(row(rows));
                }
            }
        }
        return due;
    }

    /** The open activities of a run, in the order they were scheduled. */
    List<ActivityRow> ofRun(Connection connection, String runId) throws SQLException {
        List<ActivityRow> open = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM hourglass_activity_tasks WHERE run_id = ? ORDER BY scheduled_event_id, task_id")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    open.add(row(rows));
                }
            }
        }
        return open;
    }

    /** Records a heartbeat of a running attempt: its details, and the lease's new end. */
    void heartbeat(Connection connection, long taskId, Payload details, long leaseExpiresAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_activity_tasks"
                + " SET heartbeat_details_json = ?, lease_expires_at = ? WHERE task_id = ?")) {
            update.setString(1, details == null ? null : details.toJson());
            update.setLong(2, leaseExpiresAt);
            update.setLong(3, taskId);
            update.executeUpdate();
        }
    }

    /** Ends the running attempt with {@code failure}; the next one is queued, visible at {@code visibleAt}. */
    void retry(Connection connection, long taskId, int nextAttempt, Instant visibleAt, Payload failure)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_activity_tasks"
                + " SET state = '" + QUEUED + "', attempt = ?, visible_at = ?, lease_owner = NULL,"
                + " lease_expires_at = NULL, start_to_close_deadline = NULL, last_failure_json = ?"
                + " WHERE task_id = ?")) {
            update.setInt(1, nextAttempt);
            update.setLong(2, visibleAt.toEpochMilli());
            update.setString(3, failure.toJson());
            update.setLong(4, taskId);
            update.executeUpdate();
        }
    }

    /** Records that cancellation of the activity was requested, for its running attempt's heartbeats to tell. */
    void markCancelRequested(Connection connection, long taskId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE hourglass_activity_tasks SET cancel_requested = ? WHERE task_id = ?")) {
            update.setBoolean(1, true);
            update.setLong(2, taskId);
            update.executeUpdate();
        }
    }

    /** Removes a closed activity; returns whether it was there. */
    boolean delete(Connection connection, long taskId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hourglass_activity_tasks WHERE task_id = ?")) {
            delete.setLong(1, taskId);
            return delete.executeUpdate() == 1;
        }
    }

    // ---------------------------------------------------------------- rows and columns

    private static ActivityRow one(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? row(rows) : null;
        }
    }

    private static ActivityRow row(ResultSet rows) throws SQLException {
        return new ActivityRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), Payload.fromJson(rows.getString(6)), retryPolicy(rows.getString(7)),
                nullableLong(rows, 8), nullableLong(rows, 9), nullableLong(rows, 10),
                Instant.ofEpochMilli(rows.getLong(11)), nullableLong(rows, 12), rows.getInt(13), rows.getString(14),
                rows.getLong(15), rows.getInt(16), nullableLong(rows, 17), nullableLong(rows, 18), rows.getString(19),
                payload(rows.getString(20)), payload(rows.getString(21)), rows.getBoolean(22));
    }

    private static Payload payload(String json) {
        return json == null ? null : Payload.fromJson(json);
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static void setMillis(PreparedStatement statement, int index, Duration duration) throws SQLException {
        setLong(statement, index, duration == null ? null : duration.toMillis());
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** A retry policy as JSON, its intervals as ISO-8601 durations so that they read back exactly. */
    static String retryPolicyJson(RetryPolicy policy) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("initialInterval", policy.getInitialInterval().toString());
        node.put("backoffCoefficient", policy.getBackoffCoefficient());
        node.put("maximumInterval", policy.getMaximumInterval().toString());
        node.put("maximumAttempts", policy.getMaximumAttempts());
        ArrayNode doNotRetry = node.putArray("doNotRetry");
        policy.getDoNotRetry().forEach(doNotRetry::add);
        return node.toString();
    }

    static RetryPolicy retryPolicy(String json) {
        if (json == null) {
            return RetryPolicy.getDefaultInstance();
        }
        JsonNode node = JsonPayload.node(Payload.fromJson(json));
        List<String> doNotRetry = new ArrayList<>();
        node.path("doNotRetry").forEach(type -> doNotRetry.add(type.asText()));
        return RetryPolicy.newBuilder()
                .setInitialInterval(Duration.parse(node.path("initialInterval").asText()))
                .setBackoffCoefficient(node.path("backoffCoefficient").asDouble())
                .setMaximumInterval(Duration.parse(node.path("maximumInterval").asText()))
                .setMaximumAttempts(node.path("maximumAttempts").asInt())
                .setDoNotRetry(doNotRetry.toArray(String[]::new))
                .build();
    }
}
