package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * Wraps the calls a {@link WorkflowClient}'s workflow stubs make: starts, signals, signal-with-start, queries,
 * results, cancellation and termination, of typed and untyped stubs alike.
 *
 * <p>Register interceptors with {@code WorkflowClientOptions.newBuilder().setInterceptors(...)}. When the client is
 * created, each is asked once to wrap the next one; the first registered is the outermost, so it sees every call
 * first.
 *
 * <pre>{@code
 * WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
 *         .setInterceptors(new StartLogging())
 *         .build());
 * }</pre>
 *
 * <p>The calls run on the caller's thread, outside workflow code: an interceptor may log, measure or use the clock.
 * There are no headers: nothing an interceptor adds reaches the workflow code, as the history format has none yet.
 *
 * @see WorkflowClientInterceptorBase
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowClientInterceptor {

    /**
     * Wraps the workflow calls of the client; called once, when the client is created.
     *
     * @param next the rest of the chain; never {@code null}
     * @return the interceptor that takes the calls in place of {@code next}, usually one that delegates to it;
     *     never {@code null}
     */
    default WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return next;
    }
}
