package dev.hourglass.internal.client;

import dev.hourglass.client.BatchRequest;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.workflow.Functions;
import java.util.Objects;

/** The {@link BatchRequest} of a signal-with-start: the workflow-method call and the signal call it captured. */
final class BatchRequestImpl implements BatchRequest {

    private StartCapture.StubCall start;
    private StartCapture.StubCall signal;

    @Override
    public void add(Functions.Proc request) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply());
    }

    @Override
    public <A1> void add(Functions.Proc1<A1> request, A1 arg1) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1));
    }

    @Override
    public <A1, A2> void add(Functions.Proc2<A1, A2> request, A1 arg1, A2 arg2) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2));
    }

    @Override
    public <A1, A2, A3> void add(Functions.Proc3<A1, A2, A3> request, A1 arg1, A2 arg2, A3 arg3) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3));
    }

    @Override
    public <A1, A2, A3, A4> void add(Functions.Proc4<A1, A2, A3, A4> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3, arg4));
    }

    @Override
    public <A1, A2, A3, A4, A5> void add(Functions.Proc5<A1, A2, A3, A4, A5> request, A1 arg1, A2 arg2, A3 arg3,
            A4 arg4, A5 arg5) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5));
    }

    @Override
    public <A1, A2, A3, A4, A5, A6> void add(Functions.Proc6<A1, A2, A3, A4, A5, A6> request, A1 arg1, A2 arg2,
            A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    @Override
    public void add(Functions.Func<?> request) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply());
    }

    @Override
    public <A1> void add(Functions.Func1<A1, ?> request, A1 arg1) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1));
    }

    @Override
    public <A1, A2> void add(Functions.Func2<A1, A2, ?> request, A1 arg1, A2 arg2) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2));
    }

    @Override
    public <A1, A2, A3> void add(Functions.Func3<A1, A2, A3, ?> request, A1 arg1, A2 arg2, A3 arg3) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3));
    }

    @Override
    public <A1, A2, A3, A4> void add(Functions.Func4<A1, A2, A3, A4, ?> request, A1 arg1, A2 arg2, A3 arg3,
            A4 arg4) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3, arg4));
    }

    @Override
    public <A1, A2, A3, A4, A5> void add(Functions.Func5<A1, A2, A3, A4, A5, ?> request, A1 arg1, A2 arg2, A3 arg3,
            A4 arg4, A5 arg5) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5));
    }

    @Override
    public <A1, A2, A3, A4, A5, A6> void add(Functions.Func6<A1, A2, A3, A4, A5, A6, ?> request, A1 arg1, A2 arg2,
            A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        Objects.requireNonNull(request, "request");
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    private synchronized void record(Runnable call) {
        StartCapture.StubCall captured = StartCapture.capture(call);
        if (captured == null) {
            throw new IllegalArgumentException("BatchRequest.add needs a method reference to the workflow method or a"
                    + " signal method of a stub from WorkflowClient.newWorkflowStub, like request.add(stub::approve,"
                    + " \"bob\")");
        }
        if (captured.isWorkflowMethod()) {
            if (start != null) {
                throw new IllegalArgumentException("this signal-with-start request has its workflow method call ("
                        + start.describe() + ") already; add one workflow method call and one signal call");
            }
            start = captured;
        } else if (captured.signalName() != null) {
            if (signal != null) {
                throw new IllegalArgumentException("this signal-with-start request has its signal call ("
                        + signal.describe() + ") already; add one workflow method call and one signal call");
            }
            signal = captured;
        } else {
            throw new IllegalArgumentException(captured.describe() + " is neither the workflow method nor a signal"
                    + " method; a signal-with-start request takes one call of each");
        }
    }

    synchronized WorkflowExecution send() {
        if (start == null || signal == null) {
            throw new IllegalStateException("a signal-with-start request needs a call of the workflow method and a"
                    + " call of a signal method, added with request.add(stub::workflowMethod, args...) and"
                    + " request.add(stub::signalMethod, args...); it has " + (start == null ? "no workflow method call"
                    : "no signal call"));
        }
        if (start.stub != signal.stub) {
            throw new IllegalStateException("the workflow method call (" + start.describe() + ") and the signal call ("
                    + signal.describe() + ") of a signal-with-start request must come from the same stub");
        }
        return start.stub.signalWithStart(signal.signalName(), signal.method, signal.args, start.method, start.args);
    }
}
