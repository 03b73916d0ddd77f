package dev.hourglass.internal.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.PayloadConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The {@link Payload} of Hourglass: a JSON tree, which the engine reads and writes without converting it to
 * text. The tree is never modified once wrapped.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonPayload implements Payload {

    private static final JsonPayload NULL = new JsonPayload(NullNode.getInstance());

    private final JsonNode node;

    private JsonPayload(JsonNode node) {
        this.node = node;
    }

    /** Wraps a tree that nobody modifies afterwards; {@code null} gives the payload of JSON {@code null}. */
    public static JsonPayload of(JsonNode node) {
        return node == null || node.isNull() ? NULL : new JsonPayload(node);
    }

    /** Wraps a tree like {@link #of(JsonNode)}; {@code null} stays {@code null} (an absent attribute). */
    public static JsonPayload ofNullable(JsonNode node) {
        return node == null ? null : of(node);
    }

    /** The tree of any payload: its own for ours, else the parsed JSON text; {@code null} for {@code null}. */
    public static JsonNode node(Payload payload) {
        if (payload == null) {
            return null;
        }
        if (payload instanceof JsonPayload) {
            return ((JsonPayload) payload).node;
        }
        return parse(payload.toJson()).node;
    }

    /** The JSON array of an {@code input} payload; an empty array if it holds another value. */
    public static ArrayNode array(Payload payload) {
        JsonNode node = node(payload);
        return node instanceof ArrayNode ? (ArrayNode) node : HistoryJsonCodec.MAPPER.getNodeFactory().arrayNode();
    }

    /** Reads one JSON value. */
    public static JsonPayload parse(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = HistoryJsonCodec.MAPPER.createParser(json)) {
            JsonNode node = HistoryJsonCodec.MAPPER.readTree(CanonicalNodeFactory.exactNumbers(parser));
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("the text holds no JSON value");
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON value: there is more text after the first value");
            }
            return of(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not one JSON value: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // Reading from a String does no I/O; kept for the checked signature.
            throw new UncheckedIOException(e);
        }
    }

    /** Converts a Java value with the default data converter. */
    public static JsonPayload encode(Object value) {
        return of(PayloadConverter.getDefault().toJson(value));
    }

    /** Converts arguments to a JSON array with the default data converter. */
    public static JsonPayload encodeArguments(Object... arguments) {
        return new JsonPayload(PayloadConverter.getDefault().toJsonArray(arguments));
    }

    /** The tree, which the caller must not modify. */
    public JsonNode node() {
        return node;
    }

    @Override
    public String toJson() {
        return HistoryJsonCodec.toJson(node);
    }

    @Override
    public <T> T decode(Class<T> type) {
        return decode(type, type);
    }

    @Override
    public <T> T decode(Class<T> type, Type genericType) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(genericType, "genericType");
        return PayloadConverter.getDefault().fromJson(node, type, genericType);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Payload)) {
            return false;
        }
        return JsonValues.equivalent(node, node((Payload) other));
    }

    @Override
    public int hashCode() {
        return JsonValues.hash(node);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
