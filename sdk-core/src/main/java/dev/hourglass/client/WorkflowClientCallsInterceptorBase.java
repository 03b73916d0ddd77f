package dev.hourglass.client;

import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * A {@link WorkflowClientCallsInterceptor} that passes every call on to {@code next}: extend it and override the
 * calls to wrap.
 *
 * <pre>{@code
 * class StartLogging extends WorkflowClientCallsInterceptorBase {
 *     StartLogging(WorkflowClientCallsInterceptor next) {
 *         super(next);
 *     }
 *
 *     @Override
 *     public WorkflowStartOutput start(WorkflowStartInput input) {
 *         log.info("starting {}", input.getWorkflowType());
 *         return super.start(input);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowClientCallsInterceptorBase implements WorkflowClientCallsInterceptor {

    /** The next interceptor of the chain; never {@code null}. */
    protected final WorkflowClientCallsInterceptor next;

    /**
     * Creates an interceptor that passes the calls on to {@code next}.
     *
     * @param next the next interceptor; never {@code null}
     */
    public WorkflowClientCallsInterceptorBase(WorkflowClientCallsInterceptor next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public WorkflowStartOutput start(WorkflowStartInput input) {
        return next.start(input);
    }

    @Override
    public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
        return next.signalWithStart(input);
    }

    @Override
    public WorkflowSignalOutput signal(WorkflowSignalInput input) {
        return next.signal(input);
    }

    @Override
    public <R> QueryOutput<R> query(QueryInput<R> input) {
        return next.query(input);
    }

    @Override
    public <R> StartUpdateOutput<R> startUpdate(StartUpdateInput<R> input) {
        return next.startUpdate(input);
    }

    @Override
    public <R> StartUpdateOutput<R> updateWithStart(UpdateWithStartInput<R> input) {
        return next.updateWithStart(input);
    }

    @Override
    public <R> GetResultOutput<R> getResult(GetResultInput<R> input) throws TimeoutException {
        return next.getResult(input);
    }

    @Override
    public <R> GetResultAsyncOutput<R> getResultAsync(GetResultInput<R> input) {
        return next.getResultAsync(input);
    }

    @Override
    public CancelOutput cancel(CancelInput input) {
        return next.cancel(input);
    }

    @Override
    public TerminateOutput terminate(TerminateInput input) {
        return next.terminate(input);
    }
}
