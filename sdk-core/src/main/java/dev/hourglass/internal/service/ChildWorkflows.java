package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.service.StartWorkflowRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Child workflows of the in-memory service: starting them for a parent and reporting their outcome to it. */
final class ChildWorkflows {

    private final InMemoryWorkflowService service;

    ChildWorkflows(InMemoryWorkflowService service) {
        this.service = service;
    }

    void notifyParent(Run child, EventType closeType, ObjectNode closingAttributes) {
        Run parent = service.runsByRunId.get(child.parentRunId);
        if (parent == null || !parent.isOpen()) {
            return;
        }
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("childId", child.parentChildId);
        if (closeType == EventType.WorkflowExecutionCompleted) {
            attributes.set("result", closingAttributes.get("result"));
            service.deliverInput(parent, EventType.ChildWorkflowExecutionCompleted, attributes);
            return;
        }
        ObjectNode failure;
        if (closeType == EventType.WorkflowExecutionFailed) {
            failure = ((ObjectNode) closingAttributes.get("failure")).deepCopy();
        } else if (closeType == EventType.WorkflowExecutionCanceled) {
            failure = FailureConverter.toJson(new CanceledFailure("child workflow canceled"));
        } else if (closeType == EventType.WorkflowExecutionTerminated) {
            failure = FailureConverter.toJson(new TerminatedFailure(
                    child.events.get(child.events.size() - 1).getStringAttribute("reason")));
        } else {
            failure = FailureConverter.toJson(new TimeoutFailure("child workflow execution timed out",
                    TimeoutType.WORKFLOW_EXECUTION, null));
        }
        failure.put("stackTrace", "");
        attributes.set("failure", failure);
        attributes.put("runId", child.runId);
        service.deliverInput(parent, EventType.ChildWorkflowExecutionFailed, attributes);
    }

    void startChild(Run parent, ObjectNode attributes) {
        String childId = attributes.get("childId").asText();
        JsonNode timeout = attributes.get("workflowExecutionTimeoutMillis");
        StartWorkflowRequest request = new StartWorkflowRequest(attributes.get("workflowId").asText(),
                attributes.get("workflowType").asText(), attributes.get("taskQueue").asText(),
                (ArrayNode) attributes.get("input"), reusePolicy(attributes),
                timeout == null || timeout.isNull() ? null : Duration.ofMillis(timeout.asLong()),
                parent.workflowId, parent.runId, childId);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("childId", childId);
        try {
            Run child = service.startLocked(request, null, null, null);
            result.put("workflowId", child.workflowId);
            result.put("runId", child.runId);
            service.deliverInput(parent, EventType.ChildWorkflowExecutionStarted, result);
        } catch (WorkflowExecutionAlreadyStartedException e) {
            ObjectNode failure = FailureConverter.toJson(
                    ApplicationFailure.newNonRetryableFailure(e.getMessage(), "WorkflowExecutionAlreadyStarted"));
            failure.put("stackTrace", "");
            result.set("failure", failure);
            service.deliverInput(parent, EventType.ChildWorkflowExecutionFailed, result);
        }
    }

    /**
     * A closing parent (other than by continue-as-new) asks its children that are still open to cancel: the
     * children of its history that started and have not closed, followed through their own continue-as-new
     * runs. A child may then clean up (its canceled scope fails its timers and activities) and end canceled.
     */
    void requestCancelOfOpenChildren(Run parent) {
        Map<String, String> started = new LinkedHashMap<>(); // childId -> workflowId
        for (HistoryEvent event : parent.events) {
            switch (event.getEventType()) {
                case ChildWorkflowExecutionStarted:
                    started.put(event.getStringAttribute("childId"), event.getStringAttribute("workflowId"));
                    break;
                case ChildWorkflowExecutionCompleted:
                case ChildWorkflowExecutionFailed:
                    started.remove(event.getStringAttribute("childId"));
                    break;
                default:
                    break;
            }
        }
        for (String workflowId : started.values()) {
            Run child = service.openRunOf(workflowId);
            if (child != null && parent.runId.equals(child.parentRunId)) {
                service.requestCancel(child);
            }
        }
    }

    private static WorkflowIdReusePolicy reusePolicy(ObjectNode attributes) {
        JsonNode policy = attributes.get("workflowIdReusePolicy");
        return policy == null ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : WorkflowIdReusePolicy.valueOf(policy.asText());
    }

}
