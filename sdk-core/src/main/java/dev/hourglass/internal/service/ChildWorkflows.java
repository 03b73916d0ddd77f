package dev.hourglass.internal.service;

import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.ChildWorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.internal.spi.StartWorkflowRequest;
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
        service.deliverInput(parent, ChildOutcomes.closed(child.parentChildId, child.runId, closing));
    }

    void startChild(Run parent, StartChildWorkflowExecutionInitiatedAttributes initiated) {
        WorkflowIdReusePolicy reusePolicy = initiated.workflowIdReusePolicy() != null
                ? initiated.workflowIdReusePolicy() : WorkflowIdReusePolicy.ALLOW_DUPLICATE;
        StartWorkflowRequest request = new StartWorkflowRequest(initiated.workflowId(), initiated.workflowType(),
                initiated.taskQueue(), initiated.input(), reusePolicy, initiated.workflowExecutionTimeout(),
                parent.workflowId, parent.runId, initiated.childId())
                .withSearchAttributesAndMemo(initiated.searchAttributes(), initiated.memo());
        try {
            Run child = service.startLocked(request, null, null, null);
            service.deliverInput(parent, new ChildWorkflowExecutionStartedAttributes(initiated.childId(),
                    child.workflowId, child.runId));
        } catch (WorkflowExecutionAlreadyStartedException e) {
            service.deliverInput(parent, ChildOutcomes.notStarted(initiated.childId(), e.getMessage()));
        }
    }

    /**
     * Asks the child {@code childId} of {@code parent} to cancel, as the parent's cancel request command says, and
     * tells the parent once the request reached the child ({@code ChildWorkflowExecutionCancelRequested}). A child
     * that is no longer open (it closed before the request, or never started) is not asked: its closing event, or
     * its failure to start, is what the parent gets.
     */
    void requestCancelOfChild(Run parent, String childId) {
        String workflowId = ChildOutcomes.initiatedWorkflowId(parent.events, childId);
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
        Map<String, String> started = ChildOutcomes.startedAndOpen(parent.events); // childId -> workflowId
        for (String workflowId : started.values()) {
            Run child = service.openRunOf(workflowId);
            if (child != null && parent.runId.equals(child.parentRunId)) {
                service.requestCancel(child);
            }
        }
    }
}
