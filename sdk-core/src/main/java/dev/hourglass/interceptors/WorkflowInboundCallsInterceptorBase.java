package dev.hourglass.interceptors;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link WorkflowInboundCallsInterceptor} that passes every call on to {@code next}: extend it and override the
 * calls to wrap.
 *
 * <pre>{@code
 * class ResultLogging extends WorkflowInboundCallsInterceptorBase {
 *     ResultLogging(WorkflowInboundCallsInterceptor next) {
 *         super(next);
 *     }
 *
 *     @Override
 *     public WorkflowOutput execute(WorkflowInput input) {
 *         WorkflowOutput output = super.execute(input);
 *         Workflow.getLogger(ResultLogging.class).info("result {}", output.getResult());
 *         return output;
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowInboundCallsInterceptorBase implements WorkflowInboundCallsInterceptor {

    /** The next interceptor of the chain; never {@code null}. */
    protected final WorkflowInboundCallsInterceptor next;

    /**
     * Creates an interceptor that passes the calls on to {@code next}.
     *
     * @param next the next interceptor; never {@code null}
     */
    public WorkflowInboundCallsInterceptorBase(WorkflowInboundCallsInterceptor next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void init(WorkflowOutboundCallsInterceptor outbound) {
        next.init(outbound);
    }

    @Override
    public WorkflowOutput execute(WorkflowInput input) {
        return next.execute(input);
    }

    @Override
    public void handleSignal(SignalInput input) {
        next.handleSignal(input);
    }

    @Override
    public QueryOutput handleQuery(QueryInput input) {
        return next.handleQuery(input);
    }

    @Override
    public void validateUpdate(UpdateInput input) {
        next.validateUpdate(input);
    }

    @Override
    public UpdateOutput executeUpdate(UpdateInput input) {
        return next.executeUpdate(input);
    }
}
