package dev.hourglass.internal.store;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.SearchAttributeCondition;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.common.DataConverter;
import dev.hourglass.common.SearchAttributeType;
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
 * position of the page token in its {@code WHERE}, in {@link ExecutionPageToken#ORDER}, so that the indexes on
 * {@code (start_time, workflow_id, run_id)}, alone or after the status or the workflow type, serve it. A condition on a
 * search attribute looks the run ids up in {@code hourglass_search_attributes} through its index on (name, value).
 * Then, for the page's runs alone, their search attributes are read from that table and their memo from their first
 * event and their {@code WorkflowPropertiesModified} events.
 *
 * <p>Ties of start time are broken by workflow id and run id in the database's order of text: on SQLite (binary,
 * UTF-8) that is Java's order of strings except for characters beyond the Basic Multilingual Plane; on PostgreSQL it
 * is the database's collation. Pages follow one order throughout either way, so none repeats or skips a run.
 */
final class JdbcDescriptions {

    private static final String LIST_COLUMNS = "run_id, workflow_id, workflow_type, task_queue, status, start_time,"
            + " close_time, next_event_id";
    private static final String ORDER = " ORDER BY start_time, workflow_id, run_id";
    private static final long NANOS_PER_MILLI = 1_000_000;

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

    private static List<WorkflowExecutionMetadata> select(Connection connection, ExecutionFilter filter,
            ExecutionPageToken after, int limit) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        filter.getStatus().ifPresent(status -> and(where, parameters, "status = ?", status.name()));
        filter.getWorkflowType().ifPresent(type -> and(where, parameters, "workflow_type = ?", type));
        // start times are whole milliseconds: t >= from and t < to hold exactly when they do for from and to
        // rounded up to a millisecond
        filter.getStartTimeFrom().ifPresent(from -> and(where, parameters, "start_time >= ?", ceilMillis(from)));
        filter.getStartTimeTo().ifPresent(to -> and(where, parameters, "start_time < ?", ceilMillis(to)));
        for (SearchAttributeCondition condition : filter.getSearchAttributeConditions()) {
            searchAttribute(where, parameters, condition);
        }
        if (after != null) {
            if (after.startTime().getNano() % NANOS_PER_MILLI == 0) {
                and(where, parameters, "(start_time, workflow_id, run_id) > (?, ?, ?)",
                        after.startTime().toEpochMilli(), after.workflowId(), after.runId());
            } else {
                // no run starts between two milliseconds: every run from the next one on comes after it
                and(where, parameters, "start_time >= ?", ceilMillis(after.startTime()));
            }
        }
        parameters.add(limit);
        List<WorkflowExecutionMetadata> page = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + LIST_COLUMNS + " FROM hourglass_runs"
                + where + ORDER + " LIMIT ?")) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(metadata(rows));
                }
            }
        }
        return page;
    }

    /**
     * The condition on a search attribute, as a look-up of the index table: a run id among those whose attribute of
     * the name and type has a matching value, which the table's index on (name, value) finds.
     */
    private static void searchAttribute(StringBuilder where, List<Object> parameters,
            SearchAttributeCondition condition) {
        SearchAttributeType type = condition.getKey().getValueType();
        String column = SearchAttributeRecords.Column.of(type).sql;
        String lookUp = "run_id IN (SELECT run_id FROM hourglass_search_attributes WHERE name = ? AND value_type = ?"
                + " AND ";
        String name = condition.getKey().getName();
        if (condition.getOperator() == SearchAttributeCondition.Operator.RANGE) {
            StringBuilder range = new StringBuilder();
            List<Object> bounds = new ArrayList<>(List.of(name, type.jsonName()));
            condition.getFrom().ifPresent(from -> {
                range.append(column).append(" >= ?");
                bounds.add(SearchAttributeRecords.indexed(type, from));
            });
            condition.getTo().ifPresent(to -> {
                range.append(range.length() == 0 ? "" : " AND ").append(column).append(" <= ?");
                bounds.add(SearchAttributeRecords.indexed(type, to));
            });
            and(where, parameters, lookUp + range + ")", bounds.toArray());
            return;
        }
        Object value = condition.getValue().orElseThrow();
        List<?> values = type == SearchAttributeType.KEYWORD_LIST ? (List<?>) value : List.of(value);
        for (Object element : values) {
            and(where, parameters, lookUp + column + " = ?)", name, type.jsonName(),
                    SearchAttributeRecords.indexed(type, element));
        }
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

    private static void and(StringBuilder where, List<Object> parameters, String condition, Object... values) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        parameters.addAll(List.of(values));
    }

    /** The metadata of a run from its row: its history has {@code next_event_id - 1} events. */
    private static WorkflowExecutionMetadata metadata(ResultSet rows) throws SQLException {
        long closeTime = rows.getLong(7);
        Instant closed = rows.wasNull() ? null : Instant.ofEpochMilli(closeTime);
        return new WorkflowExecutionMetadata(new WorkflowExecution(rows.getString(2), rows.getString(1)),
                rows.getString(3), rows.getString(4), WorkflowExecutionStatus.valueOf(rows.getString(5)),
                Instant.ofEpochMilli(rows.getLong(6)), closed, rows.getLong(8) - 1);
    }

    /** The first whole millisecond at or after {@code instant}. */
    private static long ceilMillis(Instant instant) {
        long millis;
        try {
            millis = instant.toEpochMilli(); // rounds down, also before 1970
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE; // beyond every start time
        }
        return instant.getNano() % NANOS_PER_MILLI == 0 ? millis : millis + 1;
    }
}
