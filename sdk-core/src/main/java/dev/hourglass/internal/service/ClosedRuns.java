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

    /**
     * The exception that tells a client who wanted to {@code action} the open run of a workflow id that each of the
     * {@code runsFollowed} runs it found had continued as new by the time it locked it, the last being {@code runId}.
     */
    public static WorkflowExecutionClosedException chainMovedOn(String action, String workflowId, String runId,
            int runsFollowed, EventType closeType, Instant closeTime) {
        return new WorkflowExecutionClosedException("cannot " + action + " workflow " + workflowId + ": each of the "
                + runsFollowed + " runs found open in turn had continued as new before this reached it, the last one "
                + runId + " at " + closeTime + ". Nothing was sent; the workflow continues as new faster than this"
                + " could follow: send it again, or have the workflow continue as new less often", workflowId, runId,
                closeType);
    }

    /**
     * The exception that tells the sender of an update that did not complete before its run closed what became of it:
     * one accepted whose handler had not finished, one sent to this run by its id (which stays with it when the run
     * continues as new), or, for any other, what {@link #exception} says.
     *
     * @param accepted whether the run had accepted the update (recorded its {@code WorkflowExecutionUpdateAccepted})
     * @param pinned whether the sender named the run by its id
     */
    public static WorkflowExecutionClosedException updateUnfinished(String updateName, String updateId,
            boolean accepted, boolean pinned, String workflowId, String runId, EventType closeType, long closingEventId,
            Instant closeTime) {
        String update = "update '" + updateName + "' (id " + updateId + ")";
        String closed = howItClosed(closeType) + " (event " + closingEventId + ", " + closeType + ", at " + closeTime
                + ")";
        if (accepted) {
            boolean fromOutside = closeType == EventType.WorkflowExecutionTerminated
                    || closeType == EventType.WorkflowExecutionTimedOut;
            return new WorkflowExecutionClosedException(update + " of workflow " + workflowId + " was accepted by run "
                    + runId + ", whose handler had not finished when the run closed: " + closed + ". The update has"
                    + " no result and its handler will not go on in another run. " + (fromOutside
                            ? "The run was ended from outside its code; send the update again to a run that is open"
                            : "Have the workflow wait for its handlers before it continues as new or returns:"
                                    + " Workflow.await(Workflow::isEveryHandlerFinished)"),
                    workflowId, runId, closeType);
        }
        if (pinned && closeType == EventType.WorkflowExecutionContinuedAsNew) {
            return new WorkflowExecutionClosedException("cannot complete " + update + " of workflow " + workflowId
                    + ": it was sent to run " + runId + " by its run id, and that run closed before accepting it: "
                    + closed + ". An update sent to a named run stays with that run; send it to the workflow id alone"
                    + " (no run id) to have it carried over to the run that continues it", workflowId, runId,
                    closeType);
        }
        return exception("complete " + update + " of", workflowId, runId, closeType, closingEventId, closeTime);
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
