package dev.hourglass.internal.worker;

import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.common.Values;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.activity.ActivityTaskContext;
import dev.hourglass.history.Payload;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.common.EncodedValues;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one activity attempt and reports its result or failure. */
final class ActivityTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(ActivityTaskHandler.class);

    /** The failure type of an attempt whose result cannot be encoded. */
    static final String RESULT_NOT_ENCODABLE = "ResultNotEncodable";

    /**
     * The key of a {@link DynamicActivity} among the activities by type: it runs every type no other implementation
     * runs. Not a name an activity type could have by accident.
     */
    static final String DYNAMIC_TYPE = "(any other activity type: DynamicActivity)";

    /** A registered activity: the implementation object and the interface method to call. */
    record ActivityImplementation(Object target, Method method) {

        /** The activity of a {@link DynamicActivity}, whose {@code execute} takes the arguments undecoded. */
        static ActivityImplementation dynamic(DynamicActivity target) {
            try {
                return new ActivityImplementation(target, DynamicActivity.class.getMethod("execute", Values.class));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("DynamicActivity has no execute(Values) method", e);
            }
        }

        /** Decodes the arguments of an attempt as the method's parameters, or as one {@code Values}. */
        Object[] arguments(ActivityTask task, PayloadConverter converter) {
            if (target instanceof DynamicActivity && method.getDeclaringClass() == DynamicActivity.class) {
                return new Object[] {EncodedValues.arguments(JsonPayload.node(task.input()), converter,
                        "activity " + task.activityType())};
            }
            return converter.fromJsonArray(JsonPayload.node(task.input()), method.getParameterTypes(),
                    method.getGenericParameterTypes(), "activity ", task.activityType());
        }
    }

    private final WorkflowServiceSpi service;
    private final Map<String, ActivityImplementation> activities;
    private final PayloadConverter converter;
    private volatile boolean shuttingDown;

    /** The worker interceptors each attempt runs through, the first the outermost. */
    private List<WorkerInterceptor> interceptors = List.of();

    /** What the worker measures; set before the handler runs its first attempt. */
    private WorkerMetrics metrics = WorkerMetrics.NONE;

    ActivityTaskHandler(WorkflowServiceSpi service, Map<String, ActivityImplementation> activities,
            PayloadConverter converter) {
        this.service = service;
        this.activities = activities;
        this.converter = converter;
    }

    /** Makes the handler record what it does in {@code workerMetrics}. */
    void setMetrics(WorkerMetrics workerMetrics) {
        this.metrics = workerMetrics;
    }

    /** Makes the attempts run through {@code workerInterceptors}, the first the outermost. */
    void setInterceptors(List<WorkerInterceptor> workerInterceptors) {
        this.interceptors = List.copyOf(workerInterceptors);
    }

    /** From now on, heartbeats of the attempts this handler runs throw {@code ActivityWorkerShutdownException}. */
    void shutdown() {
        shuttingDown = true;
    }

    void handle(ActivityTask task) {
        handle(task, () -> { });
    }

    /** Runs the attempt; {@code onHeartbeat} runs each time the activity heartbeats, before it is recorded. */
    void handle(ActivityTask task, Runnable onHeartbeat) {
        handle(task, onHeartbeat, false, null);
    }

    /**
     * Runs the attempt; with {@code takeNext}, a completion also takes the next due attempt of the task queue from the
     * service ({@link WorkflowServiceSpi#completeActivityTaskAndTakeNext}) for worker {@code identity}, which the
     * caller runs next instead of polling.
     *
     * @return the next attempt, or {@code null} if the service handed none out
     */
    ActivityTask handle(ActivityTask task, Runnable onHeartbeat, boolean takeNext, String identity) {
        ActivityImplementation implementation = activities.getOrDefault(task.activityType(),
                activities.get(DYNAMIC_TYPE));
        if (implementation == null) {
            service.failActivityTask(task.taskToken(), failure(ApplicationFailure.newFailure(
                    "activity type '" + task.activityType() + "' is not registered on the worker of task queue '"
                            + task.taskQueue() + "'; registered: " + activities.keySet(), "ActivityTypeNotRegistered")));
            return null;
        }
        metrics.activityStarted(task.activityType(), Duration.between(task.attemptDueTime(),
                service.getClock().instant()));
        long began = System.nanoTime();
        ActivityTaskContext context = new ActivityTaskContext(task, (details, encoded) -> {
            onHeartbeat.run();
            return service.recordActivityHeartbeat(task.taskToken(), encoded);
        }, "its workflow canceled it", () -> shuttingDown, converter);
        ActivityContextHolder.set(context);
        Object result;
        try {
            Object[] args = implementation.arguments(task, converter);
            result = ActivityInterceptors.invoke(interceptors, context, implementation, args);
            metrics.activityEnded(task.activityType(), Duration.ofNanos(System.nanoTime() - began), false);
        } catch (Throwable t) {
            metrics.activityEnded(task.activityType(), Duration.ofNanos(System.nanoTime() - began),
                    !(t instanceof ActivityCanceledException));
            // even a StackOverflowError or an OutOfMemoryError is this attempt's failure: rethrown, it would end
            // the worker's thread and leave the attempt to its timeout with its cause lost
            if (t instanceof VirtualMachineError) {
                log.error("activity {} attempt {} of {} failed with {}", task.activityType(), task.attempt(),
                        task.workflowId(), t.getClass().getName(), t);
            } else {
                log.debug("activity {} attempt {} of {} failed", task.activityType(), task.attempt(),
                        task.workflowId(), t);
            }
            if (t instanceof ActivityCanceledException) {
                // the service records the activity canceled if that was requested, else counts a failed attempt
                service.reportActivityTaskCanceled(task.taskToken());
            } else {
                service.failActivityTask(task.taskToken(), failure(t));
            }
            return null;
        } finally {
            ActivityContextHolder.clear();
        }
        if (context.isDoNotCompleteOnReturn()) {
            // completed later through an ActivityCompletionClient, or timed out; the worker's slot is free now
            log.debug("activity {} attempt {} of {} awaits completion from outside the worker", task.activityType(),
                    task.attempt(), task.workflowId());
            service.activityAwaitsCompletion(task.taskToken());
            return null;
        }
        Payload encoded;
        try {
            encoded = JsonPayload.of(converter.toJson(result, "the result of activity ", task.activityType()));
        } catch (RuntimeException | StackOverflowError e) {
            service.failActivityTask(task.taskToken(), failure(ApplicationFailure.newFailureWithCause("the result of"
                    + " activity " + task.activityType() + " (a " + result.getClass().getName() + ") cannot be encoded"
                    + " as JSON: " + e + "; return a value without cycles or unsupported types (a record or a plain"
                    + " object)", RESULT_NOT_ENCODABLE, e)));
            return null;
        }
        if (takeNext) {
            return service.completeActivityTaskAndTakeNext(task.taskToken(), encoded, task.taskQueue(), identity);
        }
        service.completeActivityTask(task.taskToken(), encoded);
        return null;
    }

    private Payload failure(Throwable failure) {
        return JsonPayload.of(FailureConverter.toJson(failure, converter));
    }
}
