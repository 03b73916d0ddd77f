package dev.hourglass.internal.statemachines;

import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import java.time.Duration;

/** Event attributes built directly, as the service records them, for driving state machines. */
final class Events {

    private Events() {
    }

    static ActivityTaskScheduledAttributes activityScheduled(String activityId, String activityType) {
        return new ActivityTaskScheduledAttributes(activityId, activityType, "transfers",
                Payload.ofArguments("acct-1", 100), Duration.ofSeconds(10), null, null, null);
    }

    static ActivityTaskStartedAttributes activityStarted(String activityId, int attempt) {
        return new ActivityTaskStartedAttributes(activityId, attempt);
    }

    static ActivityTaskCompletedAttributes activityCompleted(String activityId, String result) {
        return new ActivityTaskCompletedAttributes(activityId, Payload.of(result));
    }

    static ActivityTaskFailedAttributes activityFailed(String activityId, Payload failure, Integer attempt) {
        return new ActivityTaskFailedAttributes(activityId, failure, attempt);
    }

    static ActivityTaskTimedOutAttributes activityTimedOut(String activityId, String timeoutType) {
        return new ActivityTaskTimedOutAttributes(activityId, TimeoutType.valueOf(timeoutType),
                Payload.fromJson("{\"message\":\"activity ran out of time\",\"type\":\"TimeoutFailure\","
                        + "\"kind\":\"timeout\",\"timeoutType\":\"" + timeoutType + "\"}"));
    }

    static TimerStartedAttributes timerStarted(String timerId, Duration duration) {
        return new TimerStartedAttributes(timerId, duration);
    }

    static StartChildWorkflowExecutionInitiatedAttributes childInitiated(String childId, String workflowType,
            String workflowId) {
        return new StartChildWorkflowExecutionInitiatedAttributes(childId, workflowId, workflowType, "shipping",
                Payload.ofArguments("vase"), null, null);
    }

    static ChildWorkflowExecutionStartedAttributes childStarted(String childId, String workflowId, String runId) {
        return new ChildWorkflowExecutionStartedAttributes(childId, workflowId, runId);
    }

    static ChildWorkflowExecutionCompletedAttributes childCompleted(String childId, String result) {
        return new ChildWorkflowExecutionCompletedAttributes(childId, Payload.of(result));
    }

    static ChildWorkflowExecutionFailedAttributes childFailed(String childId, Payload failure, String runId) {
        return new ChildWorkflowExecutionFailedAttributes(childId, failure, runId);
    }

    /** A failure object of kind {@code application}, as the history stores it. */
    static Payload applicationFailure(String message, String type) {
        return Payload.fromJson("{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"kind\":\"application\","
                + "\"nonRetryable\":false,\"stackTrace\":\"\"}");
    }
}
