package dev.hourglass.internal.client;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

/**
 * Lets {@code WorkflowClient.start(stub::method, args)}, {@code WorkflowClient.execute(...)} and
 * {@code BatchRequest.add(...)} see which method of a typed stub a method reference calls, with which
 * arguments, without making the call: the stub sees the capture on its thread and hands the call over.
 */
public final class StartCapture {

    private static final ThreadLocal<StartCapture> ACTIVE = new ThreadLocal<>();

    private StubCall call;

    private StartCapture() {
    }

    /** A call of a typed stub's method, captured instead of made. */
    static final class StubCall {
        final WorkflowStubImpl stub;
        final WorkflowInterfaceMetadata metadata;
        final Method method;
        final Object[] args;

        StubCall(WorkflowStubImpl stub, WorkflowInterfaceMetadata metadata, Method method, Object[] args) {
            this.stub = stub;
            this.metadata = metadata;
            this.method = method;
            this.args = args;
        }

        boolean isWorkflowMethod() {
            return method.equals(metadata.workflowMethod());
        }

        /** The signal name if the method is a signal method, else {@code null}. */
        String signalName() {
            return metadata.signalName(method);
        }

        String describe() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
    }

    /** Runs {@code call} (a call of a typed stub's workflow method) as a start and returns the execution. */
    public static WorkflowExecution start(Runnable call) {
        StubCall captured = workflowMethodCall(call, "WorkflowClient.start", "start");
        return captured.stub.start(captured.method, captured.args);
    }

    /**
     * Runs {@code call} (a call of a typed stub's workflow method) as a start and returns the future of the
     * result.
     */
    @SuppressWarnings("unchecked")
    public static <R> CompletableFuture<R> execute(Runnable call) {
        StubCall captured = workflowMethodCall(call, "WorkflowClient.execute", "execute");
        captured.stub.start(captured.method, captured.args);
        return (CompletableFuture<R>) captured.stub.getResultAsync(captured.method.getReturnType(),
                captured.method.getGenericReturnType());
    }

    private static StubCall workflowMethodCall(Runnable call, String api, String verb) {
        StubCall captured = capture(call);
        if (captured == null || !captured.isWorkflowMethod()) {
            throw new IllegalArgumentException(api + " needs a method reference to the workflow method"
                    + " of a stub from WorkflowClient.newWorkflowStub, like WorkflowClient." + verb
                    + "(stub::transfer, a, b)" + (captured == null ? "" : "; " + captured.describe()
                    + " is not the workflow method"));
        }
        return captured;
    }

    /** Runs {@code call} with a capture active and returns the stub call it made, or {@code null} if none. */
    static StubCall capture(Runnable call) {
        StartCapture capture = new StartCapture();
        StartCapture previous = ACTIVE.get();
        ACTIVE.set(capture);
        try {
            call.run();
        } finally {
            ACTIVE.set(previous);
        }
        return capture.call;
    }

    /** Returns the capture active on this thread and consumes it, or {@code null}. */
    static StartCapture take() {
        StartCapture capture = ACTIVE.get();
        if (capture != null) {
            ACTIVE.remove();
        }
        return capture;
    }

    void captured(StubCall stubCall) {
        this.call = stubCall;
    }
}
