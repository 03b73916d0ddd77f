package dev.hourglass.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.client.WorkflowQueryException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.ServiceRecords.RunRow;
import dev.hourglass.service.ServiceOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries of the JDBC service, between processes that share the database: a query is a row of its own
 * ({@code hourglass_queries}), handed to a worker polling the run's task queue as a {@link WorkflowTask} with a query
 * type, answered by {@link #respond}, and read back by the client that asked, which waits up to
 * {@link ServiceOptions#getQueryTimeout()} and then removes the row. No history event records a query; a query of a
 * closed run is answered from its final state, as in memory.
 *
 * <p>Order, as in memory: a query waits for the workflow tasks of its task queue that came due before it (at the same
 * millisecond too), so that it sees what they record, and the tasks that come due after it wait for it. A query is
 * handed out under a lease of half the query timeout, at most the workflow task timeout: when its worker dies, another
 * worker gets it while the client still waits. The first answer counts, from whichever hand-out it comes; later ones
 * are ignored. A row whose client died is removed by the sweeper once the query timeout has passed.
 */
final class JdbcQueries {

    private static final Logger log = LoggerFactory.getLogger(JdbcQueries.class);
    private static final String TOKEN_PREFIX = "q:";

    /** Claims a workflow task in the caller's transaction; {@code null} if none is due. */
    @FunctionalInterface
    interface WorkflowTaskClaim {
        ClaimedTask claim() throws SQLException;
    }

    /** A query row due to be handed out. */
    private record Due(long queryId, int claims, String runId, String queryType, String argsJson, long visibleAt) {
    }

    /** A query recorded for a client: its row and the run it asks. */
    private record Asked(long queryId, RunRow run) {

        WorkflowExecution execution() {
            return new WorkflowExecution(run.workflowId(), run.runId());
        }
    }

    /** What the row of a query says: not answered yet, a result, a failure, or gone (removed as expired). */
    private record Answer(boolean gone, boolean answered, String resultJson, String failureJson) {
    }

    private final JdbcStore store;
    private final ServiceRecords records;
    private final ServiceOptions options;
    private final String owner;
    private final Runnable workQueued;
    private final Duration lease;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final Object answers = new Object();
    private long answerGeneration;
    private volatile boolean closed;

    /**
     * Creates the queries of a service.
     *
     * @param owner how hand-outs name this service
     * @param workQueued wakes this service's pollers
     */
    JdbcQueries(JdbcStore store, ServiceRecords records, ServiceOptions options, String owner, Runnable workQueued,
            Duration minBackoff, Duration maxBackoff) {
        this.store = store;
        this.records = records;
        this.options = options;
        this.owner = owner;
        this.workQueued = workQueued;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        Duration half = options.getQueryTimeout().dividedBy(2);
        this.lease = half.compareTo(options.getWorkflowTaskTimeout()) < 0 ? half : options.getWorkflowTaskTimeout();
    }

    // ---------------------------------------------------------------- the client's side

    /**
     * Records a query of the run addressed, waits for a worker's answer up to the query timeout, and removes the
     * query.
     *
     * @throws dev.hourglass.client.WorkflowNotFoundException if there is no such run
     * @throws WorkflowQueryException if the query failed, or no worker answered in time
     * @throws ServiceClosedException if the service closed before an answer came
     */
    Payload query(String workflowId, String runId, String queryType, Payload args) {
        List<Long> inserted = new ArrayList<>(1);
        Asked asked;
        try {
            asked = store.transaction("query " + queryType + " of workflow " + workflowId, connection -> {
                RunRow run = records.find(connection, workflowId, runId);
                long queryId = insert(connection, run, queryType, args, store.currentTime());
                // known as waiting before it commits, so that a close sees it and removes it
                inserted.add(queryId);
                waiting.add(queryId);
                return new Asked(queryId, run);
            }, null);
        } catch (RuntimeException e) {
            inserted.forEach(waiting::remove);
            throw e;
        }
        try {
            workQueued.run();
            return await(asked, queryType);
        } finally {
            waiting.remove(asked.queryId());
            remove(asked.queryId());
        }
    }

    private long insert(Connection connection, RunRow run, String queryType, Payload args, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_queries"
                + " (run_id, task_queue, query_type, args_json, visible_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " RETURNING query_id")) {
            insert.setString(1, run.runId());
            insert.setString(2, run.taskQueue());
            insert.setString(3, queryType);
            insert.setString(4, args == null ? null : args.toJson());
            insert.setLong(5, now.toEpochMilli());
            insert.setLong(6, now.plus(options.getQueryTimeout()).toEpochMilli());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Payload await(Asked asked, String queryType) {
        long deadline = System.nanoTime() + options.getQueryTimeout().toNanos();
        long backoff = minBackoff.toNanos();
        try {
            while (true) {
                if (closed) {
                    throw new ServiceClosedException("the workflow service was closed before a worker answered the"
                            + " query");
                }
                long seen;
                synchronized (answers) {
                    seen = answerGeneration;
                }
                Answer answer = read(asked, queryType);
                if (answer.answered()) {
                    return answerOf(answer, asked, queryType);
                }
                long remaining = deadline - System.nanoTime();
                if (answer.gone() || remaining <= 0) {
                    throw new WorkflowQueryException(asked.execution(), queryType, "no worker answered query '"
                            + queryType + "' within " + options.getQueryTimeout() + ": is a worker polling task queue '"
                            + asked.run().taskQueue() + "' with workflow type " + asked.run().workflowType()
                            + " registered?", null);
                }
                awaitAnswer(seen, Math.min(backoff, remaining));
                backoff = Math.min(backoff * 2, maxBackoff.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowQueryException(asked.execution(), queryType, "interrupted while waiting for the query",
                    e);
        }
    }

    private static Payload answerOf(Answer answer, Asked asked, String queryType) {
        if (answer.failureJson() != null) {
            JsonNode failure = JsonPayload.node(Payload.fromJson(answer.failureJson()));
            throw new WorkflowQueryException(asked.execution(), queryType, "query failed: "
                    + failure.path("message").asText(), FailureConverter.fromJson(failure));
        }
        return Payload.fromJson(answer.resultJson());
    }

    private Answer read(Asked asked, String queryType) {
        try {
            return store.query("read the answer to query " + queryType + " of workflow " + asked.run().workflowId(),
                    connection -> read(connection, asked.queryId()));
        } catch (RuntimeException e) {
            if (closed) {
                throw new ServiceClosedException("the workflow service was closed before a worker answered the"
                        + " query");
            }
            throw e;
        }
    }

    private static Answer read(Connection connection, long queryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT answered_at, result_json, failure_json"
                + " FROM hourglass_queries WHERE query_id = ?")) {
            select.setLong(1, queryId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Answer(true, false, null, null);
                }
                row.getLong(1);
                return new Answer(false, !row.wasNull(), row.getString(2), row.getString(3));
            }
        }
    }

    private void awaitAnswer(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (answers) {
            long remaining = nanos;
            while (answerGeneration == seen && !closed && remaining > 0) {
                TimeUnit.NANOSECONDS.timedWait(answers, remaining);
                remaining = deadline - System.nanoTime();
            }
        }
    }

    /**
     * Removes a query whose client stopped waiting. Once the service closed, {@link #close} has done it, unless the
     * query committed after that; the store may be closed by then, and the sweeper of a service removes the row once
     * the query timeout has passed.
     */
    private void remove(long queryId) {
        try {
            store.transaction("remove query " + queryId, connection -> delete(connection, List.of(queryId)), null);
        } catch (RuntimeException e) {
            if (closed) {
                log.debug("query {} is left to the sweeper: the service closed", queryId, e);
            } else {
                log.warn("removing query {} failed; the sweeper removes it once the query timeout has passed",
                        queryId, e);
            }
        }
    }

    private static int delete(Connection connection, List<Long> queryIds) throws SQLException {
        int deleted = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hourglass_queries"
                + " WHERE query_id = ?")) {
            for (long queryId : queryIds) {
                delete.setLong(1, queryId);
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    // ---------------------------------------------------------------- the worker's side

    /**
     * Hands out the next workflow task or query of {@code taskQueue}, in the caller's transaction: the first query due
     * if no workflow task came due before it (or at the same millisecond), else the task {@code workflowTask} claims,
     * else that query.
     *
     * @return the task or query, or {@code null} if nothing can be handed out now
     */
    ClaimedTask claim(Connection connection, String taskQueue, Instant now, WorkflowTaskClaim workflowTask)
            throws SQLException {
        Due query = firstDue(connection, taskQueue, now);
        if (query == null || workflowTaskDueBy(connection, taskQueue, query.visibleAt())) {
            ClaimedTask task = workflowTask.claim();
            if (task != null || query == null) {
                return task;
            }
        }
        return handOut(connection, query, now);
    }

    /** Whether a query of {@code taskQueue} waits for a worker: it comes before a workflow task due after it. */
    boolean anyQueryDue(Connection connection, String taskQueue, Instant now) throws SQLException {
        return firstDue(connection, taskQueue, now) != null;
    }

    private Due firstDue(Connection connection, String taskQueue, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT query_id, claims, run_id, query_type,"
                + " args_json, visible_at FROM hourglass_queries WHERE task_queue = ? AND answered_at IS NULL"
                + " AND visible_at <= ? AND expires_at > ? ORDER BY visible_at, query_id LIMIT 1"
                + store.dialect().skipLocked())) {
            select.setString(1, taskQueue);
            select.setLong(2, now.toEpochMilli());
            select.setLong(3, now.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Due(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6)) : null;
            }
        }
    }

    private static boolean workflowTaskDueBy(Connection connection, String taskQueue, long visibleAt)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM hourglass_workflow_tasks"
                + " WHERE task_queue = ? AND visible_at <= ? LIMIT 1")) {
            select.setString(1, taskQueue);
            select.setLong(2, visibleAt);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private ClaimedTask handOut(Connection connection, Due query, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_queries SET claims = claims + 1,"
                + " lease_owner = ?, visible_at = ? WHERE query_id = ? AND claims = ? AND answered_at IS NULL")) {
            update.setString(1, owner);
            update.setLong(2, now.plus(lease).toEpochMilli());
            update.setLong(3, query.queryId());
            update.setInt(4, query.claims());
            if (update.executeUpdate() != 1) {
                // taken between the read and the update: only possible without row locks; the next poll tries again
                return null;
            }
        }
        RunRow run = records.byRunId(connection, query.runId());
        String token = TOKEN_PREFIX + query.queryId() + ":" + (query.claims() + 1);
        return new ClaimedTask(token, store.runRecords().stored(connection, run.workflowId(), run.runId()), 0,
                query.queryType(), query.argsJson(), options.getHistoryLimits());
    }

    /**
     * Records the answer to a query handed out with {@code taskToken}, if it is the first: {@code failure} if not
     * {@code null}, else {@code result}. An answer to a query whose client stopped waiting is ignored.
     *
     * @throws IllegalArgumentException if the token is not a query token of this store
     */
    void respond(String taskToken, Payload result, Payload failure) {
        long queryId = decode(taskToken);
        if (closed) {
            log.debug("ignoring the answer to query task {}: the service is closed", taskToken);
            return;
        }
        boolean recorded = store.transaction("answer query task " + taskToken, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_queries SET answered_at = ?,"
                    + " lease_owner = NULL, result_json = ?, failure_json = ? WHERE query_id = ?"
                    + " AND answered_at IS NULL")) {
                update.setLong(1, store.currentTime().toEpochMilli());
                update.setString(2, failure != null ? null : result == null ? "null" : result.toJson());
                update.setString(3, failure == null ? null : failure.toJson());
                update.setLong(4, queryId);
                return update.executeUpdate() == 1;
            }
        }, null);
        if (recorded) {
            synchronized (answers) {
                answerGeneration++;
                answers.notifyAll();
            }
        } else {
            log.debug("ignoring the answer to query task {}: it was answered already, or its client stopped waiting",
                    taskToken);
        }
    }

    private static long decode(String taskToken) {
        String[] parts = taskToken.split(":", 3);
        if (parts.length == 3 && taskToken.startsWith(TOKEN_PREFIX)) {
            try {
                return Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                // not a query token: said below
            }
        }
        throw new IllegalArgumentException("'" + taskToken + "' is not a query task token of this store; answer a"
                + " query with the token pollWorkflowTask handed out with it");
    }

    // ---------------------------------------------------------------- clean-up

    /**
     * Whether the task queue has a workflow task or a query that may be handed out now, and else when its next
     * workflow task becomes due (a dead worker's lease, a failed task's retry): one read that locks nothing, so that
     * an idle poll takes no write transaction.
     */
    QueueLook look(Connection connection, String taskQueue, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT"
                + " (SELECT 1 FROM hourglass_workflow_tasks WHERE task_queue = ? AND visible_at <= ? LIMIT 1),"
                + " (SELECT 1 FROM hourglass_queries WHERE task_queue = ? AND answered_at IS NULL AND visible_at <= ?"
                + " AND expires_at > ? LIMIT 1),"
                + " (SELECT MIN(visible_at) FROM hourglass_workflow_tasks WHERE task_queue = ? AND visible_at > ?)")) {
            long millis = now.toEpochMilli();
            select.setString(1, taskQueue);
            select.setLong(2, millis);
            select.setString(3, taskQueue);
            select.setLong(4, millis);
            select.setLong(5, millis);
            select.setString(6, taskQueue);
            select.setLong(7, millis);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                boolean due = row.getObject(1) != null || row.getObject(2) != null;
                long next = row.getLong(3);
                return new QueueLook(due, row.wasNull() ? null : next);
            }
        }
    }

    /** Whether a query's time is up (its client stopped waiting, or died): a read that locks nothing. */
    boolean anyExpired(Instant now) {
        return store.query("look for expired queries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM hourglass_queries WHERE expires_at <= ? LIMIT 1")) {
                select.setLong(1, now.toEpochMilli());
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Removes the queries whose time is up: their clients stopped waiting, or died. Returns how many. */
    int sweep(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hourglass_queries WHERE expires_at <= ?")) {
            delete.setLong(1, store.currentTime().toEpochMilli());
            return delete.executeUpdate();
        }
    }

    /**
     * Ends the waits of this service's clients with a {@link ServiceClosedException} and removes their queries; to
     * be called before the store closes.
     */
    void close() {
        closed = true;
        synchronized (answers) {
            answers.notifyAll();
        }
        List<Long> abandoned = new ArrayList<>(waiting);
        if (abandoned.isEmpty()) {
            return;
        }
        try {
            store.transaction("remove the queries of a closing service", connection -> delete(connection, abandoned),
                    null);
        } catch (RuntimeException e) {
            log.warn("removing {} queries of a closing service failed; the sweeper removes them once the query"
                    + " timeout has passed", abandoned.size(), e);
        }
    }
}
