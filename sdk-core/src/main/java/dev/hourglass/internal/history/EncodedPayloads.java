package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recognises and shows encoded payloads: objects of the reserved shape {@code {"encoding": "hourglass/encoded",
 * "codecs": [...], "data": "..."}} that payload codecs write in place of a value.
 */
public final class EncodedPayloads {

    /** The value of the {@code encoding} field that marks an encoded payload. */
    public static final String ENCODING = "hourglass/encoded";

    private EncodedPayloads() {
    }

    /** Whether {@code node} is an encoded payload. */
    public static boolean isEncoded(JsonNode node) {
        return node != null && node.isObject() && ENCODING.equals(node.path("encoding").textValue());
    }

    /** The codecs an encoded payload names, in the order they were applied, such as {@code gzip,aes-gcm(k1)}. */
    public static String codecNames(JsonNode encoded) {
        List<String> names = new ArrayList<>();
        encoded.path("codecs").forEach(name -> names.add(name.asText()));
        return String.join(",", names);
    }

    /** Whether {@code node} holds an encoded payload at any depth. */
    public static boolean containsEncoded(JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return false;
        }
        if (isEncoded(node)) {
            return true;
        }
        for (JsonNode child : node) {
            if (containsEncoded(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compact JSON of {@code node} with each encoded payload in it written as {@code <encoded with NAMES>}
     * instead of its data: {@code ["alice",<encoded with aes-gcm(k1)>]}; a payload that is itself encoded is
     * written {@code encoded with NAMES}.
     */
    public static String show(JsonNode node) {
        if (isEncoded(node)) {
            return "encoded with " + codecNames(node);
        }
        StringBuilder out = new StringBuilder();
        append(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode node) {
        if (isEncoded(node)) {
            out.append("<encoded with ").append(codecNames(node)).append('>');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                append(out, node.get(i));
            }
            out.append(']');
        } else if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.append(first ? "" : ",").append(TextNode.valueOf(field.getKey())).append(':');
                append(out, field.getValue());
                first = false;
            }
            out.append('}');
        } else {
            out.append(node);
        }
    }
}
