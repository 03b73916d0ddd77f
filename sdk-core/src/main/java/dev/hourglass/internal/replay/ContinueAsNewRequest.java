package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** Thrown by {@code Workflow.continueAsNew} to end the run; carries the new run's arguments. */
final class ContinueAsNewRequest extends Error {

    private static final long serialVersionUID = 1L;

    private final transient ArrayNode input;

    ContinueAsNewRequest(ArrayNode input) {
        super("continue as new", null, false, false);
        this.input = input;
    }

    ArrayNode input() {
        return input;
    }
}
