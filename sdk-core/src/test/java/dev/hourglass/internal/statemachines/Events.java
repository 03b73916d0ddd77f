package dev.hourglass.internal.statemachines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import java.time.Instant;

/** History events built directly, as the service records them, for driving state machines. */
final class Events {

    private static final Instant TIME = Instant.parse("2024-05-01T12:00:00Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Events() {
    }

    static HistoryEvent event(long eventId, EventType type, ObjectNode attributes) {
        return new HistoryEvent(eventId, TIME.plusMillis(eventId), type, attributes);
    }

    static HistoryEvent activityStarted(String activityId, int attempt) {
        return event(3, EventType.ActivityTaskStarted, NODES.objectNode().put("activityId", activityId)
                .put("attempt", attempt));
    }

    static HistoryEvent activityCompleted(String activityId, JsonNode result) {
        ObjectNode attributes = NODES.objectNode().put("activityId", activityId);
        attributes.set("result", result);
        return event(4, EventType.ActivityTaskCompleted, attributes);
    }

    static HistoryEvent activityFailed(String activityId, ObjectNode failure, int attempt) {
        ObjectNode attributes = NODES.objectNode().put("activityId", activityId);
        attributes.set("failure", failure);
        attributes.put("attempt", attempt);
        return event(4, EventType.ActivityTaskFailed, attributes);
    }

    static HistoryEvent activityTimedOut(String activityId, String timeoutType) {
        ObjectNode attributes = NODES.objectNode().put("activityId", activityId).put("timeoutType", timeoutType);
        attributes.set("failure", NODES.objectNode().put("message", "activity ran out of time")
                .put("type", "TimeoutFailure").put("kind", "timeout").put("timeoutType", timeoutType));
        return event(4, EventType.ActivityTaskTimedOut, attributes);
    }

    static HistoryEvent activityCanceled(String activityId) {
        return event(5, EventType.ActivityTaskCanceled, NODES.objectNode().put("activityId", activityId));
    }

    static HistoryEvent childStarted(String childId, String workflowId, String runId) {
        return event(3, EventType.ChildWorkflowExecutionStarted, NODES.objectNode().put("childId", childId)
                .put("workflowId", workflowId).put("runId", runId));
    }

    static HistoryEvent childCompleted(String childId, JsonNode result) {
        ObjectNode attributes = NODES.objectNode().put("childId", childId);
        attributes.set("result", result);
        return event(4, EventType.ChildWorkflowExecutionCompleted, attributes);
    }

    static HistoryEvent childFailed(String childId, ObjectNode failure) {
        ObjectNode attributes = NODES.objectNode().put("childId", childId);
        attributes.set("failure", failure);
        return event(4, EventType.ChildWorkflowExecutionFailed, attributes);
    }

    /** A failure object of kind {@code application}, as the history stores it. */
    static ObjectNode applicationFailure(String message, String type) {
        return NODES.objectNode().put("message", message).put("type", type).put("kind", "application")
                .put("nonRetryable", false).put("stackTrace", "");
    }

    static JsonNode text(String value) {
        return NODES.textNode(value);
    }
}
