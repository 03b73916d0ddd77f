package dev.hourglass.internal.service;

import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.history.EventType;
import java.time.Instant;

/** The exception every service throws when a client acts on a run that closed: the same words in every store. */
public final class ClosedRuns {

    private ClosedRuns() {
    }

    /**
     * The exception that tells a client who wanted to {@code action} a closed run (such as {@code "signal approve
     * to"}) which run closed, how and when.
     *
     * @param closingEventId the id of the run's closing event
     * @param closeTime when it closed
     */
    public static WorkflowExecutionClosedException exception(String action, String workflowId, String runId,
            EventType closeType, long closingEventId, Instant closeTime) {
        return new WorkflowExecutionClosedException("cannot " + action + " workflow " + workflowId + ": its run "
                + runId + " is closed: " + howItClosed(closeType) + " (event " + closingEventId + ", " + closeType
                + ", at " + closeTime + "). Signals, cancellation and termination reach open executions only; start a"
                + " new execution of the workflow id, or read this one's outcome with getResult", workflowId, runId,
                closeType);
    }

    private static String howItClosed(EventType closeType) {
        switch (closeType) {
            case WorkflowExecutionCompleted:
                return "it completed";
            case WorkflowExecutionFailed:
                return "it failed";
            case WorkflowExecutionCanceled:
                return "it was canceled";
            case WorkflowExecutionTerminated:
                return "it was terminated";
            case WorkflowExecutionTimedOut:
                return "it timed out";
            case WorkflowExecutionContinuedAsNew:
                return "it continued as new";
            default:
                return "it closed with " + closeType;
        }
    }
}
