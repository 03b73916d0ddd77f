package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of a {@link HistoryEvent}: one immutable record per {@link EventType}, named after it, such as
 * {@link ActivityTaskScheduledAttributes} for {@link EventType#ActivityTaskScheduled}.
 *
 * <p>Identifiers, names and task queues are strings; durations are {@link java.time.Duration}s; arguments,
 * results, marker details and failures are {@link Payload}s, the plain JSON values that the history records.
 * {@code docs/history-format.md} describes each attribute and its JSON form.
 *
 * <pre>{@code
 * for (HistoryEvent event : history.getEvents()) {
 *     if (event.getAttributes() instanceof ActivityTaskScheduledAttributes scheduled) {
 *         System.out.println(scheduled.activityType() + " " + scheduled.input().toJson());
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface EventAttributes permits WorkflowExecutionStartedAttributes, ActivityTaskScheduledAttributes,
        ActivityTaskStartedAttributes, ActivityTaskCompletedAttributes, ActivityTaskFailedAttributes,
        ActivityTaskTimedOutAttributes, ActivityTaskCancelRequestedAttributes, ActivityTaskCanceledAttributes,
        TimerStartedAttributes, TimerFiredAttributes, TimerCanceledAttributes, WorkflowExecutionSignaledAttributes,
        WorkflowExecutionUpdateAcceptedAttributes, WorkflowExecutionUpdateCompletedAttributes,
        MarkerRecordedAttributes, UpsertWorkflowSearchAttributesAttributes, WorkflowPropertiesModifiedAttributes,
        StartChildWorkflowExecutionInitiatedAttributes,
        ChildWorkflowExecutionStartedAttributes, ChildWorkflowExecutionCompletedAttributes,
        ChildWorkflowExecutionFailedAttributes, ChildWorkflowExecutionCanceledAttributes,
        RequestCancelChildWorkflowExecutionInitiatedAttributes, ChildWorkflowExecutionCancelRequestedAttributes,
        WorkflowExecutionCancelRequestedAttributes,
        WorkflowExecutionCompletedAttributes, WorkflowExecutionFailedAttributes, WorkflowExecutionCanceledAttributes,
        WorkflowExecutionContinuedAsNewAttributes, WorkflowExecutionTerminatedAttributes,
        WorkflowExecutionTimedOutAttributes {

    /**
     * Returns the type of the events that carry these attributes.
     *
     * @return the event type; never {@code null}
     */
    EventType eventType();
}
