package dev.hourglass.interceptors;

import org.apiguardian.api.API;

/**
 * Wraps the calls into and out of the workflow and activity code of a worker factory's workers.
 *
 * <p>Register interceptors with {@code WorkerFactoryOptions.newBuilder().setWorkerInterceptors(...)}. For each workflow
 * run and each activity attempt, every interceptor is asked to wrap the next one: the first registered is the
 * outermost, so it sees a call into the code (the workflow method, a signal, a query, an activity) first and a call
 * the workflow code makes (an activity, a timer…) last, just before Hourglass carries it out.
 *
 * <pre>{@code
 * WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
 *         .setWorkerInterceptors(new TracingInterceptor(), new MetricsInterceptor())
 *         .build());
 * }</pre>
 *
 * <p>Both methods return {@code next} unless overridden, so an interceptor overrides only the side it wraps.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkerInterceptor {

    /**
     * Wraps the inbound calls of one workflow run.
     *
     * <p>Called once per run and again each time the run is rebuilt by replay (after it was evicted from the cache,
     * for a query, in a replay test), on the run's workflow thread: this is workflow code and must be deterministic.
     *
     * @param next the rest of the chain; never {@code null}
     * @return the interceptor that takes the calls in place of {@code next}, usually one that delegates to it;
     *     never {@code null}
     */
    default WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return next;
    }

    /**
     * Wraps the inbound calls of one activity attempt (of an activity or a local activity), on the thread that runs
     * the attempt.
     *
     * @param next the rest of the chain; never {@code null}
     * @return the interceptor that takes the calls in place of {@code next}; never {@code null}
     */
    default ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return next;
    }
}
