package dev.hourglass.cli;

import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.history.History;

/** The status of a run, as its history tells it. */
final class Statuses {

    private Statuses() {
    }

    /** Running, or how the run closed, from its last event. */
    static WorkflowExecutionStatus of(History history) {
        if (!history.isClosed()) {
            return WorkflowExecutionStatus.RUNNING;
        }
        return switch (history.getLastEvent().getEventType()) {
            case WorkflowExecutionCompleted -> WorkflowExecutionStatus.COMPLETED;
            case WorkflowExecutionFailed -> WorkflowExecutionStatus.FAILED;
            case WorkflowExecutionCanceled -> WorkflowExecutionStatus.CANCELED;
            case WorkflowExecutionTerminated -> WorkflowExecutionStatus.TERMINATED;
            case WorkflowExecutionContinuedAsNew -> WorkflowExecutionStatus.CONTINUED_AS_NEW;
            case WorkflowExecutionTimedOut -> WorkflowExecutionStatus.TIMED_OUT;
            default -> throw new IllegalStateException("a closed history whose last event "
                    + history.getLastEvent() + " does not close it");
        };
    }
}
