package dev.hourglass.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.failure.HourglassFailure;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.common.Values;
import dev.hourglass.internal.history.JsonLimits;
import java.util.function.Supplier;

/**
 * Converts failures to the {@code failure} JSON object of the history and back.
 *
 * <p>Only Hourglass failure types are ever reconstructed: an arbitrary exception thrown by an activity
 * comes back as an {@link ApplicationFailure} whose type is the exception's class name. No class named in
 * a history is ever loaded.
 *
 * <p>The details of an application failure and the last heartbeat details of a timeout are recorded as a
 * {@code details} array, encoded with the converter given (the data converter of the worker or client), and
 * decoded, when code asks for them, with the converter of the side that reads them.
 */
public final class FailureConverter {

    private static final int MAX_DEPTH = 20;

    /** The converter that decodes failures read while a workflow executor delivers events, if one is set. */
    private static final ThreadLocal<PayloadConverter> DECODING = new ThreadLocal<>();

    private FailureConverter() {
    }

    /** Encodes a throwable and its cause chain; details with the default converter. */
    public static ObjectNode toJson(Throwable failure) {
        return toJson(failure, PayloadConverter.getDefault());
    }

    /** Encodes a throwable and its cause chain; details with {@code converter}. */
    public static ObjectNode toJson(Throwable failure, PayloadConverter converter) {
        return toJson(failure, converter, 0);
    }

    /**
     * Runs {@code body} with {@code converter} as the one that decodes the details of failures that
     * {@link #fromJson(JsonNode)} reads on this thread meanwhile: the state machines of an execution read
     * failures without knowing its converter.
     */
    public static <T> T decodingWith(PayloadConverter converter, Supplier<T> body) {
        PayloadConverter previous = DECODING.get();
        DECODING.set(converter);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                DECODING.remove();
            } else {
                DECODING.set(previous);
            }
        }
    }

    private static ObjectNode toJson(Throwable failure, PayloadConverter converter, int depth) {
        failure = CheckedExceptionWrapper.unwrap(failure);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String message = failure instanceof HourglassFailure
                ? ((HourglassFailure) failure).getOriginalMessage()
                : failure.getMessage();
        node.put("message", fitting(message == null ? "" : message));
        if (failure instanceof ApplicationFailure) {
            ApplicationFailure app = (ApplicationFailure) failure;
            node.put("kind", "application");
            node.put("type", app.getType());
            node.put("nonRetryable", app.isNonRetryable());
            putDetails(node, app.getDetails(), converter);
        } else if (failure instanceof ActivityFailure) {
            ActivityFailure activity = (ActivityFailure) failure;
            node.put("kind", "activity");
            node.put("type", ActivityFailure.class.getSimpleName());
            node.put("activityType", activity.getActivityType());
            node.put("activityId", activity.getActivityId());
            node.put("attempt", activity.getAttempt());
        } else if (failure instanceof TimeoutFailure) {
            node.put("kind", "timeout");
            node.put("type", TimeoutFailure.class.getSimpleName());
            node.put("timeoutType", ((TimeoutFailure) failure).getTimeoutType().name());
            putDetails(node, ((TimeoutFailure) failure).getLastHeartbeatDetails(), converter);
        } else if (failure instanceof CanceledFailure) {
            node.put("kind", "canceled");
            node.put("type", CanceledFailure.class.getSimpleName());
        } else if (failure instanceof TerminatedFailure) {
            node.put("kind", "terminated");
            node.put("type", TerminatedFailure.class.getSimpleName());
        } else if (failure instanceof ChildWorkflowFailure) {
            ChildWorkflowFailure child = (ChildWorkflowFailure) failure;
            node.put("kind", "childWorkflow");
            node.put("type", ChildWorkflowFailure.class.getSimpleName());
            node.put("workflowType", child.getWorkflowType());
            node.put("workflowId", child.getWorkflowId());
            if (child.getRunId() != null) {
                node.put("runId", child.getRunId());
            }
        } else {
            node.put("kind", "application");
            node.put("type", failure.getClass().getName());
            node.put("nonRetryable", false);
        }
        node.put("stackTrace", stackTraceOf(failure));
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && depth < MAX_DEPTH) {
            node.set("cause", toJson(cause, converter, depth + 1));
        }
        return node;
    }

    /**
     * Records non-empty details as a {@code details} array. A detail the converter cannot encode is recorded as a
     * string saying why, so that the failure itself still reaches the code that catches it.
     */
    private static void putDetails(ObjectNode node, Values details, PayloadConverter converter) {
        if (details.isEmpty()) {
            return;
        }
        if (details instanceof EncodedValues) {
            try {
                node.set("details", ((EncodedValues) details).toJson(converter));
                return;
            } catch (RuntimeException | StackOverflowError e) {
                // fall through: encode one by one, replacing what cannot be encoded
            }
        }
        ArrayNode array = node.putArray("details");
        for (int i = 0; i < details.getSize(); i++) {
            try {
                array.add(converter.toJson(details.get(i, Object.class), "failure detail " + i));
            } catch (RuntimeException | StackOverflowError e) {
                array.add(fitting("failure detail " + i + " could not be recorded: " + e.getMessage()));
            }
        }
    }

    /** The message, cut to the longest string a history holds (an exception's message may be any length). */
    private static String fitting(String message) {
        if (message.length() <= JsonLimits.MAX_STRING_LENGTH) {
            return message;
        }
        String note = "… (" + (message.length() - JsonLimits.MAX_STRING_LENGTH) + " more characters)";
        return message.substring(0, JsonLimits.MAX_STRING_LENGTH - note.length()) + note;
    }

    /**
     * Decodes a failure object; never returns {@code null} for a non-null node. Its details are decoded with the
     * converter {@link #decodingWith} set, else the default one.
     */
    public static HourglassFailure fromJson(JsonNode node) {
        PayloadConverter converter = DECODING.get();
        return fromJson(node, converter == null ? PayloadConverter.getDefault() : converter);
    }

    /** Decodes a failure object, its details with {@code converter}; never returns {@code null}. */
    public static HourglassFailure fromJson(JsonNode node, PayloadConverter converter) {
        if (node == null || !node.isObject()) {
            return ApplicationFailure.newFailure("unknown failure", "UnknownFailure");
        }
        Throwable cause = node.has("cause") ? fromJson(node.get("cause"), converter) : null;
        String message = node.path("message").asText("");
        String kind = node.path("kind").asText("application");
        HourglassFailure failure;
        switch (kind) {
            case "activity":
                failure = new ActivityFailure(node.path("activityType").asText(), node.path("activityId").asText(),
                        node.path("attempt").asInt(1), cause);
                break;
            case "timeout":
                failure = new TimeoutFailure(message, details(node, converter), timeoutType(node), cause);
                break;
            case "canceled":
                failure = new CanceledFailure(message, cause);
                break;
            case "terminated":
                failure = new TerminatedFailure(message);
                break;
            case "childWorkflow":
                failure = new ChildWorkflowFailure(node.path("workflowType").asText(), node.path("workflowId").asText(),
                        node.hasNonNull("runId") ? node.get("runId").asText() : null, cause);
                break;
            default:
                String type = node.path("type").asText("ApplicationFailure");
                failure = ApplicationFailure.newFromValues(message, type, node.path("nonRetryable").asBoolean(false),
                        details(node, converter), cause);
                break;
        }
        failure.setStackTrace(new StackTraceElement[0]);
        return failure;
    }

    private static Values details(JsonNode node, PayloadConverter converter) {
        JsonNode details = node.get("details");
        return details instanceof ArrayNode ? EncodedValues.fromJson((ArrayNode) details, converter)
                : EncodedValues.empty();
    }

    /** Returns the failure type used by retry policies: the application type or the exception class. */
    public static String failureType(JsonNode node) {
        return node == null ? "" : node.path("type").asText("");
    }

    private static TimeoutType timeoutType(JsonNode node) {
        try {
            return TimeoutType.valueOf(node.path("timeoutType").asText());
        } catch (IllegalArgumentException e) {
            return TimeoutType.START_TO_CLOSE;
        }
    }

    /**
     * The first 30 frames, one {@code "\tat frame"} line each, every line ending in {@code "\n"} whatever the
     * platform's line separator: a history must not depend on the platform it was recorded on.
     */
    private static String stackTraceOf(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        StringBuilder out = new StringBuilder();
        int limit = Math.min(trace.length, 30);
        for (int i = 0; i < limit; i++) {
            out.append("\tat ").append(trace[i]).append('\n');
        }
        return out.toString();
    }
}
