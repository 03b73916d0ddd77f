package dev.hourglass.interceptors;

import org.apiguardian.api.API;

/**
 * A {@link WorkerInterceptor} that wraps nothing: extend it and override the side to wrap.
 *
 * <pre>{@code
 * class CountingInterceptor extends WorkerInterceptorBase {
 *     @Override
 *     public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
 *         return new CountingActivityInbound(next);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkerInterceptorBase implements WorkerInterceptor {

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return next;
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return next;
    }
}
