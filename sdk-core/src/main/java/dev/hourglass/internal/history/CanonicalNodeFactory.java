package dev.hourglass.internal.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apiguardian.api.API;

/**
 * Builds number nodes the way reading their JSON text back builds them, so that a payload is the same tree
 * whether it was just encoded from a Java value or read from a history: code that decodes it as {@code Object}
 * gets the same {@code Integer}, {@code Long}, {@code Double} or {@code BigDecimal} in a live run and in a
 * replay of the history read from JSON.
 *
 * <ul>
 *   <li>An integer is an {@code int} node if it fits, else a {@code long} node if it fits, else a big-integer
 *       node, whatever Java type it came from.
 *   <li>A {@code double} stays a {@code double} node; a {@code float} becomes the {@code double} node of its
 *       shortest decimal ({@code 0.1f} becomes {@code 0.1}), which is what its JSON text reads back as.
 *   <li>A {@code BigDecimal} keeps its exact value and scale ({@code 420.00} stays {@code 420.00}). It is a
 *       {@code double} node only when the {@code double} nearest to it is written with exactly its digits and
 *       scale (as {@code 0.5} is), which is what reading such text back gives; the data converter decodes such
 *       a node to that same {@code BigDecimal}.
 * </ul>
 *
 * <p>{@link #exactNumbers(JsonParser)} gives a parser that reads every JSON number with a fraction or an
 * exponent as its exact decimal, so that this factory sees the digits as they were written.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CanonicalNodeFactory extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    /** The shared factory; stateless. */
    public static final CanonicalNodeFactory INSTANCE = new CanonicalNodeFactory();

    private CanonicalNodeFactory() {
        super(true);
    }

    /**
     * Returns the digits a history writes for a {@code double}: the shortest decimal that identifies it, the
     * same on every JDK.
     *
     * @param value a finite value
     * @return the text, such as {@code 0.1} or {@code 1.0E20}
     */
    public static String text(double value) {
        return NumberOutput.toString(value, true);
    }

    /**
     * Returns the decimal a history's {@code double} denotes: that of its written digits.
     *
     * @param value a finite value
     * @return the exact decimal of {@link #text(double)}
     */
    public static BigDecimal decimal(double value) {
        return new BigDecimal(text(value));
    }

    /**
     * Wraps a parser so that every floating-point JSON number reaches the node factory as its exact decimal,
     * except negative zero, which only a {@code double} holds.
     *
     * @param parser the parser; never {@code null}
     * @return the wrapping parser; never {@code null}
     */
    public static JsonParser exactNumbers(JsonParser parser) {
        return new JsonParserDelegate(parser) {
            @Override
            public NumberTypeFP getNumberTypeFP() throws IOException {
                if (hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                    boolean negativeZero = getDecimalValue().signum() == 0 && getText().startsWith("-");
                    return negativeZero ? NumberTypeFP.DOUBLE64 : NumberTypeFP.BIG_DECIMAL;
                }
                return super.getNumberTypeFP();
            }
        };
    }

    @Override
    public NumericNode numberNode(byte value) {
        return IntNode.valueOf(value);
    }

    @Override
    public ValueNode numberNode(Byte value) {
        return value == null ? nullNode() : IntNode.valueOf(value);
    }

    @Override
    public NumericNode numberNode(short value) {
        return IntNode.valueOf(value);
    }

    @Override
    public ValueNode numberNode(Short value) {
        return value == null ? nullNode() : IntNode.valueOf(value);
    }

    @Override
    public NumericNode numberNode(long value) {
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    @Override
    public ValueNode numberNode(Long value) {
        return value == null ? nullNode() : numberNode(value.longValue());
    }

    @Override
    public ValueNode numberNode(BigInteger value) {
        if (value == null) {
            return nullNode();
        }
        return value.bitLength() < Long.SIZE ? numberNode(value.longValue()) : super.numberNode(value);
    }

    @Override
    public NumericNode numberNode(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return DoubleNode.valueOf(value);
        }
        return DoubleNode.valueOf(Double.parseDouble(NumberOutput.toString(value, true)));
    }

    @Override
    public ValueNode numberNode(Float value) {
        return value == null ? nullNode() : numberNode(value.floatValue());
    }

    @Override
    public ValueNode numberNode(BigDecimal value) {
        if (value == null) {
            return nullNode();
        }
        double nearest = value.doubleValue();
        if (!Double.isInfinite(nearest) && decimal(nearest).equals(value)) {
            return DoubleNode.valueOf(nearest);
        }
        return DecimalNode.valueOf(value);
    }
}
