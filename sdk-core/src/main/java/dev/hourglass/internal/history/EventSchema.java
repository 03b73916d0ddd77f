package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The attributes of one event type, declared once: their JSON names and types, which are required, how each
 * reads from its record, and the role each plays in replay and in text. The JSON codec, the event describer
 * and the replay matcher all work from these declarations ({@link EventSchemas} holds one per event type)
 * instead of looking attributes up by name.
 *
 * @param <A> the attribute record
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EventSchema<A extends EventAttributes> {

    /** What kind of value an attribute holds: its Java and JSON types. */
    public enum Kind {
        /** An identifier ({@code activityId}, {@code runId}…): a string or {@code null}. */
        ID("a JSON string (or null)"),
        /** A name ({@code activityType}, {@code taskQueue}, {@code signalName}…): a string or {@code null}. */
        NAME("a JSON string (or null)"),
        /** Free text ({@code reason}): a string or {@code null}. */
        TEXT("a JSON string (or null)"),
        /** A count that is always there ({@code attempt} of a started activity): an {@code int}. */
        COUNT("an integer"),
        /** A count that may be unknown ({@code attempt} of a failed activity): an {@code Integer} or {@code null}. */
        INTEGER("an integer (or null)"),
        /** A {@code Duration}, written as integer milliseconds under a name ending in {@code Millis}. */
        MILLIS("an integer (or null)"),
        /** Arguments ({@code input}): a JSON array, never {@code null}. */
        ARGUMENTS("a JSON array with one element per argument (use [] for none)"),
        /** Any JSON value ({@code result}, {@code details}). */
        VALUE("any JSON value"),
        /** A failure object, or {@code null}. */
        FAILURE("a JSON object (or null)"),
        /** A retry policy object, or {@code null}; a {@link RetryPolicy} in Java. */
        RETRY_POLICY("a JSON object (or null)"),
        /** A {@link TimeoutType} name, or {@code null}. */
        TIMEOUT_TYPE("one of " + names(TimeoutType.values()) + " (or null)"),
        /** A {@link WorkflowIdReusePolicy} name, or {@code null}. */
        REUSE_POLICY("one of " + names(WorkflowIdReusePolicy.values()) + " (or null)"),
        /** An {@link ActivityCancellationType} name, or {@code null}. */
        CANCELLATION_TYPE("one of " + names(ActivityCancellationType.values()) + " (or null)"),
        /** A {@link ChildWorkflowCancellationType} name, or {@code null}. */
        CHILD_CANCELLATION_TYPE("one of " + names(ChildWorkflowCancellationType.values()) + " (or null)"),
        /** A flag that is written only when set: {@code true}, or absent ({@code null}) for false. */
        FLAG("true or false (or null)"),
        /** Search attributes: an object of name to {@code {"type", "value"}}; {@code SearchAttributes} in Java. */
        SEARCH_ATTRIBUTES("a JSON object of name to {\"type\": ..., \"value\": ...} (or null)"),
        /** Search attribute updates, a {@code null} value for a removal; a list of {@code SearchAttributeUpdate}. */
        SEARCH_ATTRIBUTE_UPDATES("a JSON object of name to {\"type\": ..., \"value\": ... or null}"),
        /** Memo updates: a JSON object of key to payload, {@code null} removing the key; a {@code Payload} in Java. */
        MEMO_UPDATES("a JSON object of key to value (null removes the key)");

        private final String expectation;

        Kind(String expectation) {
            this.expectation = expectation;
        }

        /** What a value of this kind must look like in JSON, for error messages. */
        public String expectation() {
            return expectation;
        }

        private static String names(Enum<?>[] constants) {
            return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    /** One attribute: its JSON name, kind, whether it is required, and its roles. */
    public static final class Field<A> {
        private final String name;
        private final Kind kind;
        private final boolean required;
        private final Function<A, Object> getter;
        private boolean identity;
        private Function<A, Object> identityGetter;
        private boolean detail;
        private boolean summary;

        private Field(String name, Kind kind, boolean required, Function<A, Object> getter) {
            this.name = name;
            this.kind = kind;
            this.required = required;
            this.getter = getter;
        }

        /** The attribute's name in JSON. */
        public String name() {
            return name;
        }

        /** The name shown in text: the JSON name without a {@code Millis} suffix. */
        public String label() {
            return kind == Kind.MILLIS && name.endsWith("Millis") ? name.substring(0, name.length() - 6) : name;
        }

        public Kind kind() {
            return kind;
        }

        /** Whether the attribute must be present in JSON (its value may still be {@code null}). */
        public boolean isRequired() {
            return required;
        }

        /** Whether replay requires the code's command to have the recorded value (a different one is nondeterminism). */
        public boolean isIdentity() {
            return identity;
        }

        /**
         * What replay requires to be the same when the field is an identity: the value itself, or the part of it that
         * identifies the command (the names of search attribute updates, whose values are details).
         */
        public Object identityValue(A attributes) {
            return identityGetter != null ? identityGetter.apply(attributes) : getter.apply(attributes);
        }

        /** Whether replay compares the value and reports a difference as a warning (a failure when strict). */
        public boolean isDetail() {
            return detail;
        }

        /** Whether the one-line summary of an event shows the attribute. */
        public boolean isSummary() {
            return summary;
        }

        /**
         * The attribute's value in {@code attributes}: a String, Integer, Duration, Payload, RetryPolicy, enum,
         * SearchAttributes or list of SearchAttributeUpdate.
         */
        public Object get(A attributes) {
            return getter.apply(attributes);
        }
    }

    private final EventType type;
    private final Class<A> recordType;
    private final List<Field<A>> fields;
    private final Function<Object[], A> constructor;

    private EventSchema(EventType type, Class<A> recordType, List<Field<A>> fields, Function<Object[], A> constructor) {
        this.type = type;
        this.recordType = recordType;
        this.fields = Collections.unmodifiableList(fields);
        this.constructor = constructor;
    }

    /** The schema of an event type; never {@code null}. */
    public static EventSchema<? extends EventAttributes> of(EventType type) {
        return EventSchemas.of(type);
    }

    /** The schema of the type of {@code attributes}; never {@code null}. */
    @SuppressWarnings("unchecked")
    public static <A extends EventAttributes> EventSchema<A> of(A attributes) {
        return (EventSchema<A>) EventSchemas.of(attributes.eventType());
    }

    public EventType type() {
        return type;
    }

    public Class<A> recordType() {
        return recordType;
    }

    /** The attributes in the order they are written. */
    public List<Field<A>> fields() {
        return fields;
    }

    /** The field of a JSON name, or {@code null}. */
    public Field<A> field(String name) {
        for (Field<A> field : fields) {
            if (field.name.equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** Creates the record from one value per field, in field order ({@code null} for an absent attribute). */
    public A create(Object[] values) {
        return constructor.apply(values);
    }

    /** The attributes as a JSON object, fields in order; an absent optional attribute is left out. */
    public ObjectNode toJson(A attributes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Field<A> field : fields) {
            Object value = field.get(attributes);
            if (value != null || field.required) {
                node.set(field.name, write(field.kind, value));
            }
        }
        return node;
    }

    /** The JSON form of a value of a kind. */
    static JsonNode write(Kind kind, Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (kind) {
            case ID:
            case NAME:
            case TEXT:
                return nodes.textNode((String) value);
            case COUNT:
            case INTEGER:
                return nodes.numberNode((Integer) value);
            case MILLIS:
                return nodes.numberNode(((Duration) value).toMillis());
            case TIMEOUT_TYPE:
            case REUSE_POLICY:
            case CANCELLATION_TYPE:
            case CHILD_CANCELLATION_TYPE:
                return nodes.textNode(((Enum<?>) value).name());
            case RETRY_POLICY:
                return retryPolicyJson((RetryPolicy) value);
            case FLAG:
                return nodes.booleanNode((Boolean) value);
            case SEARCH_ATTRIBUTES:
                return SearchAttributesJson.toJson((dev.hourglass.common.SearchAttributes) value);
            case SEARCH_ATTRIBUTE_UPDATES:
                return SearchAttributesJson.updatesToJson(searchAttributeUpdates(value));
            default:
                return JsonPayload.node((dev.hourglass.history.Payload) value);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<dev.hourglass.common.SearchAttributeUpdate<?>> searchAttributeUpdates(Object value) {
        return (List<dev.hourglass.common.SearchAttributeUpdate<?>>) value;
    }

    private static ObjectNode retryPolicyJson(RetryPolicy policy) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("initialIntervalMillis", policy.getInitialInterval().toMillis());
        node.put("backoffCoefficient", policy.getBackoffCoefficient());
        node.put("maximumIntervalMillis", policy.getMaximumInterval().toMillis());
        node.put("maximumAttempts", policy.getMaximumAttempts());
        ArrayNode doNotRetry = node.putArray("doNotRetry");
        policy.getDoNotRetry().forEach(doNotRetry::add);
        return node;
    }

    /** Declares the schema of one event type, field by field. */
    static final class Builder<A extends EventAttributes> {
        private final EventType type;
        private final Class<A> recordType;
        private final List<Field<A>> fields = new ArrayList<>();

        Builder(EventType type, Class<A> recordType) {
            this.type = type;
            this.recordType = recordType;
        }

        Builder<A> required(Kind kind, String name, Function<A, Object> getter) {
            fields.add(new Field<>(name, kind, true, getter));
            return this;
        }

        Builder<A> optional(Kind kind, String name, Function<A, Object> getter) {
            fields.add(new Field<>(name, kind, false, getter));
            return this;
        }

        /** The last field identifies the command: replay requires the same value. */
        Builder<A> identity() {
            last().identity = true;
            return this;
        }

        /**
         * The part {@code identity} of the last field identifies the command (replay requires the same), and the
         * whole value is a detail (replay warns of a difference).
         */
        Builder<A> identityBy(Function<A, Object> identity) {
            last().identity = true;
            last().identityGetter = identity;
            last().detail = true;
            return this;
        }

        /** Replay compares the last field and warns of a difference. */
        Builder<A> detail() {
            last().detail = true;
            return this;
        }

        /** The one-line summary shows the last field. */
        Builder<A> summary() {
            last().summary = true;
            return this;
        }

        EventSchema<A> build(Function<Object[], A> constructor) {
            return new EventSchema<>(type, recordType, new ArrayList<>(fields), constructor);
        }

        private Field<A> last() {
            return fields.get(fields.size() - 1);
        }
    }
}
