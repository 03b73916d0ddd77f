package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ChildWorkflowExecutionCanceledAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events that tell a parent workflow what became of its child, in one place for every store, so that the
 * in-memory and the durable service record the same ones.
 */
public final class ChildOutcomes {

    private ChildOutcomes() {
    }

    /**
     * The event that tells the parent how its child {@code childId} closed: completed, failed (with the child's
     * failure), canceled, terminated or timed out.
     *
     * @param childRunId the run of the child that closed (the last of its continue-as-new runs)
     * @param closing the event that closed the child's run, other than a continue-as-new; never {@code null}
     * @return the event for the parent's history; never {@code null}
     */
    public static EventAttributes closed(String childId, String childRunId, EventAttributes closing) {
        if (closing instanceof WorkflowExecutionCompletedAttributes completed) {
            return new ChildWorkflowExecutionCompletedAttributes(childId, completed.result());
        }
        if (closing.eventType() == EventType.WorkflowExecutionCanceled) {
            return new ChildWorkflowExecutionCanceledAttributes(childId, childRunId);
        }
        ObjectNode failure;
        if (closing instanceof WorkflowExecutionFailedAttributes failed) {
            JsonNode recorded = JsonPayload.node(failed.failure());
            failure = recorded instanceof ObjectNode ? ((ObjectNode) recorded).deepCopy()
                    : FailureConverter.toJson(ApplicationFailure.newFailure("the child workflow failed without a"
                            + " failure object", "UnknownFailure"));
        } else if (closing instanceof WorkflowExecutionTerminatedAttributes terminated) {
            failure = FailureConverter.toJson(new TerminatedFailure(terminated.reason()));
        } else {
            failure = FailureConverter.toJson(new TimeoutFailure("child workflow execution timed out",
                    null, TimeoutType.WORKFLOW_EXECUTION));
        }
        failure.put("stackTrace", "");
        return new ChildWorkflowExecutionFailedAttributes(childId, JsonPayload.of(failure), childRunId);
    }

    /**
     * The event that tells the parent that its child {@code childId} could not start because its workflow id is
     * taken ({@code reason} says by which execution), a failure its code cannot retry.
     */
    public static ChildWorkflowExecutionFailedAttributes notStarted(String childId, String reason) {
        ObjectNode failure = FailureConverter.toJson(
                ApplicationFailure.newNonRetryableFailure(reason, "WorkflowExecutionAlreadyStarted"));
        failure.put("stackTrace", "");
        return new ChildWorkflowExecutionFailedAttributes(childId, JsonPayload.of(failure), null);
    }

    /**
     * The children of a parent's history that started and have not closed, as far as the history says: child id to
     * workflow id, in the order they started. A closing parent asks these to cancel.
     */
    public static Map<String, String> startedAndOpen(List<HistoryEvent> parentEvents) {
        Map<String, String> started = new LinkedHashMap<>();
        for (HistoryEvent event : parentEvents) {
            EventAttributes attributes = event.getAttributes();
            if (attributes instanceof ChildWorkflowExecutionStartedAttributes child) {
                started.put(child.childId(), child.workflowId());
            } else if (attributes instanceof ChildWorkflowExecutionCompletedAttributes completed) {
                started.remove(completed.childId());
            } else if (attributes instanceof ChildWorkflowExecutionFailedAttributes failed) {
                started.remove(failed.childId());
            } else if (attributes instanceof ChildWorkflowExecutionCanceledAttributes canceled) {
                started.remove(canceled.childId());
            }
        }
        return started;
    }

    /** The workflow id that a parent's history last initiated its child {@code childId} with, or {@code null}. */
    public static String initiatedWorkflowId(List<HistoryEvent> parentEvents, String childId) {
        String workflowId = null;
        for (HistoryEvent event : parentEvents) {
            if (event.getAttributes() instanceof StartChildWorkflowExecutionInitiatedAttributes initiated
                    && initiated.childId().equals(childId)) {
                workflowId = initiated.workflowId();
            }
        }
        return workflowId;
    }
}
