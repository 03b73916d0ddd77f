package dev.hourglass.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates well-formed histories from a seed: the same seed always gives the same history.
 *
 * <p>After the first {@code WorkflowExecutionStarted} event, event types are random, except that no other event
 * starts the run and only the last may close it (as the reader requires); every event carries its
 * required attributes, sometimes {@code null} where the format allows it, its optional attributes a quarter of
 * the time, and sometimes attributes this version does not know. Payloads are arbitrary JSON (nested objects
 * and arrays, nulls, unicode strings, ints, longs, big integers, floats and doubles).
 */
final class RandomHistories {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String ALPHABET = "abcXYZ019 -_\"\\/\n\t\u0001éß中文\u2028";

    private RandomHistories() {}

    /** Returns the history for a seed. */
    static History generate(long seed) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(25);
        long epochSecond = random.nextInt(Integer.MAX_VALUE) * 2L;
        Instant time = Instant.ofEpochSecond(epochSecond, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        List<HistoryEvent> events = new ArrayList<>(size);
        for (int id = 1; id <= size; id++) {
            EventType type = id == 1 ? EventType.WorkflowExecutionStarted : laterType(random, id == size);
            events.add(new HistoryEvent(id, time, attributes(type, random), unknownAttributes(random)));
            time = time.plusMillis(random.nextInt(3) == 0 ? 0 : random.nextInt(100_000_000));
        }
        return new History(string(random), string(random), string(random), string(random), events);
    }

    /** A random type of an event after the first: never a start, and a closing one only if {@code last}. */
    private static EventType laterType(Random random, boolean last) {
        EventType type;
        do {
            type = EventType.values()[random.nextInt(EventType.values().length)];
        } while (type == EventType.WorkflowExecutionStarted || (type.isClosing() && !last));
        return type;
    }

    private static EventAttributes attributes(EventType type, Random random) {
        switch (type) {
            case WorkflowExecutionStarted:
                return new WorkflowExecutionStartedAttributes(id(random), id(random), input(random),
                        optional(random, () -> string(random)), optional(random, () -> string(random)),
                        optional(random, () -> string(random)), optional(random, () -> duration(random)),
                        optional(random, () -> string(random)), null, null, null,
                        optional(random, () -> searchAttributes(random)),
                        optional(random, () -> JsonPayload.of(NODES.objectNode().set("note", json(random, 2)))));
            case UpsertWorkflowSearchAttributes:
                List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
                searchAttributes(random).getUntypedValues().forEach((key, value) -> updates.add(
                        random.nextInt(4) == 0 ? SearchAttributeUpdate.valueUnset(key) : valueSet(key, value)));
                if (updates.isEmpty()) {
                    updates.add(SearchAttributeUpdate.valueUnset(SearchAttributeKey.forKeyword("Gone")));
                }
                return new UpsertWorkflowSearchAttributesAttributes(updates);
            case WorkflowPropertiesModified:
                ObjectNode memo = NODES.objectNode();
                memo.set("a" + random.nextInt(3), random.nextInt(4) == 0 ? NODES.nullNode() : json(random, 2));
                memo.set("b" + random.nextInt(3), json(random, 2));
                return new WorkflowPropertiesModifiedAttributes(JsonPayload.of(memo));
            case ActivityTaskScheduled:
                return new ActivityTaskScheduledAttributes(id(random), id(random), id(random), input(random),
                        optional(random, () -> duration(random)), optional(random, () -> duration(random)),
                        optional(random, () -> duration(random)), optional(random, () -> retryPolicy(random)));
            case ActivityTaskStarted:
                return new ActivityTaskStartedAttributes(id(random), count(random),
                        optional(random, () -> string(random)));
            case ActivityTaskCompleted:
                return new ActivityTaskCompletedAttributes(id(random), JsonPayload.of(json(random, 3)));
            case ActivityTaskFailed:
                return new ActivityTaskFailedAttributes(id(random), failure(random),
                        optional(random, () -> count(random)));
            case ActivityTaskTimedOut:
                return new ActivityTaskTimedOutAttributes(id(random),
                        nullable(random, () -> TimeoutType.values()[random.nextInt(TimeoutType.values().length)]),
                        optional(random, () -> failure(random)));
            case ActivityTaskCancelRequested:
                return new ActivityTaskCancelRequestedAttributes(id(random));
            case ActivityTaskCanceled:
                return new ActivityTaskCanceledAttributes(id(random),
                        optional(random, () -> JsonPayload.of(json(random, 3))));
            case TimerStarted:
                return new TimerStartedAttributes(id(random), duration(random),
                        optional(random, () -> string(random)));
            case TimerFired:
                return new TimerFiredAttributes(id(random));
            case TimerCanceled:
                return new TimerCanceledAttributes(id(random));
            case WorkflowExecutionSignaled:
                return new WorkflowExecutionSignaledAttributes(id(random), input(random),
                        optional(random, () -> string(random)), random.nextBoolean());
            case WorkflowExecutionUpdateAccepted:
                return new WorkflowExecutionUpdateAcceptedAttributes(string(random), string(random), input(random),
                        optional(random, () -> string(random)));
            case WorkflowExecutionUpdateCompleted:
                return new WorkflowExecutionUpdateCompletedAttributes(string(random), JsonPayload.of(json(random, 3)),
                        optional(random, () -> failure(random)));
            case MarkerRecorded:
                return new MarkerRecordedAttributes(id(random), id(random),
                        optional(random, () -> JsonPayload.of(json(random, 3))));
            case StartChildWorkflowExecutionInitiated:
                return new StartChildWorkflowExecutionInitiatedAttributes(id(random), id(random), id(random),
                        id(random), input(random), optional(random, () -> duration(random)),
                        optional(random, () -> WorkflowIdReusePolicy.values()[random.nextInt(
                                WorkflowIdReusePolicy.values().length)]),
                        optional(random, () -> searchAttributes(random)),
                        optional(random, () -> JsonPayload.of(NODES.objectNode().set("note", json(random, 2)))));
            case ChildWorkflowExecutionStarted:
                return new ChildWorkflowExecutionStartedAttributes(id(random), id(random), id(random));
            case ChildWorkflowExecutionCompleted:
                return new ChildWorkflowExecutionCompletedAttributes(id(random), JsonPayload.of(json(random, 3)));
            case ChildWorkflowExecutionFailed:
                return new ChildWorkflowExecutionFailedAttributes(id(random), failure(random),
                        optional(random, () -> string(random)));
            case ChildWorkflowExecutionCanceled:
                return new ChildWorkflowExecutionCanceledAttributes(id(random), optional(random, () -> string(random)));
            case RequestCancelChildWorkflowExecutionInitiated:
                return new RequestCancelChildWorkflowExecutionInitiatedAttributes(id(random),
                        ChildWorkflowCancellationType.values()[
                                random.nextInt(ChildWorkflowCancellationType.values().length)]);
            case ChildWorkflowExecutionCancelRequested:
                return new ChildWorkflowExecutionCancelRequestedAttributes(id(random),
                        optional(random, () -> string(random)));
            case WorkflowExecutionCancelRequested:
                return new WorkflowExecutionCancelRequestedAttributes(optional(random, () -> string(random)),
                        optional(random, () -> string(random)));
            case WorkflowExecutionCompleted:
                return new WorkflowExecutionCompletedAttributes(JsonPayload.of(json(random, 3)));
            case WorkflowExecutionFailed:
                return new WorkflowExecutionFailedAttributes(failure(random));
            case WorkflowExecutionCanceled:
                return new WorkflowExecutionCanceledAttributes();
            case WorkflowExecutionContinuedAsNew:
                return new WorkflowExecutionContinuedAsNewAttributes(id(random), input(random),
                        optional(random, () -> string(random)), optional(random, () -> string(random)));
            case WorkflowExecutionTerminated:
                return new WorkflowExecutionTerminatedAttributes(id(random),
                        optional(random, () -> string(random)));
            case WorkflowExecutionTimedOut:
                return new WorkflowExecutionTimedOutAttributes();
            default:
                throw new AssertionError("no attributes for " + type);
        }
    }

    /** Up to four search attributes of random types and values, on names that keep one type each. */
    private static SearchAttributes searchAttributes(Random random) {
        SearchAttributes.Builder attributes = SearchAttributes.newBuilder();
        if (random.nextBoolean()) {
            attributes.set(SearchAttributeKey.forKeyword("Customer_" + random.nextInt(3)), string(random));
        }
        if (random.nextBoolean()) {
            attributes.set(SearchAttributeKey.forLong("Amount"), random.nextLong());
        }
        if (random.nextBoolean()) {
            attributes.set(SearchAttributeKey.forDouble("Weight"), randomDouble(random));
        }
        if (random.nextBoolean()) {
            attributes.set(SearchAttributeKey.forOffsetDateTime("Due"), OffsetDateTime.ofInstant(
                    Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000)),
                    ZoneOffset.ofHours(random.nextInt(25) - 12)));
        }
        if (random.nextBoolean()) {
            attributes.set(SearchAttributeKey.forKeywordList("Tags"), List.of(string(random), string(random)));
        }
        if (random.nextBoolean()) {
            attributes.set(SearchAttributeKey.forBoolean("Flag"), random.nextBoolean());
        }
        return attributes.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SearchAttributeUpdate<?> valueSet(SearchAttributeKey<?> key, Object value) {
        return SearchAttributeUpdate.valueSet((SearchAttributeKey) key, value);
    }

    /** A JSON object of attributes this version does not know, a fifth of the time; else {@code null}. */
    private static Payload unknownAttributes(Random random) {
        if (random.nextInt(5) != 0) {
            return null;
        }
        ObjectNode unknown = NODES.objectNode();
        unknown.set("x-" + string(random), json(random, 2));
        return JsonPayload.of(unknown);
    }

    /** An optional attribute: present a quarter of the time. */
    private static <T> T optional(Random random, Supplier<T> value) {
        return random.nextInt(4) == 0 ? value.get() : null;
    }

    /** A required attribute whose value may be JSON null: null a tenth of the time. */
    private static <T> T nullable(Random random, Supplier<T> value) {
        return random.nextInt(10) == 0 ? null : value.get();
    }

    /** An id, name or text: a required string, sometimes null. */
    private static String id(Random random) {
        return nullable(random, () -> string(random));
    }

    private static Payload input(Random random) {
        ArrayNode input = NODES.arrayNode();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            input.add(json(random, 3));
        }
        return JsonPayload.of(input);
    }

    private static int count(Random random) {
        return random.nextBoolean() ? 1 + random.nextInt(10) : random.nextInt(Integer.MAX_VALUE);
    }

    private static Duration duration(Random random) {
        return Duration.ofMillis(random.nextBoolean() ? random.nextInt(1000) : random.nextLong() >>> 1);
    }

    private static Payload failure(Random random) {
        return nullable(random, () -> {
            ObjectNode failure = NODES.objectNode().put("message", string(random)).put("type", string(random));
            failure.put("nonRetryable", random.nextBoolean()).put("kind", "application");
            if (random.nextBoolean()) {
                failure.putObject("cause").put("message", string(random)).put("type", string(random))
                        .put("kind", "application");
            }
            return JsonPayload.of(failure);
        });
    }

    private static RetryPolicy retryPolicy(Random random) {
        Duration initial = Duration.ofMillis(1 + random.nextInt(100_000));
        RetryPolicy.Builder policy = RetryPolicy.newBuilder()
                .setInitialInterval(initial)
                .setBackoffCoefficient(1 + random.nextDouble() * 3)
                .setMaximumAttempts(random.nextInt(10));
        if (random.nextBoolean()) {
            policy.setMaximumInterval(initial.plusMillis(random.nextInt(1_000_000)));
        }
        if (random.nextBoolean()) {
            policy.setDoNotRetry(string(random), string(random));
        }
        return policy.build();
    }

    private static JsonNode json(Random random, int depth) {
        int choice = random.nextInt(depth > 0 ? 11 : 9);
        switch (choice) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(random.nextInt());
            case 3:
                return NODES.numberNode(random.nextBoolean() ? random.nextLong() : (long) random.nextInt(100));
            case 4:
                return NODES.numberNode(new BigInteger(70 + random.nextInt(40), random).negate());
            case 5:
                return NODES.numberNode(randomDouble(random));
            case 6:
                return NODES.numberNode(randomFloat(random));
            case 7:
            case 8:
                return NODES.textNode(string(random));
            case 9:
                ArrayNode array = NODES.arrayNode();
                int length = random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    array.add(json(random, depth - 1));
                }
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                int fields = random.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    object.set(string(random), json(random, depth - 1));
                }
                return object;
        }
    }

    private static double randomDouble(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return random.nextDouble();
            case 1:
                return random.nextGaussian() * 1e6;
            case 2:
                return -0.0;
            default:
                double bits;
                do {
                    bits = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(bits) || Double.isInfinite(bits));
                return bits;
        }
    }

    private static float randomFloat(Random random) {
        float value;
        do {
            value = random.nextBoolean() ? random.nextFloat() * 1000 : Float.intBitsToFloat(random.nextInt());
        } while (Float.isNaN(value) || Float.isInfinite(value));
        return value;
    }

    private static String string(Random random) {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                text.appendCodePoint(0x1F300 + random.nextInt(200)); // outside the BMP: a surrogate pair
            } else {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }
}
