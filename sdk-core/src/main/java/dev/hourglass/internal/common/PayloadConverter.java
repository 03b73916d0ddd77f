package dev.hourglass.internal.common;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hourglass.common.DataConverter;
import dev.hourglass.internal.history.CanonicalNodeFactory;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Converts workflow and activity payloads (arguments, results, signal and query values) to and from
 * plain JSON values with the Jackson mapper of a {@link DataConverter}.
 *
 * <p>Records, POJOs, generic collections and {@code null} are supported. Map entries are written in key
 * order, so that a payload encodes to the same JSON in every JVM. Payloads stay JSON trees in
 * the history and are decoded only when code asks for them, with the declared (generic) type of the
 * parameter or return value.
 */
public final class PayloadConverter {

    private static final PayloadConverter DEFAULT = new PayloadConverter(DataConverter.getDefault());

    private final DataConverter dataConverter;
    private final ObjectMapper mapper;

    private PayloadConverter(DataConverter dataConverter) {
        this.dataConverter = dataConverter;
        this.mapper = dataConverter.getObjectMapper();
    }

    /** Returns the converter of {@link DataConverter#getDefault()}. */
    public static PayloadConverter getDefault() {
        return DEFAULT;
    }

    /** Returns the converter of {@code dataConverter}; the shared one for the default. */
    public static PayloadConverter of(DataConverter dataConverter) {
        Objects.requireNonNull(dataConverter, "dataConverter");
        return dataConverter == DataConverter.getDefault() ? DEFAULT : new PayloadConverter(dataConverter);
    }

    /** Returns the public converter this one works for. */
    public DataConverter dataConverter() {
        return dataConverter;
    }

    /** Encodes one value; {@code null} becomes JSON {@code null}. */
    public JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        JsonNode scalar = scalarToJson(value);
        if (scalar != null) {
            return scalar;
        }
        try {
            return mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new PayloadConversionException(
                    "cannot encode a " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Encodes arguments as a JSON array, one element per argument. */
    public ArrayNode toJsonArray(Object[] values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (values != null) {
            for (Object value : values) {
                array.add(toJson(value));
            }
        }
        return array;
    }

    /** Decodes one value to the given type; JSON {@code null} or a missing node decode to {@code null}. */
    @SuppressWarnings("unchecked")
    public <T> T fromJson(JsonNode node, Class<T> rawType, Type genericType) {
        if (rawType == void.class || rawType == Void.class) {
            return null;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (rawType.isPrimitive() || isNullAsIs(rawType)) {
                return (T) Defaults.defaultValue(rawType);
            }
            node = NullNode.getInstance(); // the type's own null value: Optional.empty() for an Optional
        }
        Object scalar = scalarFromJson(node, rawType);
        if (scalar != null) {
            return (T) scalar;
        }
        try {
            JavaType type = mapper.getTypeFactory().constructType(genericType == null ? rawType : genericType);
            return mapper.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new PayloadConversionException(
                    "cannot decode " + abbreviate(node) + " as " + (genericType == null ? rawType : genericType)
                            + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a JSON array of arguments to the given parameter types; missing trailing values are null. */
    public Object[] fromJsonArray(JsonNode array, Class<?>[] rawTypes, Type[] genericTypes) {
        Object[] result = new Object[rawTypes.length];
        for (int i = 0; i < rawTypes.length; i++) {
            JsonNode element = array == null ? null : array.get(i);
            result[i] = fromJson(element, rawTypes[i], genericTypes[i]);
        }
        return result;
    }

    /**
     * The node Jackson would build for a string, integer, long or boolean, without going through the mapper
     * (a hot path of every activity call); {@code null} for any other value.
     */
    private static JsonNode scalarToJson(Object value) {
        Class<?> type = value.getClass();
        if (type == String.class) {
            return TextNode.valueOf((String) value);
        }
        if (type == Integer.class) {
            return IntNode.valueOf((Integer) value);
        }
        if (type == Long.class) {
            return CanonicalNodeFactory.INSTANCE.numberNode(((Long) value).longValue());
        }
        if (type == Boolean.class) {
            return BooleanNode.valueOf((Boolean) value);
        }
        return null;
    }

    /**
     * The value Jackson would decode when the node is exactly of the target's kind (text to string, an int
     * to int, an integral number that fits to long, a boolean to boolean); {@code null} otherwise, and the
     * mapper decides.
     */
    private static Object scalarFromJson(JsonNode node, Class<?> type) {
        if (type == String.class) {
            return node.isTextual() ? node.textValue() : null;
        }
        if (type == int.class || type == Integer.class) {
            return node.isInt() ? node.intValue() : null;
        }
        if (type == long.class || type == Long.class) {
            return (node.isInt() || node.isLong()) ? node.longValue() : null;
        }
        if (type == boolean.class || type == Boolean.class) {
            return node.isBoolean() ? node.booleanValue() : null;
        }
        return null;
    }

    /** Whether {@code null} decodes to {@code null} for the type without asking the mapper. */
    private static boolean isNullAsIs(Class<?> type) {
        return type == String.class || type == Object.class || type.isEnum() || Number.class.isAssignableFrom(type)
                || type == Boolean.class || type == Character.class;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
