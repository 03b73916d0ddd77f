package dev.hourglass.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.hourglass.internal.history.JsonLimits;

/**
 * Converts failures to the {@code failure} JSON object of the history and back.
 *
 * <p>Only Hourglass failure types are ever reconstructed: an arbitrary exception thrown by an activity
 * comes back as an {@link ApplicationFailure} whose type is the exception's class name. No class named in
 * a history is ever loaded.
 */
public final class FailureConverter {

    private static final int MAX_DEPTH = 20;

    private FailureConverter() {
    }

    /** Encodes a throwable and its cause chain. */
    public static ObjectNode toJson(Throwable failure) {
        return toJson(failure, 0);
    }

    private static ObjectNode toJson(Throwable failure, int depth) {
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
            node.set("cause", toJson(cause, depth + 1));
        }
        return node;
    }

    /** The message, cut to the longest string a history holds (an exception's message may be any length). */
    private static String fitting(String message) {
        if (message.length() <= JsonLimits.MAX_STRING_LENGTH) {
            return message;
        }
        String note = "… (" + (message.length() - JsonLimits.MAX_STRING_LENGTH) + " more characters)";
        return message.substring(0, JsonLimits.MAX_STRING_LENGTH - note.length()) + note;
    }

    /** Decodes a failure object; never returns {@code null} for a non-null node. */
    public static HourglassFailure fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return ApplicationFailure.newFailure("unknown failure", "UnknownFailure");
        }
        Throwable cause = node.has("cause") ? fromJson(node.get("cause")) : null;
        String message = node.path("message").asText("");
        String kind = node.path("kind").asText("application");
        HourglassFailure failure;
        switch (kind) {
            case "activity":
                failure = new ActivityFailure(node.path("activityType").asText(), node.path("activityId").asText(),
                        node.path("attempt").asInt(1), cause);
                break;
            case "timeout":
                failure = new TimeoutFailure(message, timeoutType(node), cause);
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
                failure = node.path("nonRetryable").asBoolean(false)
                        ? ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause)
                        : ApplicationFailure.newFailureWithCause(message, type, cause);
                break;
        }
        failure.setStackTrace(new StackTraceElement[0]);
        return failure;
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
