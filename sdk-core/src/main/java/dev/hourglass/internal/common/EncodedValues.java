package dev.hourglass.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hourglass.common.Values;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link Values} either given as Java objects (a failure created in this JVM) or read from a history as JSON
 * (decoded, when asked for, by the converter the history was read with).
 */
public final class EncodedValues implements Values {

    private static final EncodedValues EMPTY = new EncodedValues(new Object[0], null, null, "failure detail ");

    private final Object[] objects;
    private final ArrayNode json;
    private final PayloadConverter converter;
    /** What a value is, for messages, followed by its index: {@code "failure detail "}. */
    private final String label;

    private EncodedValues(Object[] objects, ArrayNode json, PayloadConverter converter, String label) {
        this.objects = objects;
        this.json = json;
        this.converter = converter;
        this.label = label;
    }

    /** Returns no values. */
    public static EncodedValues empty() {
        return EMPTY;
    }

    /** Returns the given objects; {@code null} stands for none. */
    public static EncodedValues of(Object... objects) {
        return objects == null || objects.length == 0 ? EMPTY
                : new EncodedValues(objects.clone(), null, null, "failure detail ");
    }

    /** Returns the values of a recorded JSON array, to be decoded with {@code converter}. */
    public static EncodedValues fromJson(ArrayNode json, PayloadConverter converter) {
        return new EncodedValues(null, json, Objects.requireNonNull(converter, "converter"), "failure detail ");
    }

    /**
     * Returns the recorded arguments of a call, such as a dynamic workflow's or a dynamic signal's, to be decoded
     * with {@code converter}; messages name them {@code "argument <index> of <of>"}. A missing array is no arguments.
     */
    public static EncodedValues arguments(JsonNode json, PayloadConverter converter, String of) {
        ArrayNode array = json instanceof ArrayNode ? (ArrayNode) json : JsonNodeFactory.instance.arrayNode();
        return new EncodedValues(null, array, Objects.requireNonNull(converter, "converter"),
                "argument of " + of + " at index ");
    }

    /** Returns the values as a JSON array encoded with {@code converter}; recorded values come back as they were. */
    public ArrayNode toJson(PayloadConverter with) {
        if (json != null) {
            return json;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < objects.length; i++) {
            array.add(with.toJson(objects[i], label + i));
        }
        return array;
    }

    @Override
    public int getSize() {
        return json != null ? json.size() : objects.length;
    }

    @Override
    public <T> T get(int index, Class<T> parameterType) {
        return get(index, parameterType, parameterType);
    }

    @Override
    public <T> T get(int index, Class<T> parameterType, Type genericParameterType) {
        Objects.requireNonNull(parameterType, "parameterType");
        if (index < 0 || index >= getSize()) {
            throw new IndexOutOfBoundsException("no value at index " + index + ": there are " + getSize()
                    + " values");
        }
        Type type = genericParameterType == null ? parameterType : genericParameterType;
        if (json != null) {
            return converter.fromJson(json.get(index), parameterType, type, label + index);
        }
        Object value = objects[index];
        if (value == null || (type == parameterType && parameterType.isInstance(value))) {
            return parameterType.cast(value);
        }
        PayloadConverter defaults = PayloadConverter.getDefault();
        JsonNode encoded = defaults.toJson(value, label + index);
        return defaults.fromJson(encoded, parameterType, type, label + index);
    }

    @Override
    public String toString() {
        return json != null ? json.toString() : Arrays.deepToString(objects);
    }
}
