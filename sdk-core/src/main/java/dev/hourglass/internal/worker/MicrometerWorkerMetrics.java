package dev.hourglass.internal.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.LongSupplier;

/** {@link WorkerMetrics} in a Micrometer registry, every meter tagged with the worker's task queue. */
final class MicrometerWorkerMetrics implements WorkerMetrics {

    private static final String TASK_QUEUE = "task_queue";

    private final MeterRegistry registry;
    private final String taskQueue;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    MicrometerWorkerMetrics(MeterRegistry registry, String taskQueue) {
        this.registry = registry;
        this.taskQueue = taskQueue;
        this.cacheHits = Counter.builder("hourglass.workflow.cache").tag(TASK_QUEUE, taskQueue).tag("result", "hit")
                .description("workflow tasks whose execution was in the worker's cache").register(registry);
        this.cacheMisses = Counter.builder("hourglass.workflow.cache").tag(TASK_QUEUE, taskQueue).tag("result", "miss")
                .description("workflow tasks whose execution was rebuilt by replay").register(registry);
    }

    @Override
    public void workflowTaskCompleted(String workflowType, Duration latency) {
        Timer.builder("hourglass.workflow.task.latency").tag(TASK_QUEUE, taskQueue).tag("workflow_type", workflowType)
                .description("time from receiving a workflow task to answering it").register(registry)
                .record(latency);
    }

    @Override
    public void workflowTaskFailed(String workflowType) {
        Counter.builder("hourglass.workflow.task.failures").tag(TASK_QUEUE, taskQueue)
                .tag("workflow_type", workflowType).description("workflow tasks that failed").register(registry)
                .increment();
    }

    @Override
    public void cacheLookedUp(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    @Override
    public void activityStarted(String activityType, Duration scheduleToStart) {
        Timer.builder("hourglass.activity.schedule_to_start.latency").tag(TASK_QUEUE, taskQueue)
                .tag("activity_type", activityType).description("time from an attempt being due to its start")
                .register(registry).record(scheduleToStart.isNegative() ? Duration.ZERO : scheduleToStart);
        Counter.builder("hourglass.activity.attempts").tag(TASK_QUEUE, taskQueue).tag("activity_type", activityType)
                .description("activity attempts started").register(registry).increment();
    }

    @Override
    public void activityEnded(String activityType, Duration latency, boolean failed) {
        Timer.builder("hourglass.activity.execution.latency").tag(TASK_QUEUE, taskQueue)
                .tag("activity_type", activityType).description("time an activity method ran").register(registry)
                .record(latency);
        if (failed) {
            Counter.builder("hourglass.activity.failures").tag(TASK_QUEUE, taskQueue)
                    .tag("activity_type", activityType).description("activity attempts that failed")
                    .register(registry).increment();
        }
    }

    @Override
    public void watchBacklog(Object owner, LongSupplier backlog) {
        Gauge.builder("hourglass.task_queue.backlog", owner, o -> backlog.getAsLong()).tag(TASK_QUEUE, taskQueue)
                .description("workflow tasks and activity attempts due and not yet taken").register(registry);
    }
}
