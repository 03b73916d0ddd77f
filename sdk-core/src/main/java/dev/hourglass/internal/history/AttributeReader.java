package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.internal.history.EventSchema.Field;
import dev.hourglass.internal.history.EventSchema.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the {@code attributes} object of one event into its record, checking each attribute against the
 * event type's {@link EventSchema}: required attributes are present, and each value has its kind's JSON type.
 * Attributes the schema does not know are kept aside, in their order.
 */
final class AttributeReader {

    /** The record, and the attributes the schema does not know (an empty object when there are none). */
    record Result(EventAttributes attributes, ObjectNode unknown) {
    }

    private final Function<String, HistoryFormatException> fail;

    /** {@code fail} turns a problem into the exception that names the source and the event. */
    AttributeReader(Function<String, HistoryFormatException> fail) {
        this.fail = fail;
    }

    Result read(EventType type, ObjectNode json) {
        return read(EventSchema.of(type), json);
    }

    private <A extends EventAttributes> Result read(EventSchema<A> schema, ObjectNode json) {
        List<Field<A>> fields = schema.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Field<A> field = fields.get(i);
            JsonNode value = json.get(field.name());
            if (value == null) {
                if (field.isRequired()) {
                    throw fail.apply("required attribute '" + field.name() + "' is missing; " + schema.type()
                            + " requires " + String.join(", ", schema.type().requiredAttributes()));
                }
                continue;
            }
            values[i] = value(field, value);
        }
        ObjectNode unknown = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> attribute : json.properties()) {
            if (schema.field(attribute.getKey()) == null) {
                unknown.set(attribute.getKey(), attribute.getValue());
            }
        }
        return new Result(schema.create(values), unknown);
    }

    /** The Java value of a present attribute, or the rejection of a value of the wrong kind. */
    private Object value(Field<?> field, JsonNode value) {
        Kind kind = field.kind();
        if (value.isNull() && kind != Kind.ARGUMENTS && kind != Kind.COUNT && kind != Kind.SEARCH_ATTRIBUTE_UPDATES
                && kind != Kind.MEMO_UPDATES) {
            return kind == Kind.VALUE ? JsonPayload.of(value) : null;
        }
        switch (kind) {
            case ID:
            case NAME:
            case TEXT:
                return value.isTextual() ? value.textValue() : wrongKind(field, value);
            case COUNT:
            case INTEGER:
                return value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()
                        ? (Object) value.intValue() : wrongKind(field, value);
            case MILLIS:
                return value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()
                        ? (Object) Duration.ofMillis(value.longValue()) : wrongKind(field, value);
            case ARGUMENTS:
                return value.isArray() ? JsonPayload.of(value) : wrongKind(field, value);
            case FAILURE:
            case MEMO_UPDATES:
                return value.isObject() ? JsonPayload.of(value) : wrongKind(field, value);
            case RETRY_POLICY:
                return value.isObject() ? retryPolicy(field, value) : wrongKind(field, value);
            case TIMEOUT_TYPE:
                return constant(TimeoutType.class, field, value);
            case REUSE_POLICY:
                return constant(WorkflowIdReusePolicy.class, field, value);
            case CANCELLATION_TYPE:
                return constant(ActivityCancellationType.class, field, value);
            case CHILD_CANCELLATION_TYPE:
                return constant(ChildWorkflowCancellationType.class, field, value);
            case FLAG:
                return value.isBoolean() ? (Object) value.booleanValue() : wrongKind(field, value);
            case SEARCH_ATTRIBUTES:
            case SEARCH_ATTRIBUTE_UPDATES:
                return searchAttributes(field, value);
            default:
                return JsonPayload.of(value);
        }
    }

    private Object searchAttributes(Field<?> field, JsonNode value) {
        if (!value.isObject()) {
            return wrongKind(field, value);
        }
        try {
            return field.kind() == Kind.SEARCH_ATTRIBUTES ? SearchAttributesJson.fromJson(value)
                    : SearchAttributesJson.updatesFromJson(value);
        } catch (IllegalArgumentException e) {
            throw fail.apply("attribute '" + field.name() + "' is not valid: " + e.getMessage()
                    + "; expected search attributes as docs/history-format.md describes");
        }
    }

    private <E extends Enum<E>> E constant(Class<E> type, Field<?> field, JsonNode value) {
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
        }
        return wrongKind(field, value);
    }

    private RetryPolicy retryPolicy(Field<?> field, JsonNode node) {
        try {
            RetryPolicy.Builder builder = RetryPolicy.newBuilder()
                    .setInitialInterval(Duration.ofMillis(integer(node, "initialIntervalMillis", 1000, Long.MAX_VALUE)))
                    .setBackoffCoefficient(number(node, "backoffCoefficient", 2.0))
                    .setMaximumAttempts((int) integer(node, "maximumAttempts", 0, Integer.MAX_VALUE));
            if (node.hasNonNull("maximumIntervalMillis")) {
                builder.setMaximumInterval(
                        Duration.ofMillis(integer(node, "maximumIntervalMillis", 0, Long.MAX_VALUE)));
            }
            JsonNode doNotRetry = node.path("doNotRetry");
            if (!doNotRetry.isMissingNode() && !doNotRetry.isNull() && !doNotRetry.isArray()) {
                throw new IllegalArgumentException("doNotRetry is " + JsonValues.describe(doNotRetry)
                        + ", not an array of failure types");
            }
            String[] types = new String[doNotRetry.size()];
            for (int i = 0; i < types.length; i++) {
                if (!doNotRetry.get(i).isTextual()) {
                    throw new IllegalArgumentException("doNotRetry[" + i + "] is "
                            + JsonValues.describe(doNotRetry.get(i)) + ", not a failure type");
                }
                types[i] = doNotRetry.get(i).textValue();
            }
            return builder.setDoNotRetry(types).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw fail.apply("attribute '" + field.name() + "' is not a valid retry policy: " + e.getMessage()
                    + "; expected initialIntervalMillis, backoffCoefficient, maximumIntervalMillis, maximumAttempts"
                    + " and doNotRetry as docs/history-format.md describes");
        }
    }

    /** A field of a retry policy that must be a whole number from 0 to {@code max}; {@code absent} if missing. */
    private static long integer(JsonNode policy, String name, long absent, long max) {
        JsonNode value = policy.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()
                || value.longValue() < 0 || value.longValue() > max) {
            throw new IllegalArgumentException(name + " is " + JsonValues.describe(value) + ", not "
                    + (max == Integer.MAX_VALUE ? "a whole number from 0 to " + max
                            : "a whole number of milliseconds, 0 or more"));
        }
        return value.longValue();
    }

    private static double number(JsonNode policy, String name, double absent) {
        JsonNode value = policy.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " is " + JsonValues.describe(value) + ", not a number");
        }
        return value.doubleValue();
    }

    private <T> T wrongKind(Field<?> field, JsonNode value) {
        throw fail.apply("attribute '" + field.name() + "' is " + JsonValues.describe(value) + "; expected "
                + field.kind().expectation());
    }
}
