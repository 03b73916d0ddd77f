package dev.hourglass.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates well-formed histories from a seed: the same seed always gives the same history.
 *
 * <p>After the first {@code WorkflowExecutionStarted} event, event types are random; every event carries its
 * required attributes with values of the documented JSON types, sometimes optional and unknown attributes, and
 * payloads are arbitrary JSON (nested objects and arrays, nulls, unicode strings, ints, longs, big integers,
 * floats and doubles).
 */
final class RandomHistories {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> STRING_ATTRIBUTES =
            Set.of(
                    "activityId", "timerId", "childId", "markerId", "markerName", "activityType", "workflowType", "workflowId",
                    "runId", "newRunId", "parentWorkflowId", "parentRunId", "continuedFromRunId", "taskQueue", "signalName",
                    "timeoutType", "reason");

    private static final List<String> OPTIONAL_ATTRIBUTES =
            List.of(
                    "parentWorkflowId", "workflowExecutionTimeoutMillis", "startToCloseTimeoutMillis", "heartbeatTimeoutMillis",
                    "retryPolicy", "details", "failure");

    private static final String ALPHABET = "abcXYZ019 -_\"\\/\n\t\u0001éß中文\u2028";

    private RandomHistories() {}

    /** Returns the history for a seed. */
    static History generate(long seed) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(25);
        long epochSecond = random.nextInt(Integer.MAX_VALUE) * 2L;
        Instant time = Instant.ofEpochSecond(epochSecond, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        List<HistoryEvent> events = new ArrayList<>(size);
        EventType[] types = EventType.values();
        for (int id = 1; id <= size; id++) {
            EventType type = id == 1 ? EventType.WorkflowExecutionStarted : types[random.nextInt(types.length)];
            events.add(new HistoryEvent(id, time, type, attributes(type, random)));
            time = time.plusMillis(random.nextInt(3) == 0 ? 0 : random.nextInt(100_000_000));
        }
        return new History(string(random), string(random), string(random), string(random), events);
    }

    private static ObjectNode attributes(EventType type, Random random) {
        ObjectNode attributes = NODES.objectNode();
        for (String name : type.requiredAttributes()) {
            attributes.set(name, valueFor(name, random));
        }
        if (random.nextInt(4) == 0) {
            String optional = OPTIONAL_ATTRIBUTES.get(random.nextInt(OPTIONAL_ATTRIBUTES.size()));
            attributes.set(optional, valueFor(optional, random));
        }
        if (random.nextInt(5) == 0) {
            attributes.set("x-" + string(random), json(random, 2));
        }
        return attributes;
    }

    private static JsonNode valueFor(String name, Random random) {
        if (name.equals("input")) {
            ArrayNode input = NODES.arrayNode();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                input.add(json(random, 3));
            }
            return input;
        }
        if (STRING_ATTRIBUTES.contains(name)) {
            return NODES.textNode(string(random));
        }
        if (name.endsWith("Millis") || name.equals("attempt")) {
            return random.nextBoolean() ? NODES.numberNode(random.nextInt(1000)) : NODES.numberNode(random.nextLong() >>> 1);
        }
        if (name.equals("failure")) {
            ObjectNode failure = NODES.objectNode().put("message", string(random)).put("type", string(random));
            failure.put("nonRetryable", random.nextBoolean()).put("kind", "application");
            return failure;
        }
        if (name.equals("retryPolicy")) {
            return NODES.objectNode().put("initialIntervalMillis", 1000).put("backoffCoefficient", random.nextDouble() * 3);
        }
        return json(random, 3);
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
