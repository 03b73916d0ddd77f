package dev.hourglass.internal.store;

import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.history.HistoryJsonCodec;
import dev.hourglass.internal.history.MemoJson;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.spi.ExecutionViews;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.store.ClaimedTask.StoredHistory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of runs and their histories: starting a run, appending events under the run's next event id, reading a
 * history back. Every method runs inside the caller's transaction; none commits.
 */
final class RunRecords {

    private static final String RUNNING = WorkflowExecutionStatus.RUNNING.name();

    private final String database;

    RunRecords(String database) {
        this.database = database;
    }

    /** The latest run of a workflow id, as far as starting another needs to know. */
    private record LatestRun(String runId, int runNumber, String workflowType, WorkflowExecutionStatus status) {
    }

    /**
     * Records a new run of the request's workflow id (which is set) with its first event.
     *
     * @throws WorkflowExecutionAlreadyStartedException if the id has an open run or the reuse policy forbids a new one
     * @throws SQLException a unique violation if another start of the id committed meanwhile (PostgreSQL)
     */
    WorkflowExecution start(Connection connection, StartWorkflowRequest request, IdGenerator ids, Instant now)
            throws SQLException {
        LatestRun latest = latestRun(connection, request.workflowId());
        if (latest != null) {
            checkReuse(latest, request);
        }
        int runNumber = latest == null ? 1 : latest.runNumber() + 1;
        Instant deadline = request.executionTimeout() == null ? null : now.plus(request.executionTimeout());
        return insert(connection, request, ids.newRunId(request.workflowId(), runNumber), runNumber, null, deadline,
                now);
    }

    /**
     * Records the run that a closed run of the request's workflow id continued as: run {@code runId}, numbered
     * {@code runNumber}, with the deadline of the execution it continues (no reuse policy applies: the id's last run
     * closed just now, by continuing into this one).
     *
     * @param deadline the deadline of the whole execution, or {@code null} for none
     */
    WorkflowExecution continued(Connection connection, StartWorkflowRequest request, String runId, int runNumber,
            String continuedFromRunId, Instant deadline, Instant now) throws SQLException {
        return insert(connection, request, runId, runNumber, continuedFromRunId, deadline, now);
    }

    private WorkflowExecution insert(Connection connection, StartWorkflowRequest request, String runId, int runNumber,
            String continuedFromRunId, Instant deadline, Instant now) throws SQLException {
        HistoryEvent started = new HistoryEvent(1, now, new WorkflowExecutionStartedAttributes(request.workflowType(),
                request.taskQueue(), request.input(), request.parentWorkflowId(), request.parentRunId(),
                continuedFromRunId, deadline == null ? null : Duration.between(now, deadline), request.identity(),
                request.startDelay(), request.cronSchedule(), request.lastCompletionResult(), request.searchAttributes(),
                request.memo()));
        String startedJson = HistoryJsonCodec.eventToJson(started);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_runs (run_id, workflow_id,"
                + " run_number, workflow_type, task_queue, status, start_time, next_event_id, history_bytes,"
                + " execution_deadline, continued_from_run_id, parent_workflow_id, parent_run_id, parent_child_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, request.workflowId());
            insert.setInt(3, runNumber);
            insert.setString(4, request.workflowType());
            insert.setString(5, request.taskQueue());
            insert.setString(6, RUNNING);
            insert.setLong(7, now.toEpochMilli());
            insert.setLong(8, startedJson.getBytes(StandardCharsets.UTF_8).length);
            setMillis(insert, 9, deadline);
            insert.setString(10, continuedFromRunId);
            insert.setString(11, request.parentWorkflowId());
            insert.setString(12, request.parentRunId());
            insert.setString(13, request.parentChildId());
            insert.executeUpdate();
        }
        insertEvents(connection, runId, List.of(started), List.of(startedJson));
        return new WorkflowExecution(request.workflowId(), runId);
    }

    /** The exception for a start that lost a race to another start of the same id, read after that one committed. */
    RuntimeException raceLost(Connection connection, StartWorkflowRequest request) throws SQLException {
        LatestRun winner = latestRun(connection, request.workflowId());
        WorkflowExecution existing = new WorkflowExecution(request.workflowId(), winner.runId());
        return new WorkflowExecutionAlreadyStartedException(existing, winner.workflowType(), "workflow id '"
                + request.workflowId() + "' was started by another client at the same time, as " + existing
                + "; ids are unique among open executions: wait for it to close or choose another id");
    }

    private static void checkReuse(LatestRun last, StartWorkflowRequest request) {
        WorkflowExecution existing = new WorkflowExecution(request.workflowId(), last.runId());
        if (last.status() == WorkflowExecutionStatus.RUNNING) {
            throw new WorkflowExecutionAlreadyStartedException(existing, last.workflowType(),
                    "workflow id '" + request.workflowId() + "' is already used by the open execution " + existing
                            + "; ids are unique among open executions: wait for it to close or choose another id");
        }
        WorkflowIdReusePolicy policy = request.reusePolicy();
        boolean failed = last.status() != WorkflowExecutionStatus.COMPLETED;
        if (policy == WorkflowIdReusePolicy.REJECT_DUPLICATE
                || (policy == WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY && !failed)) {
            throw new WorkflowExecutionAlreadyStartedException(existing, last.workflowType(),
                    "workflow id '" + request.workflowId() + "' was used by " + existing + " which closed with "
                            + closeType(last.status()) + ", and the reuse policy " + policy
                            + " forbids starting it again");
        }
    }

    /** The event type that closes a run with {@code status}: what the in-memory service names in its messages. */
    private static EventType closeType(WorkflowExecutionStatus status) {
        for (EventType type : EventType.values()) {
            if (type.isClosing() && ExecutionViews.status(type) == status) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event closes a run as " + status);
    }

    private static LatestRun latestRun(Connection connection, String workflowId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id, run_number, workflow_type, status"
                + " FROM hourglass_runs WHERE workflow_id = ? ORDER BY run_number DESC LIMIT 1")) {
            select.setString(1, workflowId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new LatestRun(row.getString(1), row.getInt(2), row.getString(3),
                        WorkflowExecutionStatus.valueOf(row.getString(4))) : null;
            }
        }
    }

    /**
     * Appends events numbered from {@code expectedNextEventId}: moves the run's next event id only if it is the
     * expected one and the run is open, then writes the events; a closing event closes the run.
     */
    List<HistoryEvent> append(Connection connection, String runId, long expectedNextEventId,
            List<EventAttributes> attributes, Instant now) throws SQLException {
        List<HistoryEvent> events = new ArrayList<>(attributes.size());
        List<String> json = new ArrayList<>(attributes.size());
        long bytes = 0;
        for (EventAttributes event : attributes) {
            HistoryEvent numbered = new HistoryEvent(expectedNextEventId + events.size(), now, event);
            String text = HistoryJsonCodec.eventToJson(numbered);
            // an event's size is the length of its JSON text in UTF-8, as HistoryJsonCodec.eventSize counts it
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            events.add(numbered);
            json.add(text);
        }
        HistoryEvent last = events.get(events.size() - 1);
        for (HistoryEvent event : events.subList(0, events.size() - 1)) {
            if (event.getEventType().isClosing()) {
                throw new IllegalArgumentException("event " + event.getEventId() + " (" + event.getEventType()
                        + ") closes run " + runId + " but is followed by others; a closing event comes last");
            }
        }
        boolean closing = last.getEventType().isClosing();
        // status and close time are set only by a closing event: SQLite rewrites the entries of every index on a
        // column an UPDATE sets, changed or not, and those of the status and close time would be written for nothing
        try (PreparedStatement update = connection.prepareStatement(closing
                ? "UPDATE hourglass_runs SET next_event_id = ?, history_bytes = history_bytes + ?, status = ?,"
                        + " close_time = ? WHERE run_id = ? AND next_event_id = ? AND status = ?"
                : "UPDATE hourglass_runs SET next_event_id = ?, history_bytes = history_bytes + ?"
                        + " WHERE run_id = ? AND next_event_id = ? AND status = ?")) {
            int column = 1;
            update.setLong(column++, last.getEventId() + 1);
            update.setLong(column++, bytes);
            if (closing) {
                update.setString(column++, ExecutionViews.status(last.getEventType()).name());
                setMillis(update, column++, now);
            }
            update.setString(column++, runId);
            update.setLong(column++, expectedNextEventId);
            update.setString(column, RUNNING);
            if (update.executeUpdate() != 1) {
                throw conflict(connection, runId, expectedNextEventId);
            }
        }
        insertEvents(connection, runId, events, json);
        return events;
    }

    private HistoryConflictException conflict(Connection connection, String runId, long expected)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT workflow_id, next_event_id, status FROM hourglass_runs WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new WorkflowNotFoundException(null, runId);
                }
                long actual = row.getLong(2);
                String where = "run " + runId + " of workflow " + row.getString(1) + " in " + database;
                if (!RUNNING.equals(row.getString(3))) {
                    return new HistoryConflictException(runId, expected, actual, "cannot append to the history of "
                            + where + ": the run is closed (" + row.getString(3) + ", " + (actual - 1) + " events);"
                            + " nothing was written");
                }
                return new HistoryConflictException(runId, expected, actual, "cannot append to the history of "
                        + where + ": expected the next event id " + expected + " but it is " + actual + ", another"
                        + " writer appended meanwhile; nothing was written: read the history again and decide anew");
            }
        }
    }

    /** Inserts {@code events}, whose JSON texts {@code json} holds in the same order. */
    private static void insertEvents(Connection connection, String runId, List<HistoryEvent> events,
            List<String> json) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_history_events"
                + " (run_id, event_id, event_type, event_time, event_json) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                HistoryEvent event = events.get(i);
                insert.setString(1, runId);
                insert.setLong(2, event.getEventId());
                insert.setString(3, event.getEventType().name());
                insert.setLong(4, event.getEventTime().toEpochMilli());
                insert.setString(5, json.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        SearchAttributeRecords.record(connection, runId, events);
    }

    /** Reads the attributes of a run's first event, its {@code WorkflowExecutionStarted}. */
    WorkflowExecutionStartedAttributes started(Connection connection, String workflowId, String runId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_json FROM hourglass_history_events WHERE run_id = ? AND event_id = 1")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new WorkflowNotFoundException(workflowId, runId);
                }
                return HistoryJsonCodec.fromEventJson(workflowId, runId, "", "", List.of(row.getString(1)),
                        database + " run " + runId).getEvents().get(0)
                        .getAttributes(WorkflowExecutionStartedAttributes.class);
            }
        }
    }

    /**
     * Reads the current memo of a run: its start's, with the upserts of its {@code WorkflowPropertiesModified}
     * events applied; the whole history is read only for a run that has such events.
     *
     * @return the memo, a JSON object of key to payload, or {@code null} for none
     */
    Payload memo(Connection connection, String workflowId, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM hourglass_history_events"
                + " WHERE run_id = ? AND event_type = ?")) {
            select.setString(1, runId);
            select.setString(2, EventType.WorkflowPropertiesModified.name());
            select.setMaxRows(1);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return started(connection, workflowId, runId).memo();
                }
            }
        }
        return MemoJson.current(history(connection, workflowId, runId).getEvents());
    }

    /** Reads a run's history in one statement (one snapshot); {@code runId} {@code null}: the latest run. */
    History history(Connection connection, String workflowId, String runId) throws SQLException {
        return stored(connection, workflowId, runId).read();
    }

    /**
     * Reads a run's history as it is kept, its events' JSON texts not yet read into events; {@code runId}
     * {@code null}: the latest run.
     */
    StoredHistory stored(Connection connection, String workflowId, String runId) throws SQLException {
        String run = runId != null ? "r.run_id = ? AND r.workflow_id = ?"
                : "r.run_id = (SELECT run_id FROM hourglass_runs WHERE workflow_id = ? ORDER BY run_number DESC LIMIT 1)";
        try (PreparedStatement select = connection.prepareStatement("SELECT r.run_id, r.workflow_type, r.task_queue,"
                + " e.event_json FROM hourglass_runs r JOIN hourglass_history_events e ON e.run_id = r.run_id"
                + " WHERE " + run + " ORDER BY e.event_id")) {
            if (runId != null) {
                select.setString(1, runId);
                select.setString(2, workflowId);
            } else {
                select.setString(1, workflowId);
            }
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new WorkflowNotFoundException(workflowId, runId);
                }
                String foundRunId = rows.getString(1);
                String workflowType = rows.getString(2);
                String taskQueue = rows.getString(3);
                List<String> events = new ArrayList<>();
                do {
                    events.add(rows.getString(4));
                } while (rows.next());
                return new StoredHistory(workflowId, foundRunId, workflowType, taskQueue, events,
                        database + " run " + foundRunId);
            }
        }
    }

    private static void setMillis(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, time.toEpochMilli());
        }
    }
}
