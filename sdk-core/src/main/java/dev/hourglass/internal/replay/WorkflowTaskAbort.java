package dev.hourglass.internal.replay;

/**
 * Unwinds a workflow thread: the task failed (nondeterminism), the execution was evicted, or the code
 * asked to continue as new. An {@code Error} so that {@code catch (Exception e)} in workflow code does not
 * swallow it.
 */
final class WorkflowTaskAbort extends Error {

    private static final long serialVersionUID = 1L;

    WorkflowTaskAbort(String reason) {
        super(reason, null, false, false);
    }
}
