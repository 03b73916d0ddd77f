package dev.hourglass.history;

import dev.hourglass.internal.history.EncodedPayloads;
import dev.hourglass.internal.history.JsonPayload;
import java.lang.reflect.Type;
import org.apiguardian.api.API;

/**
 * A JSON value recorded in a history: the arguments of a workflow, an activity or a signal (a JSON array), a
 * result, a marker's details, or a failure (a JSON object).
 *
 * <p>A payload is immutable. Two payloads are equal when their JSON values are: objects regardless of field
 * order, numbers by value ({@code 5} equals {@code 5.0}). {@link #toString()} returns {@link #toJson()}.
 *
 * <pre>{@code
 * ActivityTaskCompletedAttributes completed = event.getAttributes(ActivityTaskCompletedAttributes.class);
 * Receipt receipt = completed.result().decode(Receipt.class);
 * }</pre>
 *
 * <p>Payloads come from histories or from {@link #fromJson(String)} and {@link #of(Object)}; implement this
 * interface only to test code that reads payloads.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Payload {

    /**
     * Returns the value as compact JSON text, such as {@code ["alice",100]}.
     *
     * @return the JSON text; never {@code null}
     */
    String toJson();

    /**
     * Returns the value as compact JSON for a person to read: {@link #toJson()}, except that each value in it that
     * a {@link dev.hourglass.common.PayloadCodec} encoded is written as {@code <encoded with gzip,aes-gcm(k1)>}
     * (the codecs it was encoded with) instead of its data, and a payload that is itself encoded as
     * {@code encoded with gzip,aes-gcm(k1)}.
     *
     * @return the text; never {@code null}
     * @since 0.1
     */
    default String toDisplayText() {
        return EncodedPayloads.show(JsonPayload.node(this));
    }

    /**
     * Converts the value to a Java type the way the worker converts arguments and results.
     *
     * @param type the class to convert to; never {@code null}
     * @param <T> the type
     * @return the value; {@code null} for JSON {@code null}
     * @throws IllegalArgumentException if the value cannot be converted to {@code type}
     */
    <T> T decode(Class<T> type);

    /**
     * Converts the value to a generic Java type, such as {@code List<Receipt>}.
     *
     * @param type the raw class to convert to; never {@code null}
     * @param genericType the full type, such as a {@link java.lang.reflect.ParameterizedType}; never {@code null}
     * @param <T> the type
     * @return the value; {@code null} for JSON {@code null}
     * @throws IllegalArgumentException if the value cannot be converted to {@code genericType}
     */
    <T> T decode(Class<T> type, Type genericType);

    /**
     * Reads a payload from JSON text.
     *
     * @param json one JSON value; never {@code null}
     * @return the payload; never {@code null}
     * @throws IllegalArgumentException if the text is not one JSON value
     */
    static Payload fromJson(String json) {
        return JsonPayload.parse(json);
    }

    /**
     * Converts a Java value to a payload the way the worker converts arguments and results.
     *
     * @param value the value; may be {@code null}, which gives JSON {@code null}
     * @return the payload; never {@code null}
     * @throws IllegalArgumentException if the value cannot be converted to JSON
     */
    static Payload of(Object value) {
        return JsonPayload.encode(value);
    }

    /**
     * Converts arguments to the JSON array that {@code input} attributes hold.
     *
     * @param arguments the arguments, in parameter order; may be empty
     * @return the payload of a JSON array; never {@code null}
     * @throws IllegalArgumentException if an argument cannot be converted to JSON
     */
    static Payload ofArguments(Object... arguments) {
        return JsonPayload.encodeArguments(arguments);
    }
}
