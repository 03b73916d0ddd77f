package dev.hourglass.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.internal.history.CanonicalNodeFactory;
import dev.hourglass.internal.history.EncodedPayloads;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.history.JsonPayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payload codecs of a client or worker, applied to the JSON of one value at a time.
 *
 * <p>An encoded value is recorded as the object {@code {"encoding": "hourglass/encoded", "codecs": [names in
 * the order applied], "data": "<base64 of the encoded bytes>"}}; the bytes the first codec gets are the value's
 * compact UTF-8 JSON. Whether or not codecs are configured, a reader recognises such an object and decodes it,
 * or fails with a {@link PayloadCodecException} naming the codec it lacks.
 */
public final class PayloadCodecChain {

    /** The value of the {@code encoding} field that marks an encoded payload. */
    public static final String ENCODING = EncodedPayloads.ENCODING;

    private static final PayloadCodecChain NONE = new PayloadCodecChain(List.of());

    private final List<PayloadCodec> codecs;

    private PayloadCodecChain(List<PayloadCodec> codecs) {
        this.codecs = codecs;
    }

    /** The chain of no codec: it encodes nothing and decodes nothing. */
    public static PayloadCodecChain none() {
        return NONE;
    }

    /**
     * The chain of {@code codecs}, applied in order to encode.
     *
     * @throws IllegalArgumentException if a codec is {@code null} or its name is blank or holds a comma
     */
    public static PayloadCodecChain of(List<? extends PayloadCodec> codecs) {
        Objects.requireNonNull(codecs, "codecs");
        if (codecs.isEmpty()) {
            return NONE;
        }
        List<PayloadCodec> copy = new ArrayList<>();
        for (PayloadCodec codec : codecs) {
            copy.add(checked(codec));
        }
        return new PayloadCodecChain(List.copyOf(copy));
    }

    /** Checks a codec's name, which every encoded payload records. */
    public static PayloadCodec checked(PayloadCodec codec) {
        if (codec == null) {
            throw new IllegalArgumentException("a payload codec is null: pass the codecs to apply, in order");
        }
        String name = codec.name();
        if (name == null || name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("the payload codec " + codec.getClass().getName() + " is named "
                    + (name == null ? "null" : "'" + name + "'") + ": a codec's name is recorded with every payload"
                    + " it encodes and must be a non-blank text without commas, such as \"gzip\"");
        }
        return codec;
    }

    /** The codecs, in the order they encode. */
    public List<PayloadCodec> codecs() {
        return codecs;
    }

    /** Whether there is no codec, so that values are recorded as plain JSON. */
    public boolean isEmpty() {
        return codecs.isEmpty();
    }

    /** Encodes the JSON of one value; with no codec, returns it as it is. */
    public JsonNode encode(JsonNode value) {
        if (codecs.isEmpty()) {
            return value;
        }
        byte[] data = JsonPayload.of(value).toJson().getBytes(StandardCharsets.UTF_8);
        ArrayNode names = CanonicalNodeFactory.INSTANCE.arrayNode();
        for (PayloadCodec codec : codecs) {
            String name = codec.name();
            try {
                data = Objects.requireNonNull(codec.encode(data), "the encoded bytes");
            } catch (PayloadCodecException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PayloadCodecException(name, "cannot encode a payload with the codec " + name + " ("
                        + codec.getClass().getName() + "): " + e + ". Fix the codec", e);
            }
            names.add(name);
        }
        ObjectNode envelope = CanonicalNodeFactory.INSTANCE.objectNode();
        envelope.put("encoding", ENCODING);
        envelope.set("codecs", names);
        envelope.put("data", Base64.getEncoder().encodeToString(data));
        return envelope;
    }

    /** Whether {@code node} is an encoded payload. */
    public static boolean isEncoded(JsonNode node) {
        return EncodedPayloads.isEncoded(node);
    }

    /** The codecs an encoded payload names, in the order they were applied, such as {@code gzip,aes-gcm(k1)}. */
    public static String codecNames(JsonNode encoded) {
        return EncodedPayloads.codecNames(encoded);
    }

    /**
     * Decodes an encoded payload to the JSON of its value; returns any other node as it is.
     *
     * @throws PayloadCodecException if a codec it names is not in this chain or fails to decode it
     * @throws DataConverterException if the object is not a well-formed encoded payload
     */
    public JsonNode decode(JsonNode node) {
        if (!isEncoded(node)) {
            return node;
        }
        JsonNode names = node.get("codecs");
        JsonNode text = node.get("data");
        if (names == null || !names.isArray() || text == null || !text.isTextual()) {
            throw new DataConverterException("cannot decode an encoded payload: it needs a \"codecs\" array and a"
                    + " \"data\" string beside \"encoding\": \"" + ENCODING + "\", but is "
                    + EventText.json(node) + ". The history was altered", null);
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text.textValue());
        } catch (IllegalArgumentException e) {
            throw new DataConverterException("cannot decode an encoded payload: its data is not Base64 ("
                    + e.getMessage() + "). The history was altered", e);
        }
        for (int i = names.size() - 1; i >= 0; i--) {
            data = decodeWith(names.get(i).asText(), codecNames(node), data);
        }
        String json = new String(data, StandardCharsets.UTF_8);
        try {
            return JsonPayload.parse(json).node();
        } catch (IllegalArgumentException e) {
            throw new PayloadCodecException(names.get(0).asText(), "a payload encoded with " + codecNames(node)
                    + " decodes to bytes that are not one JSON value (" + e.getMessage() + "): a codec does not"
                    + " give back the bytes it encoded. Fix the codec", e);
        }
    }

    /** Whether this chain has a codec for each codec that {@code encoded} names. */
    public boolean decodes(JsonNode encoded) {
        for (JsonNode name : encoded.path("codecs")) {
            if (codecs.stream().noneMatch(codec -> codec.decodes(name.asText()))) {
                return false;
            }
        }
        return true;
    }

    private byte[] decodeWith(String name, String all, byte[] data) {
        for (PayloadCodec codec : codecs) {
            if (codec.decodes(name)) {
                try {
                    return Objects.requireNonNull(codec.decode(data), "the decoded bytes");
                } catch (PayloadCodecException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new PayloadCodecException(name, "cannot decode a payload encoded with " + all + ": the"
                            + " codec " + name + " (" + codec.getClass().getName() + ") failed: " + e, e);
                }
            }
        }
        List<String> configured = new ArrayList<>();
        codecs.forEach(codec -> configured.add(codec.name()));
        throw new PayloadCodecException(name, "cannot decode a payload encoded with " + all + ": no codec for "
                + name + " is configured (" + (configured.isEmpty() ? "there are no payload codecs"
                        : "the codecs are " + String.join(",", configured)) + "). Give the same codecs (and keys)"
                + " as the writers to WorkflowClientOptions.setPayloadCodecs, whose workers share them, and to"
                + " whatever reads these histories (WorkflowReplayer, ReplayGate, hourglass --codec)", null);
    }

    /**
     * Returns {@code node} with every encoded payload inside it (at any depth: an argument of an array, the
     * details of a failure) replaced by its decoded JSON; {@code node} itself if it holds none.
     *
     * @param skipUndecodable whether a payload that names a codec this chain lacks stays as it is instead of
     *     throwing; one that a codec of the chain fails to decode (a wrong key, altered data) throws either way
     * @throws PayloadCodecException if a payload cannot be decoded
     */
    public JsonNode decodeAll(JsonNode node, boolean skipUndecodable) {
        if (node == null || !node.isContainerNode()) {
            return node;
        }
        if (isEncoded(node)) {
            return skipUndecodable && !decodes(node) ? node : decode(node);
        }
        JsonNode copy = null;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode decoded = decodeAll(node.get(i), skipUndecodable);
                if (decoded != node.get(i)) {
                    copy = copy == null ? node.deepCopy() : copy;
                    ((ArrayNode) copy).set(i, decoded);
                }
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode decoded = decodeAll(field.getValue(), skipUndecodable);
                if (decoded != field.getValue()) {
                    copy = copy == null ? node.deepCopy() : copy;
                    ((ObjectNode) copy).set(field.getKey(), decoded);
                }
            }
        }
        return copy == null ? node : copy;
    }

    @Override
    public String toString() {
        return codecs.toString();
    }
}
