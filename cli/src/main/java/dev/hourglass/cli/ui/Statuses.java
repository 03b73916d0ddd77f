package dev.hourglass.cli.ui;

import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.history.History;
import org.apiguardian.api.API;

/** The status of a run, as its history tells it, for the command line and its web UI. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Statuses {

    private Statuses() {
    }

    /** Running, or how the run closed, from its last event. */
    public static WorkflowExecutionStatus of(History history) {
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
