package dev.hourglass.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.common.DataConverter;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.replay.Reflection;
import dev.hourglass.service.ActivityTask;
import dev.hourglass.service.WorkflowService;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one activity attempt and reports its result or failure. */
final class ActivityTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(ActivityTaskHandler.class);

    /** A registered activity: the implementation object and the interface method to call. */
    record ActivityImplementation(Object target, Method method) {
    }

    private final WorkflowService service;
    private final Map<String, ActivityImplementation> activities;

    ActivityTaskHandler(WorkflowService service, Map<String, ActivityImplementation> activities) {
        this.service = service;
        this.activities = activities;
    }

    void handle(ActivityTask task) {
        handle(task, () -> { });
    }

    /** Runs the attempt; {@code onHeartbeat} runs each time the activity heartbeats, before it is recorded. */
    void handle(ActivityTask task, Runnable onHeartbeat) {
        ActivityImplementation implementation = activities.get(task.activityType());
        if (implementation == null) {
            service.failActivityTask(task.taskToken(), FailureConverter.toJson(ApplicationFailure.newFailure(
                    "activity type '" + task.activityType() + "' is not registered on the worker of task queue '"
                            + task.taskQueue() + "'; registered: " + activities.keySet(), "ActivityTypeNotRegistered")));
            return;
        }
        Method method = implementation.method();
        // looked up on use, not when the worker starts: the JSON mapper loads hundreds of classes (cold start)
        DataConverter converter = DataConverter.getDefault();
        ActivityContextHolder.set(new Context(task, onHeartbeat));
        try {
            Object[] args = converter.fromJsonArray(task.input(), method.getParameterTypes(),
                    method.getGenericParameterTypes());
            Object result = Reflection.invoke(method, implementation.target(), args);
            service.completeActivityTask(task.taskToken(), converter.toJson(result));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            log.debug("activity {} attempt {} of {} failed", task.activityType(), task.attempt(), task.workflowId(), e);
            service.failActivityTask(task.taskToken(), FailureConverter.toJson(e));
        } catch (Throwable t) {
            service.failActivityTask(task.taskToken(), FailureConverter.toJson(t));
        } finally {
            ActivityContextHolder.clear();
        }
    }

    /** The context an activity reads through {@code Activity.getExecutionContext()}. */
    private final class Context implements ActivityExecutionContext, ActivityInfo {
        private final ActivityTask task;
        private final Runnable onHeartbeat;

        Context(ActivityTask task, Runnable onHeartbeat) {
            this.task = task;
            this.onHeartbeat = onHeartbeat;
        }

        @Override
        public ActivityInfo getInfo() {
            return this;
        }

        @Override
        public void heartbeat(Object details) {
            onHeartbeat.run();
            if (service.recordActivityHeartbeat(task.taskToken(), DataConverter.getDefault().toJson(details))) {
                throw new CanceledFailure("activity " + task.activityType() + " (id " + task.activityId()
                        + ") was canceled or its attempt timed out; stop working on it");
            }
        }

        @Override
        public <T> Optional<T> getHeartbeatDetails(Class<T> type) {
            JsonNode details = task.lastHeartbeatDetails();
            return details == null || details.isNull() ? Optional.empty()
                    : Optional.ofNullable(DataConverter.getDefault().fromJson(details, type, type));
        }

        @Override
        public int getAttempt() {
            return task.attempt();
        }

        @Override
        public String getActivityId() {
            return task.activityId();
        }

        @Override
        public String getActivityType() {
            return task.activityType();
        }

        @Override
        public String getWorkflowId() {
            return task.workflowId();
        }

        @Override
        public String getRunId() {
            return task.runId();
        }

        @Override
        public String getWorkflowType() {
            return task.workflowType();
        }

        @Override
        public String getTaskQueue() {
            return task.taskQueue();
        }

        @Override
        public Instant getScheduledTime() {
            return task.scheduledTime();
        }

        @Override
        public Duration getHeartbeatTimeout() {
            return task.heartbeatTimeout();
        }
    }
}
