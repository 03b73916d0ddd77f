package dev.hourglass.internal.replay;

import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds histories event by event, in the shape the engine records them, for tests of the runner. */
final class HistoryBuilder {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final String workflowType;
    private final List<HistoryEvent> events = new ArrayList<>();

    private HistoryBuilder(String workflowType) {
        this.workflowType = workflowType;
    }

    /** A history whose first event starts {@code workflowType} with the given arguments. */
    static HistoryBuilder started(String workflowType, Object... input) {
        HistoryBuilder builder = new HistoryBuilder(workflowType);
        return builder.add(new WorkflowExecutionStartedAttributes(workflowType, "tests", Payload.ofArguments(input),
                null, null, null, null));
    }

    /** An activity scheduled, started and completed with {@code result}. */
    HistoryBuilder activity(String activityId, String activityType, Object input, Object result) {
        return scheduled(activityId, activityType, input).activityStarted(activityId).activityCompleted(activityId,
                result);
    }

    HistoryBuilder scheduled(String activityId, String activityType, Object input) {
        return add(new ActivityTaskScheduledAttributes(activityId, activityType, "tests", Payload.ofArguments(input),
                null, null, null, null));
    }

    HistoryBuilder activityStarted(String activityId) {
        return add(new ActivityTaskStartedAttributes(activityId, 1));
    }

    HistoryBuilder activityCompleted(String activityId, Object result) {
        return add(new ActivityTaskCompletedAttributes(activityId, Payload.of(result)));
    }

    HistoryBuilder timerStarted(String timerId, long durationMillis) {
        return add(new TimerStartedAttributes(timerId, Duration.ofMillis(durationMillis)));
    }

    HistoryBuilder timerFired(String timerId) {
        return add(new TimerFiredAttributes(timerId));
    }

    HistoryBuilder signaled(String signalName) {
        return add(new WorkflowExecutionSignaledAttributes(signalName, Payload.ofArguments()));
    }

    HistoryBuilder completed(Object result) {
        return add(new WorkflowExecutionCompletedAttributes(Payload.of(result)));
    }

    /** The history so far. */
    History build() {
        return new History("wf-1", "run-1", workflowType, "tests", events);
    }

    private HistoryBuilder add(EventAttributes attributes) {
        events.add(new HistoryEvent(events.size() + 1, START.plusMillis(events.size()), attributes));
        return this;
    }
}
