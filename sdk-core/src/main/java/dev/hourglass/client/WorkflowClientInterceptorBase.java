package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * A {@link WorkflowClientInterceptor} that wraps nothing: extend it and override
 * {@link #workflowClientCallsInterceptor}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowClientInterceptorBase implements WorkflowClientInterceptor {

    @Override
    public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return next;
    }
}
