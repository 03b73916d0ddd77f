package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** Thrown by {@code Workflow.continueAsNew} to end the run; carries the new run's arguments. */
final class ContinueAsNewRequest extends Error {

    private static final long serialVersionUID = 1L;

    private final transient ArrayNode input;
    private final String workflowType;
    private final String taskQueue;

    /** A request for a new run of {@code workflowType} on {@code taskQueue} (each {@code null} for the same). */
    ContinueAsNewRequest(ArrayNode input, String workflowType, String taskQueue) {
        super("continue as new", null, false, false);
        this.input = input;
        this.workflowType = workflowType;
        this.taskQueue = taskQueue;
    }

    ArrayNode input() {
        return input;
    }

    String workflowType() {
        return workflowType;
    }

    String taskQueue() {
        return taskQueue;
    }
}
