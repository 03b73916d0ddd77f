package dev.hourglass.internal.store;

import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeType;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the table {@code hourglass_search_attributes}: the current search attributes of each run, one row per
 * value (per element of a keyword list), in typed columns that the listing filters through their indexes. The
 * events that set them are the truth; {@link #record} keeps the table current in the transaction that inserts them.
 */
final class SearchAttributeRecords {

    private SearchAttributeRecords() {
    }

    /** Applies what {@code events}, being inserted into the history of {@code runId}, do to its search attributes. */
    static void record(Connection connection, String runId, List<HistoryEvent> events) throws SQLException {
        for (HistoryEvent event : events) {
            if (event.getAttributes() instanceof WorkflowExecutionStartedAttributes started
                    && started.searchAttributes() != null) {
                List<SearchAttributeUpdate<?>> sets = new ArrayList<>();
                started.searchAttributes().getUntypedValues().forEach((key, value) -> sets.add(set(key, value)));
                apply(connection, runId, sets);
            } else if (event.getAttributes() instanceof UpsertWorkflowSearchAttributesAttributes upsert) {
                apply(connection, runId, upsert.searchAttributes());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SearchAttributeUpdate<?> set(SearchAttributeKey<?> key, Object value) {
        return SearchAttributeUpdate.valueSet((SearchAttributeKey) key, value);
    }

    private static void apply(Connection connection, String runId, List<SearchAttributeUpdate<?>> updates)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hourglass_search_attributes WHERE run_id = ? AND name = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO hourglass_search_attributes"
                        + " (run_id, name, element, value_type, keyword_value, long_value, double_value)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (SearchAttributeUpdate<?> update : updates) {
                delete.setString(1, runId);
                delete.setString(2, update.getKey().getName());
                delete.executeUpdate();
                if (update.getValue().isPresent()) {
                    insertValue(insert, runId, update.getKey(), update.getValue().get());
                }
            }
        }
    }

    private static void insertValue(PreparedStatement insert, String runId, SearchAttributeKey<?> key, Object value)
            throws SQLException {
        List<?> elements = key.getValueType() == SearchAttributeType.KEYWORD_LIST ? (List<?>) value : List.of(value);
        for (int i = 0; i < elements.size(); i++) {
            insert.setString(1, runId);
            insert.setString(2, key.getName());
            insert.setInt(3, i);
            insert.setString(4, key.getValueType().jsonName());
            Column column = Column.of(key.getValueType());
            insert.setNull(5, Types.VARCHAR);
            insert.setNull(6, Types.BIGINT);
            insert.setNull(7, Types.DOUBLE);
            Object indexed = indexed(key.getValueType(), elements.get(i));
            if (column == Column.DOUBLE) {
                insert.setDouble(7, (Double) indexed);
            } else if (column == Column.LONG) {
                insert.setLong(6, (Long) indexed);
            } else {
                insert.setString(5, (String) indexed);
            }
            if (key.getValueType() == SearchAttributeType.DATETIME) {
                // the value as it was given, offset and all, for reading it back; long_value orders and filters
                insert.setString(5, elements.get(i).toString());
            }
            insert.executeUpdate();
        }
    }

    /** The column a type's values are filtered in. */
    enum Column {
        KEYWORD("keyword_value"), LONG("long_value"), DOUBLE("double_value");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }

        static Column of(SearchAttributeType type) {
            switch (type) {
                case LONG:
                case BOOLEAN:
                case DATETIME:
                    return LONG;
                case DOUBLE:
                    return DOUBLE;
                default:
                    return KEYWORD;
            }
        }
    }

    /** A value (an element, of a keyword list) as its column holds it: a String, Long or Double. */
    static Object indexed(SearchAttributeType type, Object value) {
        switch (type) {
            case BOOLEAN:
                return ((Boolean) value) ? 1L : 0L;
            case DATETIME:
                return ((OffsetDateTime) value).toInstant().toEpochMilli();
            default:
                return value;
        }
    }

    /** The current search attributes of a run, read back from the table; never {@code null}. */
    static SearchAttributes current(Connection connection, String runId) throws SQLException {
        SearchAttributes.Builder builder = SearchAttributes.newBuilder();
        try (PreparedStatement select = connection.prepareStatement("SELECT name, value_type, keyword_value,"
                + " long_value, double_value FROM hourglass_search_attributes WHERE run_id = ?"
                + " ORDER BY name, element")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                String listName = null;
                List<String> list = null;
                while (rows.next()) {
                    String name = rows.getString(1);
                    SearchAttributeType type = SearchAttributeType.fromJsonName(rows.getString(2));
                    if (type == SearchAttributeType.KEYWORD_LIST) {
                        if (!name.equals(listName)) {
                            addList(builder, listName, list);
                            listName = name;
                            list = new ArrayList<>();
                        }
                        list.add(rows.getString(3));
                        continue;
                    }
                    set(builder, SearchAttributeKey.of(name, type), value(type, rows));
                }
                addList(builder, listName, list);
            }
        }
        return builder.build();
    }

    private static Object value(SearchAttributeType type, ResultSet rows) throws SQLException {
        switch (type) {
            case LONG:
                return rows.getLong(4);
            case BOOLEAN:
                return rows.getLong(4) != 0;
            case DOUBLE:
                return rows.getDouble(5);
            case DATETIME:
                return OffsetDateTime.parse(rows.getString(3));
            default:
                return rows.getString(3);
        }
    }

    private static void addList(SearchAttributes.Builder builder, String name, List<String> list) {
        if (name != null) {
            builder.set(SearchAttributeKey.forKeywordList(name), list);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void set(SearchAttributes.Builder builder, SearchAttributeKey<?> key, Object value) {
        builder.set((SearchAttributeKey) key, value);
    }
}
