package dev.hourglass.cli;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeType;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowPropertiesModifiedAttributes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Search attributes and memo on the command line: {@code --search} conditions, and their lines in show and describe. */
final class SearchAttributeText {

    private static final Pattern CONDITION = Pattern.compile("([^=:]+)(?::([A-Za-z]+))?=(.*)", Pattern.DOTALL);
    private static final Pattern LONG = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DOUBLE = Pattern.compile("-?\\d+\\.\\d+([eE][-+]?\\d+)?");

    private SearchAttributeText() {
    }

    /**
     * Adds the condition of one {@code --search NAME[:TYPE]=VALUE} to {@code filter}. Without a type, {@code true} and
     * {@code false} are Bool, whole numbers Long, decimals Double, ISO-8601 times with an offset Datetime, and
     * anything else Keyword; {@code :KeywordList} matches the lists that contain the value.
     */
    static void addCondition(ExecutionFilter.Builder filter, String spec) {
        Matcher matcher = CONDITION.matcher(spec);
        if (!matcher.matches()) {
            throw CliException.usage("--search takes NAME=VALUE or NAME:TYPE=VALUE, such as CustomerId=c-42 or"
                    + " Tags:KeywordList=vip; got '" + spec + "'");
        }
        String name = matcher.group(1).strip();
        String value = matcher.group(3);
        try {
            SearchAttributeType type = matcher.group(2) != null ? SearchAttributeType.fromJsonName(matcher.group(2))
                    : inferType(value);
            add(filter, SearchAttributeKey.of(name, type), parse(type, name, value));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--search " + spec + ": " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void add(ExecutionFilter.Builder filter, SearchAttributeKey<?> key, Object value) {
        filter.setSearchAttribute((SearchAttributeKey) key, value);
    }

    private static SearchAttributeType inferType(String value) {
        if (value.equals("true") || value.equals("false")) {
            return SearchAttributeType.BOOLEAN;
        }
        if (LONG.matcher(value).matches()) {
            return SearchAttributeType.LONG;
        }
        if (DOUBLE.matcher(value).matches()) {
            return SearchAttributeType.DOUBLE;
        }
        try {
            OffsetDateTime.parse(value);
            return SearchAttributeType.DATETIME;
        } catch (DateTimeParseException e) {
            return SearchAttributeType.KEYWORD;
        }
    }

    private static Object parse(SearchAttributeType type, String name, String value) {
        try {
            switch (type) {
                case LONG:
                    return Long.parseLong(value);
                case DOUBLE:
                    return Double.parseDouble(value);
                case BOOLEAN:
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("a Bool is true or false, not '" + value + "'");
                    }
                    return Boolean.parseBoolean(value);
                case DATETIME:
                    return OffsetDateTime.parse(value);
                case KEYWORD_LIST:
                    return List.of(value);
                default:
                    return value;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a " + type.jsonName() + " value of " + name);
        }
    }

    /** The attributes on one line, {@code Name=value, ...} in name order; {@code null} for none. */
    static String format(SearchAttributes attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        StringJoiner line = new StringJoiner(", ");
        attributes.getUntypedValues().forEach((key, value) -> line.add(key.getName() + "=" + value));
        return line.toString();
    }

    /** Adds the row {@code label value} to a header, unless the value is {@code null}: a run without any shows none. */
    static void addIfAny(Table header, String label, String value) {
        if (value != null) {
            header.add(label, value);
        }
    }

    /** The current search attributes of a history: those it started with, and each upsert applied. */
    static SearchAttributes current(History history) {
        if (history.getEvents().isEmpty()) {
            return SearchAttributes.EMPTY;
        }
        SearchAttributes started = history.getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class).searchAttributes();
        SearchAttributes current = started == null ? SearchAttributes.EMPTY : started;
        for (HistoryEvent event : history.getEvents()) {
            if (event.getAttributes() instanceof UpsertWorkflowSearchAttributesAttributes upsert) {
                List<SearchAttributeUpdate<?>> updates = upsert.searchAttributes();
                current = current.withUpdates(updates);
            }
        }
        return current;
    }

    /**
     * The current memo of a history as recorded (JSON, decoded where the history was): the start's, with each
     * {@code WorkflowPropertiesModified} applied; {@code null} for none.
     */
    static String memo(History history) {
        if (history.getEvents().isEmpty()) {
            return null;
        }
        Payload memo = history.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class).memo();
        Map<String, String> current = new TreeMap<>();
        boolean modified = false;
        for (HistoryEvent event : history.getEvents()) {
            if (event.getAttributes() instanceof WorkflowPropertiesModifiedAttributes upsert) {
                if (!modified && memo != null) {
                    entries(memo).forEach((key, value) -> current.put(key, Payload.of(value).toJson()));
                }
                modified = true;
                entries(upsert.memo()).forEach((key, value) -> {
                    if (value == null) {
                        current.remove(key);
                    } else {
                        current.put(key, Payload.of(value).toJson());
                    }
                });
            }
        }
        if (!modified) {
            return memo == null ? null : memo.toJson();
        }
        StringJoiner json = new StringJoiner(",", "{", "}");
        current.forEach((key, value) -> json.add(Json.quote(key) + ":" + value));
        return current.isEmpty() ? null : json.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entries(Payload memo) {
        Map<String, Object> entries = memo.decode(Map.class);
        return entries == null ? Map.of() : entries;
    }
}
