package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.history.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the history format says about attributes beyond {@link EventType#requiredAttributes()}: which
 * optional attributes each event type defines, and the JSON type of the attributes that have one.
 */
final class AttributeRules {

    /** The JSON type an attribute's value must have. */
    enum Kind {
        /** A JSON array; never {@code null}. */
        ARRAY("a JSON array with one element per argument (use [] for none)"),
        /** A JSON object or {@code null}. */
        OBJECT("a JSON object (or null)"),
        /** A JSON string or {@code null}. */
        STRING("a JSON string (or null)"),
        /** A JSON integer or {@code null}. */
        INTEGER("an integer (or null)");

        private final String expectation;

        Kind(String expectation) {
            this.expectation = expectation;
        }

        String expectation() {
            return expectation;
        }

        boolean accepts(JsonNode value) {
            switch (this) {
                case ARRAY:
                    return value.isArray();
                case OBJECT:
                    return value.isObject() || value.isNull();
                case STRING:
                    return value.isTextual() || value.isNull();
                case INTEGER:
                    return value.isNull()
                            || (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong());
                default:
                    throw new AssertionError(this);
            }
        }
    }

    private static final Map<EventType, List<String>> OPTIONAL = new EnumMap<>(EventType.class);

    private static final Map<String, Kind> KINDS =
            Map.ofEntries(
                    Map.entry("input", Kind.ARRAY),
                    Map.entry("failure", Kind.OBJECT),
                    Map.entry("retryPolicy", Kind.OBJECT),
                    Map.entry("activityId", Kind.STRING),
                    Map.entry("timerId", Kind.STRING),
                    Map.entry("childId", Kind.STRING),
                    Map.entry("markerId", Kind.STRING),
                    Map.entry("markerName", Kind.STRING),
                    Map.entry("activityType", Kind.STRING),
                    Map.entry("workflowType", Kind.STRING),
                    Map.entry("workflowId", Kind.STRING),
                    Map.entry("runId", Kind.STRING),
                    Map.entry("newRunId", Kind.STRING),
                    Map.entry("parentWorkflowId", Kind.STRING),
                    Map.entry("parentRunId", Kind.STRING),
                    Map.entry("continuedFromRunId", Kind.STRING),
                    Map.entry("taskQueue", Kind.STRING),
                    Map.entry("signalName", Kind.STRING),
                    Map.entry("timeoutType", Kind.STRING),
                    Map.entry("reason", Kind.STRING),
                    Map.entry("workflowIdReusePolicy", Kind.STRING),
                    Map.entry("attempt", Kind.INTEGER),
                    Map.entry("durationMillis", Kind.INTEGER),
                    Map.entry("workflowExecutionTimeoutMillis", Kind.INTEGER),
                    Map.entry("startToCloseTimeoutMillis", Kind.INTEGER),
                    Map.entry("scheduleToCloseTimeoutMillis", Kind.INTEGER),
                    Map.entry("heartbeatTimeoutMillis", Kind.INTEGER));

    static {
        OPTIONAL.put(
                EventType.WorkflowExecutionStarted,
                List.of("parentWorkflowId", "parentRunId", "continuedFromRunId", "workflowExecutionTimeoutMillis"));
        OPTIONAL.put(
                EventType.ActivityTaskScheduled,
                List.of(
                        "startToCloseTimeoutMillis",
                        "scheduleToCloseTimeoutMillis",
                        "heartbeatTimeoutMillis",
                        "retryPolicy"));
        OPTIONAL.put(EventType.ActivityTaskFailed, List.of("attempt"));
        OPTIONAL.put(EventType.ActivityTaskTimedOut, List.of("failure"));
        OPTIONAL.put(EventType.MarkerRecorded, List.of("details"));
        OPTIONAL.put(
                EventType.StartChildWorkflowExecutionInitiated,
                List.of("workflowExecutionTimeoutMillis", "workflowIdReusePolicy"));
        OPTIONAL.put(EventType.ChildWorkflowExecutionFailed, List.of("runId"));
        OPTIONAL.put(EventType.WorkflowExecutionCancelRequested, List.of("reason"));
        OPTIONAL.put(EventType.WorkflowExecutionContinuedAsNew, List.of("workflowType", "taskQueue"));
    }

    private AttributeRules() {}

    /** Returns the optional attributes the format defines for a type; empty when there are none. */
    static List<String> optionalAttributes(EventType type) {
        return OPTIONAL.getOrDefault(type, List.of());
    }

    /** Returns the JSON type an attribute must have, or {@code null} when any JSON value will do. */
    static Kind kindOf(String attribute) {
        return KINDS.get(attribute);
    }
}
