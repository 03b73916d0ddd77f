package dev.hourglass.internal.store;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRejectedException;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.store.ServiceRecords.RunRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Updates of the JDBC service, between processes that share the database: each update is a row of
 * {@code hourglass_updates} (schema version 4) from the moment a client sends it. Every workflow task of the run hands
 * out the updates still {@code PENDING}; the task's completion marks those it accepted ({@code ACCEPTED}) and, when
 * their handlers return, {@code COMPLETED} with the outcome, in the transaction that records the events; a rejection
 * marks the row {@code REJECTED} and records no event. Clients wait on the row: {@link #look()} reads the rows of the
 * updates waited for when something changed (or once per full-look interval) and completes the callers' futures; an
 * update whose run closed before it completed fails with the exception that says how the run closed. When a run
 * continues as new, the transaction that records it moves the rows still {@code PENDING} to the new run (schema
 * version 5), except those whose senders named the run ({@code run_pinned}); a wait whose row moved follows it.
 */
final class JdbcUpdates {

    private static final Logger log = LoggerFactory.getLogger(JdbcUpdates.class);

    private static final String PENDING = "PENDING";

    /** An update waited for: where it is (the run follows a carry-over; only the looking thread sets it). */
    private static final class Waiter {
        String runId;
        final String updateId;
        final String updateName;
        final UpdateCall call;

        Waiter(String runId, String updateId, String updateName, UpdateCall call) {
            this.runId = runId;
            this.updateId = updateId;
            this.updateName = updateName;
            this.call = call;
        }
    }

    /** What the row of an update says. */
    private record Row(String state, String resultJson, String failureJson, boolean pinned) {
    }

    private final JdbcStore store;
    private final ServiceRecords records;
    private final LongSupplier changes;
    private final long fullLookNanos;
    /** The updates waited for, in the order their waits began; guards {@link #closed}. */
    private final List<Waiter> waiters = new ArrayList<>();
    private boolean closed;
    /** Set when a wait begins: the next look reads, changes or not. */
    private volatile boolean newWaits;
    // only the thread that looks uses these two
    private long lookedChanges = -1;
    private long fullLookAt;

    /**
     * @param changes a count that grows with every change a look should react to (see {@link LocalPolls#generation})
     * @param fullLookInterval how often every update waited for is looked at, changes or not
     */
    JdbcUpdates(JdbcStore store, ServiceRecords records, LongSupplier changes, Duration fullLookInterval) {
        this.store = store;
        this.records = records;
        this.changes = changes;
        this.fullLookNanos = fullLookInterval.toNanos();
    }

    // ---------------------------------------------------------------- in the service's transactions

    /**
     * Records an update sent to {@code run}; {@code pinned} when the sender named the run (the update is then not
     * carried over if the run continues as new). Returns {@code false} if the run already has one with its id.
     */
    boolean record(Connection connection, RunRow run, UpdateRequest update, boolean pinned, Instant now)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM hourglass_updates WHERE run_id = ? AND update_id = ?")) {
            select.setString(1, run.runId());
            select.setString(2, update.updateId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_updates (run_id, update_id,"
                + " update_name, input_json, identity, state, sent_at, run_pinned) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, run.runId());
            insert.setString(2, update.updateId());
            insert.setString(3, update.updateName());
            insert.setString(4, update.input().toJson());
            insert.setString(5, update.identity());
            insert.setString(6, PENDING);
            insert.setLong(7, now.toEpochMilli());
            insert.setInt(8, pinned ? 1 : 0);
            insert.executeUpdate();
        }
        return true;
    }

    /**
     * The run {@code fromRunId} continues as new as {@code toRunId}, in this transaction: its updates that no workflow
     * task accepted or rejected, whose senders did not name it, move to the new run with their ids and order.
     *
     * @return how many moved
     */
    int carryOver(Connection connection, String fromRunId, String toRunId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_updates SET run_id = ?"
                + " WHERE run_id = ? AND state = ? AND run_pinned = 0")) {
            update.setString(1, toRunId);
            update.setString(2, fromRunId);
            update.setString(3, PENDING);
            return update.executeUpdate();
        }
    }

    /** The updates of a run that no workflow task has accepted or rejected yet, oldest first. */
    List<UpdateRequest> pending(Connection connection, String runId) throws SQLException {
        List<UpdateRequest> pending = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT update_id, update_name, input_json,"
                + " identity FROM hourglass_updates WHERE run_id = ? AND state = ? ORDER BY update_seq")) {
            select.setString(1, runId);
            select.setString(2, PENDING);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new UpdateRequest(rows.getString(1), rows.getString(2),
                            Payload.fromJson(rows.getString(3)), rows.getString(4)));
                }
            }
        }
        return pending;
    }

    /** Whether a run has an update that no workflow task has accepted or rejected yet. */
    boolean anyPending(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM hourglass_updates WHERE run_id = ? AND state = ?")) {
            select.setString(1, runId);
            select.setString(2, PENDING);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The {@code WorkflowExecutionUpdateAccepted} event of an update was recorded. */
    void accepted(Connection connection, String runId, String updateId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_updates SET state = 'ACCEPTED'"
                + " WHERE run_id = ? AND update_id = ? AND state = ?")) {
            update.setString(1, runId);
            update.setString(2, updateId);
            update.setString(3, PENDING);
            update.executeUpdate();
        }
    }

    /** The {@code WorkflowExecutionUpdateCompleted} event of an update was recorded. */
    void completed(Connection connection, String runId, WorkflowExecutionUpdateCompletedAttributes completed)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_updates SET state = 'COMPLETED',"
                + " result_json = ?, failure_json = ? WHERE run_id = ? AND update_id = ?")) {
            update.setString(1, completed.result() == null ? null : completed.result().toJson());
            update.setString(2, completed.failure() == null ? null : completed.failure().toJson());
            update.setString(3, runId);
            update.setString(4, completed.updateId());
            update.executeUpdate();
        }
    }

    /** A workflow task rejected updates: no event records them; their senders get the failures. */
    void rejected(Connection connection, String runId, List<UpdateRejection> rejections) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hourglass_updates SET state = 'REJECTED',"
                + " failure_json = ? WHERE run_id = ? AND update_id = ? AND state = ?")) {
            for (UpdateRejection rejection : rejections) {
                update.setString(1, rejection.failure().toJson());
                update.setString(2, runId);
                update.setString(3, rejection.updateId());
                update.setString(4, PENDING);
                update.executeUpdate();
            }
        }
    }

    // ---------------------------------------------------------------- the client's side

    /** Waits for an update of {@code execution}'s run: the futures complete as the row moves on. */
    UpdateCall await(WorkflowExecution execution, UpdateRequest update) {
        UpdateCall call = new UpdateCall(execution, update.updateId(), new CompletableFuture<>(),
                new CompletableFuture<>());
        synchronized (waiters) {
            if (closed) {
                ServiceClosedException failure = closedFailure(update.updateName());
                call.accepted().completeExceptionally(failure);
                call.completed().completeExceptionally(failure);
                return call;
            }
            waiters.add(new Waiter(execution.getRunId(), update.updateId(), update.updateName(), call));
        }
        newWaits = true;
        return call;
    }

    /**
     * Reads the rows of the updates waited for, if anything changed since the last look (or the full-look interval
     * has passed), and completes the futures of those that moved on; never throws (it runs on the timer thread).
     */
    void look() {
        List<Waiter> looked;
        synchronized (waiters) {
            if (waiters.isEmpty()) {
                return;
            }
            looked = List.copyOf(waiters);
        }
        long generation = changes.getAsLong();
        long nowNanos = System.nanoTime();
        if (!newWaits && generation == lookedChanges && nowNanos - fullLookAt < fullLookNanos) {
            return;
        }
        newWaits = false;
        lookedChanges = generation;
        fullLookAt = nowNanos;
        try {
            List<Waiter> done = store.query("look at updates waited for", connection -> {
                List<Waiter> finished = new ArrayList<>();
                for (Waiter waiter : looked) {
                    if (settle(connection, waiter)) {
                        finished.add(waiter);
                    }
                }
                return finished;
            });
            synchronized (waiters) {
                waiters.removeAll(done);
            }
        } catch (RuntimeException e) {
            log.warn("could not look at {} update(s) waited for; looking again", looked.size(), e);
        }
    }

    /** Completes what the row of a waited-for update says; returns whether the wait is over. */
    private boolean settle(Connection connection, Waiter waiter) throws SQLException {
        // the run first, then the row: each statement may see a later commit (PostgreSQL reads committed data), and
        // the transaction that closes a run settles its updates' rows, so a closed run's rows are final
        RunRow run = records.byRunId(connection, waiter.runId);
        Row row = row(connection, waiter.runId, waiter.updateId);
        UpdateCall call = waiter.call;
        while (row == null && run.continuedAsNew()) {
            // not in its run any more: carried over to the run that continued it
            String next = records.continuedBy(connection, run);
            RunRow nextRun = next == null ? null : records.byRunId(connection, next);
            Row moved = next == null ? null : row(connection, next, waiter.updateId);
            if (moved == null) {
                break;
            }
            waiter.runId = next;
            call.carriedOverTo(new WorkflowExecution(run.workflowId(), next));
            run = nextRun;
            row = moved;
        }
        if (row != null && "REJECTED".equals(row.state())) {
            UpdateRejectedException rejected = new UpdateRejectedException(Payload.fromJson(row.failureJson()));
            call.accepted().completeExceptionally(rejected);
            call.completed().completeExceptionally(rejected);
            return true;
        }
        if (row != null && !PENDING.equals(row.state())) {
            call.accepted().complete(null);
        }
        if (row != null && "COMPLETED".equals(row.state())) {
            call.completed().complete(new WorkflowExecutionUpdateCompletedAttributes(waiter.updateId,
                    row.resultJson() == null ? null : Payload.fromJson(row.resultJson()),
                    row.failureJson() == null ? null : Payload.fromJson(row.failureJson())));
            return true;
        }
        if (!run.isOpen()) {
            RuntimeException closed = records.updateUnfinished(connection, run, waiter.updateName, waiter.updateId,
                    row != null && !PENDING.equals(row.state()), row != null && row.pinned());
            call.accepted().completeExceptionally(closed);
            call.completed().completeExceptionally(closed);
            return true;
        }
        return false;
    }

    private static Row row(Connection connection, String runId, String updateId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, result_json, failure_json,"
                + " run_pinned FROM hourglass_updates WHERE run_id = ? AND update_id = ?")) {
            select.setString(1, runId);
            select.setString(2, updateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Row(row.getString(1), row.getString(2), row.getString(3), row.getInt(4) != 0)
                        : null;
            }
        }
    }

    /** The service closed: every wait fails with a {@link ServiceClosedException}. */
    void close() {
        List<Waiter> open;
        synchronized (waiters) {
            closed = true;
            open = List.copyOf(waiters);
            waiters.clear();
        }
        for (Waiter waiter : open) {
            ServiceClosedException failure = closedFailure(waiter.updateName);
            waiter.call.accepted().completeExceptionally(failure);
            waiter.call.completed().completeExceptionally(failure);
        }
    }

    private static ServiceClosedException closedFailure(String updateName) {
        return new ServiceClosedException("the workflow service was closed while this call waited for update '"
                + updateName + "'");
    }
}
