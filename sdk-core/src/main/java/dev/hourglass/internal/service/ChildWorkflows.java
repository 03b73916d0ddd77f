package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ChildWorkflowExecutionCancelRequestedAttributes;
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
import dev.hourglass.internal.spi.StartWorkflowRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Child workflows of the in-memory service: starting them for a parent and reporting their outcome to it. */
final class ChildWorkflows {

    private final InMemoryWorkflowService service;

    ChildWorkflows(InMemoryWorkflowService service) {
        this.service = service;
    }

    /** Tells the parent of a closed child run how it closed. */
    void notifyParent(Run child, EventAttributes closing) {
        Run parent = service.runsByRunId.get(child.parentRunId);
        if (parent == null || !parent.isOpen()) {
            return;
        }
        if (closing instanceof WorkflowExecutionCompletedAttributes) {
            service.deliverInput(parent, new ChildWorkflowExecutionCompletedAttributes(child.parentChildId,
                    ((WorkflowExecutionCompletedAttributes) closing).result()));
            return;
        }
        ObjectNode failure;
        if (closing instanceof WorkflowExecutionFailedAttributes) {
            JsonNode recorded = JsonPayload.node(((WorkflowExecutionFailedAttributes) closing).failure());
            failure = recorded instanceof ObjectNode ? ((ObjectNode) recorded).deepCopy()
                    : FailureConverter.toJson(ApplicationFailure.newFailure("the child workflow failed without a"
                            + " failure object", "UnknownFailure"));
        } else if (closing instanceof WorkflowExecutionTerminatedAttributes) {
            failure = FailureConverter.toJson(
                    new TerminatedFailure(((WorkflowExecutionTerminatedAttributes) closing).reason()));
        } else if (closing.eventType() == EventType.WorkflowExecutionCanceled) {
            service.deliverInput(parent, new ChildWorkflowExecutionCanceledAttributes(child.parentChildId,
                    child.runId));
            return;
        } else {
            failure = FailureConverter.toJson(new TimeoutFailure("child workflow execution timed out",
                    null, TimeoutType.WORKFLOW_EXECUTION));
        }
        failure.put("stackTrace", "");
        service.deliverInput(parent, new ChildWorkflowExecutionFailedAttributes(child.parentChildId,
                JsonPayload.of(failure), child.runId));
    }

    void startChild(Run parent, StartChildWorkflowExecutionInitiatedAttributes initiated) {
        WorkflowIdReusePolicy reusePolicy = initiated.workflowIdReusePolicy() != null
                ? initiated.workflowIdReusePolicy() : WorkflowIdReusePolicy.ALLOW_DUPLICATE;
        StartWorkflowRequest request = new StartWorkflowRequest(initiated.workflowId(), initiated.workflowType(),
                initiated.taskQueue(), initiated.input(), reusePolicy, initiated.workflowExecutionTimeout(),
                parent.workflowId, parent.runId, initiated.childId());
        try {
            Run child = service.startLocked(request, null, null, null);
            service.deliverInput(parent, new ChildWorkflowExecutionStartedAttributes(initiated.childId(),
                    child.workflowId, child.runId));
        } catch (WorkflowExecutionAlreadyStartedException e) {
            ObjectNode failure = FailureConverter.toJson(
                    ApplicationFailure.newNonRetryableFailure(e.getMessage(), "WorkflowExecutionAlreadyStarted"));
            failure.put("stackTrace", "");
            service.deliverInput(parent, new ChildWorkflowExecutionFailedAttributes(initiated.childId(),
                    JsonPayload.of(failure), null));
        }
    }

    /**
     * Asks the child {@code childId} of {@code parent} to cancel, as the parent's cancel request command says, and
     * tells the parent once the request reached the child ({@code ChildWorkflowExecutionCancelRequested}). A child
     * that is no longer open (it closed before the request, or never started) is not asked: its closing event, or
     * its failure to start, is what the parent gets.
     */
    void requestCancelOfChild(Run parent, String childId) {
        String workflowId = null;
        for (HistoryEvent event : parent.events) {
            if (event.getAttributes() instanceof StartChildWorkflowExecutionInitiatedAttributes) {
                StartChildWorkflowExecutionInitiatedAttributes initiated =
                        (StartChildWorkflowExecutionInitiatedAttributes) event.getAttributes();
                if (initiated.childId().equals(childId)) {
                    workflowId = initiated.workflowId();
                }
            }
        }
        Run child = workflowId == null ? null : service.openRunOf(workflowId);
        if (child == null || !parent.runId.equals(child.parentRunId) || !childId.equals(child.parentChildId)) {
            return;
        }
        service.requestCancel(child);
        service.deliverInput(parent, new ChildWorkflowExecutionCancelRequestedAttributes(childId, child.runId));
    }

    /**
     * A closing parent (other than by continue-as-new) asks its children that are still open to cancel: the
     * children of its history that started and have not closed, followed through their own continue-as-new
     * runs. A child may then clean up (its canceled scope fails its timers and activities) and end canceled.
     */
    void requestCancelOfOpenChildren(Run parent) {
        Map<String, String> started = new LinkedHashMap<>(); // childId -> workflowId
        for (HistoryEvent event : parent.events) {
            EventAttributes attributes = event.getAttributes();
            if (attributes instanceof ChildWorkflowExecutionStartedAttributes) {
                ChildWorkflowExecutionStartedAttributes child = (ChildWorkflowExecutionStartedAttributes) attributes;
                started.put(child.childId(), child.workflowId());
            } else if (attributes instanceof ChildWorkflowExecutionCompletedAttributes) {
                started.remove(((ChildWorkflowExecutionCompletedAttributes) attributes).childId());
            } else if (attributes instanceof ChildWorkflowExecutionFailedAttributes) {
                started.remove(((ChildWorkflowExecutionFailedAttributes) attributes).childId());
            } else if (attributes instanceof ChildWorkflowExecutionCanceledAttributes) {
                started.remove(((ChildWorkflowExecutionCanceledAttributes) attributes).childId());
            }
        }
        for (String workflowId : started.values()) {
            Run child = service.openRunOf(workflowId);
            if (child != null && parent.runId.equals(child.parentRunId)) {
                service.requestCancel(child);
            }
        }
    }
}
