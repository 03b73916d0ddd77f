package dev.hourglass.internal.worker;

import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.activity.ActivityTaskContext;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.Reflection;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.lang.reflect.Method;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one activity attempt and reports its result or failure. */
final class ActivityTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(ActivityTaskHandler.class);

    /** A registered activity: the implementation object and the interface method to call. */
    record ActivityImplementation(Object target, Method method) {
    }

    private final WorkflowServiceSpi service;
    private final Map<String, ActivityImplementation> activities;
    private final PayloadConverter converter;

    ActivityTaskHandler(WorkflowServiceSpi service, Map<String, ActivityImplementation> activities,
            PayloadConverter converter) {
        this.service = service;
        this.activities = activities;
        this.converter = converter;
    }

    void handle(ActivityTask task) {
        handle(task, () -> { });
    }

    /** Runs the attempt; {@code onHeartbeat} runs each time the activity heartbeats, before it is recorded. */
    void handle(ActivityTask task, Runnable onHeartbeat) {
        ActivityImplementation implementation = activities.get(task.activityType());
        if (implementation == null) {
            service.failActivityTask(task.taskToken(), failure(ApplicationFailure.newFailure(
                    "activity type '" + task.activityType() + "' is not registered on the worker of task queue '"
                            + task.taskQueue() + "'; registered: " + activities.keySet(), "ActivityTypeNotRegistered")));
            return;
        }
        Method method = implementation.method();
        ActivityContextHolder.set(new ActivityTaskContext(task, (details, encoded) -> {
            onHeartbeat.run();
            return service.recordActivityHeartbeat(task.taskToken(), encoded);
        }, "was canceled or its attempt timed out", converter));
        try {
            Object[] args = converter.fromJsonArray(JsonPayload.node(task.input()), method.getParameterTypes(),
                    method.getGenericParameterTypes(), "activity ", task.activityType());
            Object result = Reflection.invoke(method, implementation.target(), args);
            service.completeActivityTask(task.taskToken(),
                    JsonPayload.of(converter.toJson(result, "the result of activity ", task.activityType())));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            log.debug("activity {} attempt {} of {} failed", task.activityType(), task.attempt(), task.workflowId(), e);
            service.failActivityTask(task.taskToken(), failure(e));
        } catch (Throwable t) {
            service.failActivityTask(task.taskToken(), failure(t));
        } finally {
            ActivityContextHolder.clear();
        }
    }

    private static Payload failure(Throwable failure) {
        return JsonPayload.of(FailureConverter.toJson(failure));
    }
}
