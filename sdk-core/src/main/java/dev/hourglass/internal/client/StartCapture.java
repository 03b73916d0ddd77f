package dev.hourglass.internal.client;

import dev.hourglass.common.WorkflowExecution;

/**
 * Lets {@code WorkflowClient.start(stub::method, args)} turn a call of a typed stub's workflow method into a
 * start without waiting: the stub sees the capture on its thread, starts, and reports the execution.
 */
public final class StartCapture {

    private static final ThreadLocal<StartCapture> ACTIVE = new ThreadLocal<>();

    private WorkflowExecution execution;

    private StartCapture() {
    }

    /** Runs {@code call} (a call of a typed stub's workflow method) as a start and returns the execution. */
    public static WorkflowExecution start(Runnable call) {
        StartCapture capture = new StartCapture();
        StartCapture previous = ACTIVE.get();
        ACTIVE.set(capture);
        try {
            call.run();
        } finally {
            ACTIVE.set(previous);
        }
        if (capture.execution == null) {
            throw new IllegalArgumentException("WorkflowClient.start needs a method reference to the workflow method"
                    + " of a stub from WorkflowClient.newWorkflowStub, like WorkflowClient.start(stub::transfer, a, b)");
        }
        return capture.execution;
    }

    /** Returns the capture active on this thread and consumes it, or {@code null}. */
    static StartCapture take() {
        StartCapture capture = ACTIVE.get();
        if (capture != null) {
            ACTIVE.remove();
        }
        return capture;
    }

    void started(WorkflowExecution started) {
        this.execution = started;
    }
}
