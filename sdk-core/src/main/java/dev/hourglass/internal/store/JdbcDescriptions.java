package dev.hourglass.internal.store;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.common.DataConverter;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.ExecutionPageToken;
import dev.hourglass.internal.spi.ExecutionViews;
import dev.hourglass.internal.store.ActivityRecords.ActivityRow;
import dev.hourglass.internal.store.ServiceRecords.RunRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Descriptions and listings of runs for clients, read from the store: what the in-memory service's
 * {@code Descriptions} reads from its runs, the same for the same executions. The metadata, timers and child
 * workflows of a description come from the run's history through {@link ExecutionViews}; its pending activities from
 * the activity rows. A listing selects the runs from their rows (no history): one query per page, the filter and the
 * position of the page token in its {@code WHERE} ({@link RunFilterSql}), in {@link ExecutionPageToken#ORDER} or its
 * reverse, so that the indexes on {@code (start_time, workflow_id, run_id)}, alone or after the status or the workflow
 * type, serve it forwards or backwards. A count is one {@code COUNT(*)} with the same {@code WHERE}. Then, for the
 * page's runs alone, their search attributes are read from that table and their memo from their first
 * event and their {@code WorkflowPropertiesModified} events.
 *
 * <p>Ties of start time are broken by workflow id and run id in the database's order of text: on SQLite (binary,
 * UTF-8) that is Java's order of strings except for characters beyond the Basic Multilingual Plane; on PostgreSQL it
 * is the database's collation. Pages follow one order throughout either way, so none repeats or skips a run.
 */
final class JdbcDescriptions {

    private static final String LIST_COLUMNS = "run_id, workflow_id, workflow_type, task_queue, status, start_time,"
            + " close_time, next_event_id";

    /**
     * The distinct workflow types, as a loose index scan: the least type, then again and again the least type
     * greater than the last one found, each a look-up of the index on {@code (workflow_type, ...)}.
     */
    private static final String DISTINCT_TYPES = "WITH RECURSIVE types (workflow_type) AS ("
            + "SELECT MIN(workflow_type) FROM hourglass_runs"
            + " UNION ALL SELECT (SELECT r.workflow_type FROM hourglass_runs r"
            + " WHERE r.workflow_type > types.workflow_type ORDER BY r.workflow_type LIMIT 1)"
            + " FROM types WHERE types.workflow_type IS NOT NULL)"
            + " SELECT workflow_type FROM types WHERE workflow_type IS NOT NULL";

    private final JdbcStore store;
    private final ServiceRecords records;
    private final ActivityRecords activities;

    JdbcDescriptions(JdbcStore store, ServiceRecords records, ActivityRecords activities) {
        this.store = store;
        this.records = records;
        this.activities = activities;
    }

    /**
     * Describes a run ({@code runId} {@code null}: the latest of the workflow id), read in one transaction.
     *
     * @throws dev.hourglass.client.WorkflowNotFoundException if there is no such run
     */
    WorkflowExecutionDescription describe(String workflowId, String runId) {
        return store.transaction("describe workflow " + workflowId, connection -> {
            RunRow run = records.find(connection, workflowId, runId);
            List<HistoryEvent> events = store.runRecords().history(connection, run.workflowId(), run.runId())
                    .getEvents();
            List<PendingActivityInfo> pending = new ArrayList<>();
            if (run.isOpen()) {
                Instant now = store.currentTime();
                for (ActivityRow activity : activities.ofRun(connection, run.runId())) {
                    pending.add(pendingActivity(activity, now));
                }
            }
            WorkflowExecutionMetadata metadata = ExecutionViews.metadata(run.workflowId(), run.runId(),
                    run.workflowType(), run.taskQueue(), events);
            return new WorkflowExecutionDescription(metadata, pending, ExecutionViews.pendingChildWorkflows(events),
                    ExecutionViews.pendingTimers(events));
        }, null);
    }

    /**
     * An activity as the in-memory service shows it. The row's attempt is the one that runs or is queued; after a
     * failure it is already the next one, which is what the in-memory service shows while it backs off. A queued
     * attempt not visible yet is one that backs off: it is queued at its {@code visible_at}.
     */
    private static PendingActivityInfo pendingActivity(ActivityRow activity, Instant now) {
        boolean backingOff = !activity.isRunning() && activity.visibleAt() > now.toEpochMilli();
        return ExecutionViews.pendingActivity(activity.activityId(), activity.activityType(), activity.isRunning(),
                activity.attempt(), activity.scheduledTime(),
                backingOff ? Instant.ofEpochMilli(activity.visibleAt()) : null, activity.lastFailure());
    }

    /** One page of the runs that match {@code filter}, after {@code after} ({@code null}: the first page). */
    ExecutionPage list(ExecutionFilter filter, ExecutionPageToken after) {
        int pageSize = filter.getPageSize();
        List<WorkflowExecutionMetadata> rows = store.query("list workflow executions", connection ->
                withSearchAttributesAndMemo(connection, select(connection, filter, after, pageSize + 1)));
        if (rows.size() <= pageSize) {
            return new ExecutionPage(rows, null);
        }
        List<WorkflowExecutionMetadata> page = rows.subList(0, pageSize);
        return new ExecutionPage(page, ExecutionPageToken.after(page.get(pageSize - 1)).encode());
    }

    /** How many runs match {@code filter}: one {@code COUNT(*)} over the rows its conditions select. */
    long count(ExecutionFilter filter) {
        RunFilterSql conditions = RunFilterSql.of(filter, store.dialect());
        return store.query("count workflow executions", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM hourglass_runs"
                    + conditions.where())) {
                conditions.bind(count);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /**
     * The distinct workflow types of the runs, sorted as Java sorts strings. The database skips from one type to the
     * next through the index on {@code (workflow_type, ...)}: one index look-up per type, however many runs each
     * has, where {@code SELECT DISTINCT} would read the whole index.
     */
    List<String> workflowTypes() {
        List<String> types = store.query("list workflow types", connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(DISTINCT_TYPES);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
        types.sort(null); // the database's collation may differ from the order of strings every service reports
        return List.copyOf(types);
    }

    private List<WorkflowExecutionMetadata> select(Connection connection, ExecutionFilter filter,
            ExecutionPageToken after, int limit) throws SQLException {
        RunFilterSql conditions = RunFilterSql.of(filter, store.dialect());
        if (after != null) {
            conditions.after(after, filter.isNewestFirst());
        }
        List<WorkflowExecutionMetadata> page = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + LIST_COLUMNS + " FROM hourglass_runs"
                + conditions.where() + RunFilterSql.orderBy(filter.isNewestFirst()) + " LIMIT ?")) {
            select.setInt(conditions.bind(select), limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(metadata(rows));
                }
            }
        }
        return page;
    }

    /** The page's runs with their search attributes (from the index table) and memo (from their history). */
    private List<WorkflowExecutionMetadata> withSearchAttributesAndMemo(Connection connection,
            List<WorkflowExecutionMetadata> page) throws SQLException {
        List<WorkflowExecutionMetadata> complete = new ArrayList<>(page.size());
        for (WorkflowExecutionMetadata run : page) {
            WorkflowExecution execution = run.getExecution();
            Payload memo = store.runRecords().memo(connection, execution.getWorkflowId(), execution.getRunId());
            complete.add(new WorkflowExecutionMetadata(execution, run.getWorkflowType(), run.getTaskQueue(),
                    run.getStatus(), run.getStartTime(), run.getCloseTime().orElse(null), run.getHistoryLength(),
                    SearchAttributeRecords.current(connection, execution.getRunId()), memo,
                    DataConverter.getDefault(), List.of()));
        }
        return complete;
    }

    /** The metadata of a run from its row: its history has {@code next_event_id - 1} events. */
    private static WorkflowExecutionMetadata metadata(ResultSet rows) throws SQLException {
        long closeTime = rows.getLong(7);
        Instant closed = rows.wasNull() ? null : Instant.ofEpochMilli(closeTime);
        return new WorkflowExecutionMetadata(new WorkflowExecution(rows.getString(2), rows.getString(1)),
                rows.getString(3), rows.getString(4), WorkflowExecutionStatus.valueOf(rows.getString(5)),
                Instant.ofEpochMilli(rows.getLong(6)), closed, rows.getLong(8) - 1);
    }

}
