package dev.hourglass.history;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The kind of a {@link HistoryEvent}.
 *
 * <p>The constant names are written verbatim as {@code eventType} in history JSON, so they are part of
 * the history format and never change. Each constant knows whether it is recorded from a workflow's
 * command ({@link #isCommand()}), whether it closes the execution ({@link #isClosing()}) and which
 * attributes an event of its kind must carry ({@link #requiredAttributes()}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum EventType {

    /** The execution started; always the first event of a history. */
    WorkflowExecutionStarted(Flags.NONE, "workflowType", "taskQueue", "input"),

    /** The workflow scheduled an activity. */
    ActivityTaskScheduled(Flags.COMMAND, "activityId", "activityType", "taskQueue", "input"),

    /** A worker picked up an attempt of a scheduled activity. */
    ActivityTaskStarted(Flags.NONE, "activityId", "attempt"),

    /** An activity completed with a result. */
    ActivityTaskCompleted(Flags.NONE, "activityId", "result"),

    /** An activity failed, after its last retry or with a non-retryable failure. */
    ActivityTaskFailed(Flags.NONE, "activityId", "failure"),

    /** An activity ran out of time. */
    ActivityTaskTimedOut(Flags.NONE, "activityId", "timeoutType"),

    /** The workflow asked for a scheduled activity to be canceled. */
    ActivityTaskCancelRequested(Flags.COMMAND, "activityId"),

    /** An activity was canceled. */
    ActivityTaskCanceled(Flags.NONE, "activityId"),

    /** The workflow started a durable timer. */
    TimerStarted(Flags.COMMAND, "timerId", "durationMillis"),

    /** A timer fired. */
    TimerFired(Flags.NONE, "timerId"),

    /** The workflow canceled a timer before it fired. */
    TimerCanceled(Flags.COMMAND, "timerId"),

    /** A signal was delivered to the execution. */
    WorkflowExecutionSignaled(Flags.NONE, "signalName", "input"),

    /**
     * An update passed its validator and its handler started; recorded from the workflow task that delivered it, at
     * the point where the handler started, so that a replay starts it there again.
     */
    WorkflowExecutionUpdateAccepted(Flags.COMMAND, "updateId", "updateName", "input"),

    /** An update's handler returned a result or threw an {@code ApplicationFailure}. */
    WorkflowExecutionUpdateCompleted(Flags.COMMAND, "updateId", "result"),

    /** The workflow recorded a marker: a side effect's value or a version decision. */
    MarkerRecorded(Flags.COMMAND, "markerName", "markerId"),

    /** The workflow set or removed search attributes. */
    UpsertWorkflowSearchAttributes(Flags.COMMAND, "searchAttributes"),

    /** The workflow set or removed memo values. */
    WorkflowPropertiesModified(Flags.COMMAND, "memo"),

    /** The workflow asked for a child workflow to be started. */
    StartChildWorkflowExecutionInitiated(
            Flags.COMMAND, "childId", "workflowId", "workflowType", "taskQueue", "input"),

    /** A child workflow started. */
    ChildWorkflowExecutionStarted(Flags.NONE, "childId", "workflowId", "runId"),

    /** A child workflow completed with a result. */
    ChildWorkflowExecutionCompleted(Flags.NONE, "childId", "result"),

    /** A child workflow failed, or could not be started. */
    ChildWorkflowExecutionFailed(Flags.NONE, "childId", "failure"),

    /** A child workflow ended canceled. (Histories recorded before this event recorded it as failed.) */
    ChildWorkflowExecutionCanceled(Flags.NONE, "childId"),

    /** The workflow asked for a child workflow to be canceled, as the child's cancellation type says. */
    RequestCancelChildWorkflowExecutionInitiated(Flags.COMMAND, "childId", "cancellationType"),

    /** The cancel request of a child workflow reached the child. */
    ChildWorkflowExecutionCancelRequested(Flags.NONE, "childId"),

    /** A client asked for the execution to be canceled. */
    WorkflowExecutionCancelRequested(Flags.NONE),

    /** The workflow completed with a result. */
    WorkflowExecutionCompleted(Flags.COMMAND | Flags.CLOSING, "result"),

    /** The workflow failed. */
    WorkflowExecutionFailed(Flags.COMMAND | Flags.CLOSING, "failure"),

    /** The workflow finished as canceled. */
    WorkflowExecutionCanceled(Flags.COMMAND | Flags.CLOSING),

    /** The workflow closed this run and started a new run of itself with fresh input. */
    WorkflowExecutionContinuedAsNew(Flags.COMMAND | Flags.CLOSING, "newRunId", "input"),

    /** A client terminated the execution; no workflow code ran to close it. */
    WorkflowExecutionTerminated(Flags.CLOSING, "reason"),

    /** The execution ran longer than its workflow execution timeout. */
    WorkflowExecutionTimedOut(Flags.CLOSING);

    /** Bit flags for the constructor; nested so the constants above can refer to them. */
    private static final class Flags {
        static final int NONE = 0;
        static final int COMMAND = 1;
        static final int CLOSING = 2;
    }

    private final boolean command;
    private final boolean closing;
    private final List<String> requiredAttributes;

    EventType(int flags, String... requiredAttributes) {
        this.command = (flags & Flags.COMMAND) != 0;
        this.closing = (flags & Flags.CLOSING) != 0;
        this.requiredAttributes = List.of(requiredAttributes);
    }

    /**
     * Returns whether events of this type are recorded from a command the workflow code produced.
     *
     * <p>Replay matches the commands that workflow code produces against these events, in order.
     *
     * @return {@code true} for command events, {@code false} for events that report something that
     *     happened outside the workflow code
     */
    public boolean isCommand() {
        return command;
    }

    /**
     * Returns whether an event of this type closes the execution.
     *
     * @return {@code true} for the completed, failed, canceled, continued-as-new, terminated and timed-out
     *     events
     */
    public boolean isClosing() {
        return closing;
    }

    /**
     * Returns the names of the attributes an event of this type must carry.
     *
     * <p>A required attribute must be present, but its value may be JSON {@code null} unless the format
     * says otherwise ({@code input} is always an array). Events may carry further, optional attributes.
     *
     * @return an unmodifiable list, in the order the attributes are conventionally written; never
     *     {@code null}, empty for types without required attributes
     */
    public List<String> requiredAttributes() {
        return requiredAttributes;
    }
}
