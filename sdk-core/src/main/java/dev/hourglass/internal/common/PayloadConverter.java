package dev.hourglass.internal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.hourglass.common.DataConverter;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.internal.history.CanonicalNodeFactory;
import dev.hourglass.internal.history.JsonLimits;
import dev.hourglass.internal.history.JsonValues;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.List;
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

    private static final PayloadConverter DEFAULT = new PayloadConverter(DataConverter.getDefault(),
            PayloadCodecChain.none());

    private final DataConverter dataConverter;
    private final PayloadCodecChain codecs;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    /** Builds trees as reading their JSON back builds them, whatever the mapper's node factory. */
    private final ObjectReader treeReader;

    private PayloadConverter(DataConverter dataConverter, PayloadCodecChain codecs) {
        this.dataConverter = dataConverter;
        this.codecs = codecs;
        this.mapper = dataConverter.getObjectMapper();
        this.writer = mapper.writer().without(SerializationFeature.WRAP_ROOT_VALUE);
        this.treeReader = mapper.reader().with(CanonicalNodeFactory.INSTANCE)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** Returns the converter of {@link DataConverter#getDefault()}. */
    public static PayloadConverter getDefault() {
        return DEFAULT;
    }

    /** Returns the converter of {@code dataConverter}; the shared one for the default. */
    public static PayloadConverter of(DataConverter dataConverter) {
        Objects.requireNonNull(dataConverter, "dataConverter");
        return dataConverter == DataConverter.getDefault() ? DEFAULT
                : new PayloadConverter(dataConverter, PayloadCodecChain.none());
    }

    /**
     * Returns the converter of {@code dataConverter} that records every value encoded with {@code codecs}, in
     * order; the converter of {@link #of(DataConverter)} if there is none.
     */
    public static PayloadConverter of(DataConverter dataConverter, List<? extends PayloadCodec> codecs) {
        PayloadCodecChain chain = PayloadCodecChain.of(codecs);
        return chain.isEmpty() ? of(dataConverter)
                : new PayloadConverter(Objects.requireNonNull(dataConverter, "dataConverter"), chain);
    }

    /** Returns the codecs this converter encodes with; an empty chain for plain JSON. */
    public PayloadCodecChain codecs() {
        return codecs;
    }

    /**
     * Returns {@code node} with the encoded payloads in it decoded, to compare or show values whatever their
     * encryption; a payload that names a codec this converter lacks stays as it is.
     */
    public JsonNode plain(JsonNode node) {
        return codecs.decodeAll(node, true);
    }

    /** Returns the public converter this one works for. */
    public DataConverter dataConverter() {
        return dataConverter;
    }

    /** Encodes one value; {@code null} becomes JSON {@code null}. */
    public JsonNode toJson(Object value) {
        return toJson(value, "a value");
    }

    /**
     * Encodes one value, such as {@code "the result of activity withdraw"} (named {@code what}); {@code null}
     * becomes JSON {@code null}.
     *
     * @throws DataConverterException if the value cannot be converted or a history could not hold it; the
     *     message names {@code what} and where in the value the problem is
     */
    public JsonNode toJson(Object value, String what) {
        return toJson(value, what, "");
    }

    /**
     * Encodes one value like {@link #toJson(Object, String)}, named {@code what + subject}, which is put
     * together only if the value is refused: {@code ("the result of activity ", "withdraw")} costs nothing on the
     * paths that run for every activity.
     */
    public JsonNode toJson(Object value, String what, String subject) {
        JsonNode plain;
        try {
            plain = encode(value);
        } catch (Unrecordable e) {
            throw new DataConverterException("cannot record " + what + subject + ": " + e.getMessage(),
                    e.getCause());
        }
        return codecs.encode(plain);
    }

    /** Encodes arguments as a JSON array, one element per argument. */
    public ArrayNode toJsonArray(Object[] values) {
        return toJsonArray(values, "pass arguments");
    }

    /**
     * Encodes arguments as a JSON array, one element per argument, for an action such as
     * {@code "start workflow Transfer (workflowId=transfer-1)"} (named {@code what}).
     *
     * @throws DataConverterException if an argument cannot be converted or a history could not hold it; the
     *     message names {@code what}, the argument's position and where in it the problem is
     */
    public ArrayNode toJsonArray(Object[] values, String what) {
        return toJsonArray(values, what, "");
    }

    /** Encodes arguments like {@link #toJsonArray(Object[], String)}, for the action {@code what + subject}. */
    public ArrayNode toJsonArray(Object[] values, String what, String subject) {
        ArrayNode array = CanonicalNodeFactory.INSTANCE.arrayNode();
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                JsonNode plain;
                try {
                    plain = encode(values[i]);
                } catch (Unrecordable e) {
                    throw new DataConverterException("cannot " + what + subject + ": argument " + (i + 1)
                            + " cannot be recorded: " + e.getMessage(), e.getCause());
                }
                array.add(codecs.encode(plain));
            }
        }
        return array;
    }

    /** A value that cannot become a payload; the message says why and where, without saying which value. */
    private static final class Unrecordable extends Exception {
        private static final long serialVersionUID = 1L;

        Unrecordable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private JsonNode encode(Object value) throws Unrecordable {
        if (value == null) {
            return NullNode.getInstance();
        }
        JsonNode scalar = scalarToJson(value);
        if (scalar != null) {
            return scalar;
        }
        TokenBuffer buffer = new TokenBuffer(mapper, false);
        try {
            writer.writeValue(new LimitedGenerator(buffer), value);
            return treeReader.readTree(buffer.asParser());
        } catch (StackOverflowError e) {
            throw tooDeep(value, e);
        } catch (IOException | IllegalArgumentException e) {
            // Jackson wraps what the generator throws in exceptions that name the path through the objects
            LimitedGenerator.Refused refused = cause(e, LimitedGenerator.Refused.class);
            if (refused != null) {
                throw new Unrecordable(refused.getOriginalMessage(), null);
            }
            if (cause(e, StackOverflowError.class) != null) {
                throw tooDeep(value, e);
            }
            throw new Unrecordable("a " + value.getClass().getName() + " cannot be converted to JSON: "
                    + oneLine(e.getMessage()), e);
        }
    }

    private static Unrecordable tooDeep(Object value, Throwable cause) {
        return new Unrecordable("a " + value.getClass().getName() + " nests too deeply to convert, or contains"
                + " itself (the conversion overflowed the stack). Pass a flatter value, and one that does not refer"
                + " back to itself", cause);
    }

    /** The first throwable of {@code type} in the cause chain of {@code failure}, or {@code null}. */
    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Decodes one value to the given type; JSON {@code null} or a missing node decode to {@code null}. */
    public <T> T fromJson(JsonNode node, Class<T> rawType, Type genericType) {
        return fromJson(node, rawType, genericType, "a value");
    }

    /**
     * Decodes one value, such as {@code "the result of activity withdraw"} (named {@code what}), to the given
     * type; JSON {@code null} or a missing node decode to {@code null} (to the type's own null value, such as an
     * empty {@code Optional}); a missing node decodes to zero for a primitive, and JSON {@code null} to none.
     *
     * @throws DataConverterException if the value does not fit the type; the message names {@code what}, the
     *     value and the type
     */
    public <T> T fromJson(JsonNode node, Class<T> rawType, Type genericType, String what) {
        return fromJson(node, rawType, genericType, what, "");
    }

    /**
     * Decodes one value like {@link #fromJson(JsonNode, Class, Type, String)}, named {@code what + subject},
     * which is put together only if the value does not fit.
     */
    @SuppressWarnings("unchecked")
    public <T> T fromJson(JsonNode node, Class<T> rawType, Type genericType, String what, String subject) {
        if (rawType == void.class || rawType == Void.class) {
            return null;
        }
        if (PayloadCodecChain.isEncoded(node)) {
            try {
                node = codecs.decode(node);
            } catch (PayloadCodecException e) {
                throw new PayloadCodecException(e.getCodecName(), "cannot decode " + what + subject + ": "
                        + e.getMessage(), e.getCause());
            }
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (rawType.isPrimitive() && node != null && node.isNull()) {
                Class<?> boxed = MethodType.methodType(rawType).wrap().returnType();
                throw cannotConvert(what + subject, node, rawType, "a" + (rawType == int.class ? "n " : " ") + rawType
                        + " cannot hold null; ask for " + boxed.getName() + " instead", null);
            }
            if (rawType.isPrimitive() || isNullAsIs(rawType)) { // an argument the history predates: zero
                return (T) Defaults.defaultValue(rawType);
            }
            node = NullNode.getInstance(); // the type's own null value: Optional.empty() for an Optional
        }
        Object scalar = scalarFromJson(node, rawType);
        if (scalar != null) {
            return (T) scalar;
        }
        Type type = genericType == null ? rawType : genericType;
        try {
            return mapper.convertValue(node, mapper.getTypeFactory().constructType(type));
        } catch (IllegalArgumentException e) {
            throw cannotConvert(what + subject, node, type, reason(e), e);
        } catch (StackOverflowError e) {
            throw cannotConvert(what + subject, node, type, "it nests too deeply to decode on this thread's stack",
                    e);
        }
    }

    /** Decodes a JSON array of arguments to the given parameter types; missing trailing values are null. */
    public Object[] fromJsonArray(JsonNode array, Class<?>[] rawTypes, Type[] genericTypes) {
        return fromJsonArray(array, rawTypes, genericTypes, "a method");
    }

    /**
     * Decodes a JSON array of the arguments of {@code what}, such as {@code "signal approve"}, to the given
     * parameter types; missing trailing values are null (zero for a primitive).
     *
     * @throws DataConverterException if an argument does not fit its parameter's type; the message names the
     *     argument, the value and the type
     */
    public Object[] fromJsonArray(JsonNode array, Class<?>[] rawTypes, Type[] genericTypes, String what) {
        return fromJsonArray(array, rawTypes, genericTypes, what, "");
    }

    /** Decodes arguments like {@link #fromJsonArray(JsonNode, Class[], Type[], String)} of {@code what + subject}. */
    public Object[] fromJsonArray(JsonNode array, Class<?>[] rawTypes, Type[] genericTypes, String what,
            String subject) {
        Object[] result = new Object[rawTypes.length];
        for (int i = 0; i < rawTypes.length; i++) {
            JsonNode element = array == null ? null : array.get(i);
            try {
                result[i] = fromJson(element, rawTypes[i], genericTypes[i], what, subject);
            } catch (PayloadCodecException e) {
                throw new PayloadCodecException(e.getCodecName(), e.getMessage().replaceFirst("^cannot decode ",
                        "cannot decode argument " + (i + 1) + " of "), e.getCause());
            } catch (DataConverterException e) {
                throw new DataConverterException(e.getMessage().replaceFirst("^cannot convert ",
                        "cannot convert argument " + (i + 1) + " of "), e.getCause());
            }
        }
        return result;
    }

    private static DataConverterException cannotConvert(String what, JsonNode node, Type type, String reason,
            Throwable cause) {
        String remedy = reason.contains("; ask for ") ? ""
                : ". Ask for, or declare, a type that holds the value as it was recorded (a history keeps the"
                        + " values of the executions that ran before a change of type)";
        return new DataConverterException("cannot convert " + what + ", " + describe(node) + ", to "
                + type.getTypeName() + ": " + reason + remedy, cause);
    }

    /** What Jackson said, without its location in a source that is a tree, not text. */
    private static String reason(IllegalArgumentException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause instanceof JsonProcessingException
                ? ((JsonProcessingException) cause).getOriginalMessage() : cause.getMessage();
        // Jackson's advice to enable a coercion is not for users of Hourglass
        return oneLine(message).replace(" (but could if coercion was enabled using `CoercionConfig`)", "");
    }

    /** A value for a message: scalars as {@link JsonValues#describe}, containers as their short JSON. */
    private static String describe(JsonNode node) {
        if (node.isContainerNode()) {
            return abbreviate(node) + (node.isObject() ? " (an object)" : " (an array)");
        }
        return JsonValues.describe(node);
    }

    /**
     * The node Jackson would build for a string, integer, long or boolean, without going through the mapper
     * (a hot path of every activity call); {@code null} for any other value.
     */
    private static JsonNode scalarToJson(Object value) {
        Class<?> type = value.getClass();
        if (type == String.class) {
            return ((String) value).length() > JsonLimits.MAX_STRING_LENGTH ? null : TextNode.valueOf((String) value);
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
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
