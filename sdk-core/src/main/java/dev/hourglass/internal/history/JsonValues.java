package dev.hourglass.internal.history;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Equality, hashing and short descriptions of JSON payloads, with numbers compared by value.
 *
 * <p>Jackson's own {@link JsonNode#equals(Object)} tells {@code 5} held as an {@code int} from {@code 5}
 * held as a {@code long}, although both are written as the same JSON text and read back as the same node.
 * History equality must survive a trip through JSON, so here numbers are compared by the value their
 * JSON text denotes:
 *
 * <ul>
 *   <li>an integral number denotes its integer, whatever its Java type;
 *   <li>a decimal ({@code BigDecimal}) node denotes its exact value;
 *   <li>a {@code double} or {@code float} node denotes the decimal that {@link HistoryJsonCodec} writes for it
 *       (the shortest that identifies it), which is what reading its JSON text back gives;
 * </ul>
 *
 * <p>and two numbers are equal when they denote the same value, whatever their scale: {@code 5} equals
 * {@code 5.0} and {@code 420.00} equals {@code 420}; {@code -0.0} equals {@code 0}, and {@code NaN} equals
 * {@code NaN}.
 *
 * <p>Objects are equal when they have the same field names with equivalent values, in any order; arrays
 * when they have equivalent elements in the same order; other nodes as Jackson compares them.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonValues {

    private static final int MAX_DESCRIBED_LENGTH = 60;

    private JsonValues() {}

    /**
     * Returns whether two JSON values are equal under the rules in the class comment.
     *
     * @param a a value; never {@code null}
     * @param b a value; never {@code null}
     * @return whether they are equivalent
     */
    public static boolean equivalent(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a.isNumber() && b.isNumber()) {
            return numbersEqual(a, b);
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                JsonNode other = b.get(field.getKey());
                if (other == null || !equivalent(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            while (left.hasNext()) {
                if (!equivalent(left.next(), right.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Returns a hash code consistent with {@link #equivalent(JsonNode, JsonNode)}.
     *
     * @param node a value; never {@code null}
     * @return its hash code
     */
    public static int hash(JsonNode node) {
        if (node.isNumber()) {
            double value = canonicalDouble(node);
            if (value == 0.0) {
                return 0;
            }
            return Double.hashCode(value);
        }
        if (node.isObject()) {
            int hash = 1;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                hash += field.getKey().hashCode() ^ hash(field.getValue());
            }
            return hash;
        }
        if (node.isArray()) {
            int hash = 2;
            for (JsonNode element : node) {
                hash = 31 * hash + hash(element);
            }
            return hash;
        }
        return node.hashCode();
    }

    /**
     * Returns a short description of a value for error messages, such as {@code "abc" (a string)} or
     * {@code an array}.
     *
     * @param node a value; may be {@code null}, which is described as missing
     * @return the description; never {@code null}
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        switch (node.getNodeType()) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case NULL:
                return "null";
            case STRING:
                return shorten(node.toString()) + " (a string)";
            case NUMBER:
                return shorten(node.toString()) + " (a number)";
            case BOOLEAN:
                return node.toString() + " (a boolean)";
            default:
                return shorten(node.toString());
        }
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_DESCRIBED_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_DESCRIBED_LENGTH) + "…";
    }

    private static boolean numbersEqual(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            if (a.canConvertToLong() && b.canConvertToLong()) {
                return a.longValue() == b.longValue();
            }
            return a.bigIntegerValue().equals(b.bigIntegerValue());
        }
        if (a.isDouble() && b.isDouble()) {
            double left = a.doubleValue();
            double right = b.doubleValue();
            return left == right || (Double.isNaN(left) && Double.isNaN(right));
        }
        BigDecimal left = exactValue(a);
        BigDecimal right = exactValue(b);
        if (left == null || right == null) {
            // At least one is NaN or infinite: compare as doubles, NaN equal to NaN.
            return Double.compare(canonicalDouble(a), canonicalDouble(b)) == 0;
        }
        return left.compareTo(right) == 0;
    }

    /** The exact value a number's JSON text denotes, or {@code null} for NaN and the infinities. */
    private static BigDecimal exactValue(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.canConvertToLong() ? BigDecimal.valueOf(number.longValue())
                    : new BigDecimal(number.bigIntegerValue());
        }
        if (number.isBigDecimal()) {
            return number.decimalValue();
        }
        double value = canonicalDouble(number);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return CanonicalNodeFactory.decimal(value);
    }

    /** The {@code double} that reading this number's JSON text back produces. */
    private static double canonicalDouble(JsonNode number) {
        if (number.isFloat()) {
            float value = number.floatValue();
            if (Float.isNaN(value) || Float.isInfinite(value)) {
                return value;
            }
            // The same shortest-decimal conversion HistoryJsonCodec's writer uses (USE_FAST_DOUBLE_WRITER).
            return Double.parseDouble(NumberOutput.toString(value, true));
        }
        return number.doubleValue();
    }
}
