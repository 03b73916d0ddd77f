package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.common.DataConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds histories event by event, in the shape the engine records them, for tests of the runner. */
final class HistoryBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DataConverter CONVERTER = DataConverter.getDefault();
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final String workflowType;
    private final List<HistoryEvent> events = new ArrayList<>();

    private HistoryBuilder(String workflowType) {
        this.workflowType = workflowType;
    }

    /** A history whose first event starts {@code workflowType} with the given arguments. */
    static HistoryBuilder started(String workflowType, Object... input) {
        HistoryBuilder builder = new HistoryBuilder(workflowType);
        ObjectNode attributes = NODES.objectNode().put("workflowType", workflowType).put("taskQueue", "tests");
        attributes.set("input", CONVERTER.toJsonArray(input));
        return builder.add(EventType.WorkflowExecutionStarted, attributes);
    }

    /** An activity scheduled, started and completed with {@code result}. */
    HistoryBuilder activity(String activityId, String activityType, Object input, Object result) {
        return scheduled(activityId, activityType, input).activityStarted(activityId).activityCompleted(activityId,
                result);
    }

    HistoryBuilder scheduled(String activityId, String activityType, Object input) {
        ObjectNode attributes = NODES.objectNode().put("activityId", activityId).put("activityType", activityType)
                .put("taskQueue", "tests");
        attributes.set("input", CONVERTER.toJsonArray(new Object[] {input}));
        return add(EventType.ActivityTaskScheduled, attributes);
    }

    HistoryBuilder activityStarted(String activityId) {
        return add(EventType.ActivityTaskStarted, NODES.objectNode().put("activityId", activityId).put("attempt", 1));
    }

    HistoryBuilder activityCompleted(String activityId, Object result) {
        ObjectNode attributes = NODES.objectNode().put("activityId", activityId);
        attributes.set("result", CONVERTER.toJson(result));
        return add(EventType.ActivityTaskCompleted, attributes);
    }

    HistoryBuilder timerStarted(String timerId, long durationMillis) {
        return add(EventType.TimerStarted, NODES.objectNode().put("timerId", timerId)
                .put("durationMillis", durationMillis));
    }

    HistoryBuilder timerFired(String timerId) {
        return add(EventType.TimerFired, NODES.objectNode().put("timerId", timerId));
    }

    HistoryBuilder signaled(String signalName) {
        ObjectNode attributes = NODES.objectNode().put("signalName", signalName);
        attributes.putArray("input");
        return add(EventType.WorkflowExecutionSignaled, attributes);
    }

    HistoryBuilder completed(Object result) {
        ObjectNode attributes = NODES.objectNode();
        attributes.set("result", CONVERTER.toJson(result));
        return add(EventType.WorkflowExecutionCompleted, attributes);
    }

    /** The history so far. */
    History build() {
        return new History("wf-1", "run-1", workflowType, "tests", events);
    }

    private HistoryBuilder add(EventType type, ObjectNode attributes) {
        events.add(new HistoryEvent(events.size() + 1, START.plusMillis(events.size()), type, attributes));
        return this;
    }
}
