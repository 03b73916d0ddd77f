package dev.hourglass.internal.history;

import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.ActivityTaskCanceledAttributes;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCanceledAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.RequestCancelChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import dev.hourglass.history.WorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.WorkflowExecutionCanceledAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateAcceptedAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.history.WorkflowExecutionTimedOutAttributes;
import dev.hourglass.history.WorkflowPropertiesModifiedAttributes;
import dev.hourglass.internal.history.EventSchema.Kind;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of every event type: the one place that says, per event type, which attributes it has, in which
 * order they are written, which are required, which identify a command in replay ({@code identity}), which
 * replay compares and warns about ({@code detail}), and which an event's one-line summary shows
 * ({@code summary}). {@code docs/history-format.md} describes the same attributes for people.
 */
final class EventSchemas {

    private static final Map<EventType, EventSchema<?>> SCHEMAS = new EnumMap<>(EventType.class);

    static {
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionStarted, WorkflowExecutionStartedAttributes.class)
                .required(Kind.NAME, "workflowType", a -> a.workflowType())
                .required(Kind.NAME, "taskQueue", a -> a.taskQueue())
                .required(Kind.ARGUMENTS, "input", a -> a.input())
                .optional(Kind.ID, "parentWorkflowId", a -> a.parentWorkflowId())
                .optional(Kind.ID, "parentRunId", a -> a.parentRunId())
                .optional(Kind.ID, "continuedFromRunId", a -> a.continuedFromRunId())
                .optional(Kind.MILLIS, "workflowExecutionTimeoutMillis", a -> a.workflowExecutionTimeout())
                .optional(Kind.TEXT, "identity", a -> a.identity())
                .optional(Kind.MILLIS, "firstWorkflowTaskBackoffMillis", a -> a.firstWorkflowTaskBackoff()).summary()
                .optional(Kind.TEXT, "cronSchedule", a -> a.cronSchedule()).summary()
                .optional(Kind.VALUE, "lastCompletionResult", a -> a.lastCompletionResult())
                .optional(Kind.SEARCH_ATTRIBUTES, "searchAttributes", a -> a.searchAttributes())
                .optional(Kind.VALUE, "memo", a -> a.memo())
                .build(v -> new WorkflowExecutionStartedAttributes(string(v[0]), string(v[1]), payload(v[2]),
                        string(v[3]), string(v[4]), string(v[5]), duration(v[6]), string(v[7]), duration(v[8]),
                        string(v[9]), payload(v[10]), (SearchAttributes) v[11], payload(v[12]))));
        put(new EventSchema.Builder<>(EventType.ActivityTaskScheduled, ActivityTaskScheduledAttributes.class)
                .required(Kind.ID, "activityId", a -> a.activityId()).identity().summary()
                .required(Kind.NAME, "activityType", a -> a.activityType()).identity().summary()
                .required(Kind.NAME, "taskQueue", a -> a.taskQueue())
                .required(Kind.ARGUMENTS, "input", a -> a.input()).detail()
                .optional(Kind.MILLIS, "startToCloseTimeoutMillis", a -> a.startToCloseTimeout())
                .optional(Kind.MILLIS, "scheduleToCloseTimeoutMillis", a -> a.scheduleToCloseTimeout())
                .optional(Kind.MILLIS, "heartbeatTimeoutMillis", a -> a.heartbeatTimeout())
                .optional(Kind.RETRY_POLICY, "retryPolicy", a -> a.retryPolicy())
                .optional(Kind.MILLIS, "scheduleToStartTimeoutMillis", a -> a.scheduleToStartTimeout())
                .build(v -> new ActivityTaskScheduledAttributes(string(v[0]), string(v[1]), string(v[2]),
                        payload(v[3]), duration(v[4]), duration(v[5]), duration(v[6]), retryPolicy(v[7]),
                        duration(v[8]))));
        put(new EventSchema.Builder<>(EventType.ActivityTaskStarted, ActivityTaskStartedAttributes.class)
                .required(Kind.ID, "activityId", a -> a.activityId()).summary()
                .required(Kind.COUNT, "attempt", a -> a.attempt()).summary()
                .optional(Kind.TEXT, "identity", a -> a.identity())
                .build(v -> new ActivityTaskStartedAttributes(string(v[0]), intValue(v[1]), string(v[2]))));
        put(new EventSchema.Builder<>(EventType.ActivityTaskCompleted, ActivityTaskCompletedAttributes.class)
                .required(Kind.ID, "activityId", a -> a.activityId()).summary()
                .required(Kind.VALUE, "result", a -> a.result())
                .build(v -> new ActivityTaskCompletedAttributes(string(v[0]), payload(v[1]))));
        put(new EventSchema.Builder<>(EventType.ActivityTaskFailed, ActivityTaskFailedAttributes.class)
                .required(Kind.ID, "activityId", a -> a.activityId()).summary()
                .required(Kind.FAILURE, "failure", a -> a.failure()).summary()
                .optional(Kind.INTEGER, "attempt", a -> a.attempt())
                .build(v -> new ActivityTaskFailedAttributes(string(v[0]), payload(v[1]), integer(v[2]))));
        put(new EventSchema.Builder<>(EventType.ActivityTaskTimedOut, ActivityTaskTimedOutAttributes.class)
                .required(Kind.ID, "activityId", a -> a.activityId()).summary()
                .required(Kind.TIMEOUT_TYPE, "timeoutType", a -> a.timeoutType()).summary()
                .optional(Kind.FAILURE, "failure", a -> a.failure())
                .build(v -> new ActivityTaskTimedOutAttributes(string(v[0]), timeoutType(v[1]), payload(v[2]))));
        put(new EventSchema.Builder<>(EventType.ActivityTaskCancelRequested,
                ActivityTaskCancelRequestedAttributes.class)
                .required(Kind.ID, "activityId", a -> a.activityId()).identity().summary()
                .optional(Kind.CANCELLATION_TYPE, "cancellationType", a -> a.cancellationType()).identity()
                .build(v -> new ActivityTaskCancelRequestedAttributes(string(v[0]), cancellationType(v[1]))));
        put(new EventSchema.Builder<>(EventType.ActivityTaskCanceled, ActivityTaskCanceledAttributes.class)
                .required(Kind.ID, "activityId", a -> a.activityId()).summary()
                .optional(Kind.VALUE, "details", a -> a.details())
                .build(v -> new ActivityTaskCanceledAttributes(string(v[0]), payload(v[1]))));
        put(new EventSchema.Builder<>(EventType.TimerStarted, TimerStartedAttributes.class)
                .required(Kind.ID, "timerId", a -> a.timerId()).identity().summary()
                .required(Kind.MILLIS, "durationMillis", a -> a.duration()).detail().summary()
                // metadata for people: neither identity nor detail, so replay ignores a changed summary
                .optional(Kind.TEXT, "summary", a -> a.summary())
                .build(v -> new TimerStartedAttributes(string(v[0]), duration(v[1]), string(v[2]))));
        put(new EventSchema.Builder<>(EventType.TimerFired, TimerFiredAttributes.class)
                .required(Kind.ID, "timerId", a -> a.timerId()).summary()
                .build(v -> new TimerFiredAttributes(string(v[0]))));
        put(new EventSchema.Builder<>(EventType.TimerCanceled, TimerCanceledAttributes.class)
                .required(Kind.ID, "timerId", a -> a.timerId()).identity().summary()
                .build(v -> new TimerCanceledAttributes(string(v[0]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionSignaled, WorkflowExecutionSignaledAttributes.class)
                .required(Kind.NAME, "signalName", a -> a.signalName()).summary()
                .required(Kind.ARGUMENTS, "input", a -> a.input())
                .optional(Kind.TEXT, "identity", a -> a.identity())
                .optional(Kind.FLAG, "withStart", a -> a.withStart() ? Boolean.TRUE : null)
                .build(v -> new WorkflowExecutionSignaledAttributes(string(v[0]), payload(v[1]), string(v[2]),
                        Boolean.TRUE.equals(v[3]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionUpdateAccepted,
                WorkflowExecutionUpdateAcceptedAttributes.class)
                .required(Kind.ID, "updateId", a -> a.updateId()).identity().summary()
                .required(Kind.NAME, "updateName", a -> a.updateName()).identity().summary()
                .required(Kind.ARGUMENTS, "input", a -> a.input())
                .optional(Kind.TEXT, "identity", a -> a.identity())
                .build(v -> new WorkflowExecutionUpdateAcceptedAttributes(string(v[0]), string(v[1]), payload(v[2]),
                        string(v[3]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionUpdateCompleted,
                WorkflowExecutionUpdateCompletedAttributes.class)
                .required(Kind.ID, "updateId", a -> a.updateId()).identity().summary()
                .required(Kind.VALUE, "result", a -> a.result()).identity()
                .optional(Kind.FAILURE, "failure", a -> a.failure()).detail().summary()
                .build(v -> new WorkflowExecutionUpdateCompletedAttributes(string(v[0]), payload(v[1]),
                        payload(v[2]))));
        put(new EventSchema.Builder<>(EventType.MarkerRecorded, MarkerRecordedAttributes.class)
                .required(Kind.NAME, "markerName", a -> a.markerName()).identity().summary()
                .required(Kind.ID, "markerId", a -> a.markerId()).identity().summary()
                .optional(Kind.VALUE, "details", a -> a.details())
                .build(v -> new MarkerRecordedAttributes(string(v[0]), string(v[1]), payload(v[2]))));
        put(new EventSchema.Builder<>(EventType.UpsertWorkflowSearchAttributes,
                UpsertWorkflowSearchAttributesAttributes.class)
                // the names identify the command, the values are details
                .required(Kind.SEARCH_ATTRIBUTE_UPDATES, "searchAttributes", a -> a.searchAttributes())
                .identityBy(a -> a.names()).summary()
                .build(v -> new UpsertWorkflowSearchAttributesAttributes(searchAttributeUpdates(v[0]))));
        put(new EventSchema.Builder<>(EventType.WorkflowPropertiesModified, WorkflowPropertiesModifiedAttributes.class)
                // the keys identify the command, the values are details (and may be encoded: not in the summary)
                .required(Kind.MEMO_UPDATES, "memo", a -> a.memo()).identityBy(a -> a.keys())
                .build(v -> new WorkflowPropertiesModifiedAttributes(payload(v[0]))));
        put(new EventSchema.Builder<>(EventType.StartChildWorkflowExecutionInitiated,
                StartChildWorkflowExecutionInitiatedAttributes.class)
                .required(Kind.ID, "childId", a -> a.childId()).summary()
                .required(Kind.ID, "workflowId", a -> a.workflowId())
                .required(Kind.NAME, "workflowType", a -> a.workflowType()).identity().summary()
                .required(Kind.NAME, "taskQueue", a -> a.taskQueue())
                .required(Kind.ARGUMENTS, "input", a -> a.input()).detail()
                .optional(Kind.MILLIS, "workflowExecutionTimeoutMillis", a -> a.workflowExecutionTimeout())
                .optional(Kind.REUSE_POLICY, "workflowIdReusePolicy", a -> a.workflowIdReusePolicy())
                .optional(Kind.SEARCH_ATTRIBUTES, "searchAttributes", a -> a.searchAttributes())
                .optional(Kind.VALUE, "memo", a -> a.memo())
                .build(v -> new StartChildWorkflowExecutionInitiatedAttributes(string(v[0]), string(v[1]),
                        string(v[2]), string(v[3]), payload(v[4]), duration(v[5]), reusePolicy(v[6]),
                        (SearchAttributes) v[7], payload(v[8]))));
        put(new EventSchema.Builder<>(EventType.ChildWorkflowExecutionStarted,
                ChildWorkflowExecutionStartedAttributes.class)
                .required(Kind.ID, "childId", a -> a.childId()).summary()
                .required(Kind.ID, "workflowId", a -> a.workflowId()).summary()
                .required(Kind.ID, "runId", a -> a.runId())
                .build(v -> new ChildWorkflowExecutionStartedAttributes(string(v[0]), string(v[1]), string(v[2]))));
        put(new EventSchema.Builder<>(EventType.ChildWorkflowExecutionCompleted,
                ChildWorkflowExecutionCompletedAttributes.class)
                .required(Kind.ID, "childId", a -> a.childId()).summary()
                .required(Kind.VALUE, "result", a -> a.result())
                .build(v -> new ChildWorkflowExecutionCompletedAttributes(string(v[0]), payload(v[1]))));
        put(new EventSchema.Builder<>(EventType.ChildWorkflowExecutionFailed,
                ChildWorkflowExecutionFailedAttributes.class)
                .required(Kind.ID, "childId", a -> a.childId()).summary()
                .required(Kind.FAILURE, "failure", a -> a.failure()).summary()
                .optional(Kind.ID, "runId", a -> a.runId())
                .build(v -> new ChildWorkflowExecutionFailedAttributes(string(v[0]), payload(v[1]), string(v[2]))));
        put(new EventSchema.Builder<>(EventType.ChildWorkflowExecutionCanceled,
                ChildWorkflowExecutionCanceledAttributes.class)
                .required(Kind.ID, "childId", a -> a.childId()).summary()
                .optional(Kind.ID, "runId", a -> a.runId())
                .build(v -> new ChildWorkflowExecutionCanceledAttributes(string(v[0]), string(v[1]))));
        put(new EventSchema.Builder<>(EventType.RequestCancelChildWorkflowExecutionInitiated,
                RequestCancelChildWorkflowExecutionInitiatedAttributes.class)
                .required(Kind.ID, "childId", a -> a.childId()).identity().summary()
                .required(Kind.CHILD_CANCELLATION_TYPE, "cancellationType", a -> a.cancellationType()).identity()
                .summary()
                .build(v -> new RequestCancelChildWorkflowExecutionInitiatedAttributes(string(v[0]),
                        childCancellationType(v[1]))));
        put(new EventSchema.Builder<>(EventType.ChildWorkflowExecutionCancelRequested,
                ChildWorkflowExecutionCancelRequestedAttributes.class)
                .required(Kind.ID, "childId", a -> a.childId()).summary()
                .optional(Kind.ID, "runId", a -> a.runId())
                .build(v -> new ChildWorkflowExecutionCancelRequestedAttributes(string(v[0]), string(v[1]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionCancelRequested,
                WorkflowExecutionCancelRequestedAttributes.class)
                .optional(Kind.TEXT, "reason", a -> a.reason()).summary()
                .optional(Kind.TEXT, "identity", a -> a.identity())
                .build(v -> new WorkflowExecutionCancelRequestedAttributes(string(v[0]), string(v[1]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionCompleted,
                WorkflowExecutionCompletedAttributes.class)
                .required(Kind.VALUE, "result", a -> a.result()).detail()
                .optional(Kind.ID, "newExecutionRunId", a -> a.newExecutionRunId()).summary()
                .build(v -> new WorkflowExecutionCompletedAttributes(payload(v[0]), string(v[1]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionFailed, WorkflowExecutionFailedAttributes.class)
                .required(Kind.FAILURE, "failure", a -> a.failure()).summary()
                .optional(Kind.ID, "newExecutionRunId", a -> a.newExecutionRunId()).summary()
                .build(v -> new WorkflowExecutionFailedAttributes(payload(v[0]), string(v[1]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionCanceled, WorkflowExecutionCanceledAttributes.class)
                .build(v -> new WorkflowExecutionCanceledAttributes()));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionContinuedAsNew,
                WorkflowExecutionContinuedAsNewAttributes.class)
                .required(Kind.ID, "newRunId", a -> a.newRunId())
                .required(Kind.ARGUMENTS, "input", a -> a.input()).detail()
                .optional(Kind.NAME, "workflowType", a -> a.workflowType())
                .optional(Kind.NAME, "taskQueue", a -> a.taskQueue())
                .build(v -> new WorkflowExecutionContinuedAsNewAttributes(string(v[0]), payload(v[1]), string(v[2]),
                        string(v[3]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionTerminated,
                WorkflowExecutionTerminatedAttributes.class)
                .required(Kind.TEXT, "reason", a -> a.reason()).summary()
                .optional(Kind.TEXT, "identity", a -> a.identity())
                .build(v -> new WorkflowExecutionTerminatedAttributes(string(v[0]), string(v[1]))));
        put(new EventSchema.Builder<>(EventType.WorkflowExecutionTimedOut, WorkflowExecutionTimedOutAttributes.class)
                .build(v -> new WorkflowExecutionTimedOutAttributes()));

    }

    private EventSchemas() {
    }

    static EventSchema<?> of(EventType type) {
        return SCHEMAS.get(type);
    }

    private static void put(EventSchema<? extends EventAttributes> schema) {
        if (SCHEMAS.put(schema.type(), schema) != null) {
            throw new IllegalStateException("two schemas for " + schema.type());
        }
    }

    private static String string(Object value) {
        return (String) value;
    }

    private static Integer integer(Object value) {
        return (Integer) value;
    }

    /** A count, which the reader never leaves {@code null}. */
    private static int intValue(Object value) {
        return (Integer) value;
    }

    private static Duration duration(Object value) {
        return (Duration) value;
    }

    @SuppressWarnings("unchecked")
    private static List<SearchAttributeUpdate<?>> searchAttributeUpdates(Object value) {
        return (List<SearchAttributeUpdate<?>>) value;
    }

    private static Payload payload(Object value) {
        return (Payload) value;
    }

    private static RetryPolicy retryPolicy(Object value) {
        return (RetryPolicy) value;
    }

    private static TimeoutType timeoutType(Object value) {
        return (TimeoutType) value;
    }

    private static ActivityCancellationType cancellationType(Object value) {
        return (ActivityCancellationType) value;
    }

    private static ChildWorkflowCancellationType childCancellationType(Object value) {
        return (ChildWorkflowCancellationType) value;
    }

    private static WorkflowIdReusePolicy reusePolicy(Object value) {
        return (WorkflowIdReusePolicy) value;
    }
}
