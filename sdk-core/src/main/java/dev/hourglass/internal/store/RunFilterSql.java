package dev.hourglass.internal.store;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.SearchAttributeCondition;
import dev.hourglass.common.SearchAttributeType;
import dev.hourglass.internal.spi.ExecutionPageToken;
import dev.hourglass.internal.spi.WorkflowIdSearch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code WHERE} clause over {@code hourglass_runs} of an {@link ExecutionFilter}, and of the position of a page
 * token in the filter's order, with its parameters: values are always bound, never written into the SQL.
 *
 * <p>Status, workflow type and start times are conditions on the run's row, which the indexes on
 * {@code (start_time, workflow_id, run_id)}, alone or after the status or the workflow type, serve in either
 * direction. A condition on a search attribute looks the run ids up in {@code hourglass_search_attributes} through
 * its index on (name, value). The search of workflow ids is a {@code LIKE} on the ASCII-lower-cased id with
 * {@code %}, {@code _} and the escape character escaped ({@link WorkflowIdSearch}); no index serves a search inside
 * a text, so it reads the rows the other conditions leave.
 */
final class RunFilterSql {

    private static final long NANOS_PER_MILLI = 1_000_000;

    private final StringBuilder where = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private RunFilterSql() {
    }

    /** The conditions of {@code filter} (its order and page size aside). */
    static RunFilterSql of(ExecutionFilter filter, Dialect dialect) {
        RunFilterSql sql = new RunFilterSql();
        filter.getStatus().ifPresent(status -> sql.and("status = ?", status.name()));
        filter.getWorkflowType().ifPresent(type -> sql.and("workflow_type = ?", type));
        filter.getWorkflowIdContains().ifPresent(part -> sql.and(dialect.asciiLowerCase("workflow_id")
                + " LIKE ? ESCAPE '" + WorkflowIdSearch.LIKE_ESCAPE + "'", WorkflowIdSearch.likePattern(part)));
        // start times are whole milliseconds: t >= from and t < to hold exactly when they do for from and to
        // rounded up to a millisecond
        filter.getStartTimeFrom().ifPresent(from -> sql.and("start_time >= ?", ceilMillis(from)));
        filter.getStartTimeTo().ifPresent(to -> sql.and("start_time < ?", ceilMillis(to)));
        for (SearchAttributeCondition condition : filter.getSearchAttributeConditions()) {
            sql.searchAttribute(condition);
        }
        return sql;
    }

    /**
     * Adds the condition that a run comes after {@code position} in the listing order oldest or newest first, as
     * {@link ExecutionPageToken#precedes} says.
     */
    RunFilterSql after(ExecutionPageToken position, boolean newestFirst) {
        if (position.startTime().getNano() % NANOS_PER_MILLI == 0) {
            and("(start_time, workflow_id, run_id) " + (newestFirst ? "<" : ">") + " (?, ?, ?)",
                    position.startTime().toEpochMilli(), position.workflowId(), position.runId());
        } else {
            // no run starts between two milliseconds: every run from the next one on comes after it, every run
            // before that one before it
            and(newestFirst ? "start_time < ?" : "start_time >= ?", ceilMillis(position.startTime()));
        }
        return this;
    }

    /** The {@code ORDER BY} of the listing order oldest or newest first, which the indexes serve either way. */
    static String orderBy(boolean newestFirst) {
        return newestFirst ? " ORDER BY start_time DESC, workflow_id DESC, run_id DESC"
                : " ORDER BY start_time, workflow_id, run_id";
    }

    /** The {@code WHERE} clause, with a leading space, or the empty string for no condition. */
    String where() {
        return where.toString();
    }

    /** Binds the parameters of the clause from the first one on; returns the index of the next parameter. */
    int bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return parameters.size() + 1;
    }

    /**
     * The condition on a search attribute, as a look-up of the index table: a run id among those whose attribute of
     * the name and type has a matching value, which the table's index on (name, value) finds.
     */
    private void searchAttribute(SearchAttributeCondition condition) {
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
            and(lookUp + range + ")", bounds.toArray());
            return;
        }
        Object value = condition.getValue().orElseThrow();
        List<?> values = type == SearchAttributeType.KEYWORD_LIST ? (List<?>) value : List.of(value);
        for (Object element : values) {
            and(lookUp + column + " = ?)", name, type.jsonName(), SearchAttributeRecords.indexed(type, element));
        }
    }

    private void and(String condition, Object... values) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        parameters.addAll(List.of(values));
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
