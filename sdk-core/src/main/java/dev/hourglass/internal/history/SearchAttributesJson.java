package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeType;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of search attributes in histories: an object of name → {@code {"type": "Keyword", "value": …}},
 * the value plain (never encoded by payload codecs, so that it stays indexable); in an upsert, a {@code null}
 * value removes the attribute. {@code docs/history-format.md} describes it.
 */
public final class SearchAttributesJson {

    private SearchAttributesJson() {
    }

    /** The JSON object of a set of attributes, in name order. */
    public static ObjectNode toJson(SearchAttributes attributes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        attributes.getUntypedValues().forEach((key, value) -> node.set(key.getName(), entry(key, value)));
        return node;
    }

    /** The JSON object of updates, in their order; a removal has a {@code null} value. */
    public static ObjectNode updatesToJson(List<SearchAttributeUpdate<?>> updates) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (SearchAttributeUpdate<?> update : updates) {
            node.set(update.getKey().getName(), entry(update.getKey(), update.getValue().orElse(null)));
        }
        return node;
    }

    /** The JSON value of one attribute value of {@code type}. */
    public static JsonNode value(SearchAttributeType type, Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        switch (type) {
            case LONG:
                return nodes.numberNode((Long) value);
            case DOUBLE:
                return nodes.numberNode((Double) value);
            case BOOLEAN:
                return nodes.booleanNode((Boolean) value);
            case DATETIME:
                return nodes.textNode(value.toString());
            case KEYWORD_LIST:
                ArrayNode list = nodes.arrayNode();
                ((List<?>) value).forEach(element -> list.add((String) element));
                return list;
            default:
                return nodes.textNode((String) value);
        }
    }

    private static ObjectNode entry(SearchAttributeKey<?> key, Object value) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("type", key.getValueType().jsonName());
        entry.set("value", value(key.getValueType(), value));
        return entry;
    }

    /**
     * Reads a set of attributes.
     *
     * @throws IllegalArgumentException naming the attribute, if the JSON is not of this form
     */
    public static SearchAttributes fromJson(JsonNode node) {
        SearchAttributes.Builder builder = SearchAttributes.newBuilder();
        for (SearchAttributeUpdate<?> update : updatesFromJson(node)) {
            if (update.getValue().isEmpty()) {
                throw new IllegalArgumentException("search attribute " + update.getKey().getName()
                        + " has no value (null); only an upsert may remove an attribute");
            }
            builder.apply(update);
        }
        return builder.build();
    }

    /**
     * Reads updates; a {@code null} value is a removal.
     *
     * @throws IllegalArgumentException naming the attribute, if the JSON is not of this form
     */
    public static List<SearchAttributeUpdate<?>> updatesFromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("search attributes are " + JsonValues.describe(node)
                    + ", not an object of name to {\"type\": ..., \"value\": ...}");
        }
        List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
        for (Map.Entry<String, JsonNode> attribute : node.properties()) {
            updates.add(update(attribute.getKey(), attribute.getValue()));
        }
        return updates;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SearchAttributeUpdate<?> update(String name, JsonNode entry) {
        if (!entry.isObject() || !entry.path("type").isTextual()) {
            throw new IllegalArgumentException("search attribute " + name + " is " + JsonValues.describe(entry)
                    + ", not an object {\"type\": ..., \"value\": ...}");
        }
        SearchAttributeType type = SearchAttributeType.fromJsonName(entry.get("type").textValue());
        SearchAttributeKey key = SearchAttributeKey.of(name, type);
        JsonNode value = entry.path("value");
        if (value.isMissingNode() || value.isNull()) {
            return SearchAttributeUpdate.valueUnset(key);
        }
        return SearchAttributeUpdate.valueSet(key, parseValue(name, type, value));
    }

    /** The Java value of a JSON value of {@code type}. */
    public static Object parseValue(String name, SearchAttributeType type, JsonNode value) {
        switch (type) {
            case LONG:
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    return value.longValue();
                }
                break;
            case DOUBLE:
                if (value.isNumber()) {
                    return value.doubleValue();
                }
                break;
            case BOOLEAN:
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
            case DATETIME:
                if (value.isTextual()) {
                    try {
                        return OffsetDateTime.parse(value.textValue());
                    } catch (DateTimeParseException e) {
                        break;
                    }
                }
                break;
            case KEYWORD_LIST:
                if (value.isArray()) {
                    List<String> list = new ArrayList<>();
                    for (JsonNode element : value) {
                        if (!element.isTextual()) {
                            throw new IllegalArgumentException("search attribute " + name
                                    + " is a keyword list and holds " + JsonValues.describe(element)
                                    + ", not a string");
                        }
                        list.add(element.textValue());
                    }
                    return list;
                }
                break;
            default:
                if (value.isTextual()) {
                    return value.textValue();
                }
        }
        throw new IllegalArgumentException("search attribute " + name + " of type " + type.jsonName() + " has value "
                + JsonValues.describe(value) + ", which is not a " + type.jsonName()
                + (type == SearchAttributeType.DATETIME ? " (an ISO-8601 date and time with offset)" : ""));
    }
}
