package dev.hourglass.internal.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What a worker measures as it runs tasks. {@link #NONE} records nothing; {@link #of} records in a Micrometer
 * registry. Only {@link MicrometerWorkerMetrics} names Micrometer's meters, so that a worker without a registry needs
 * no Micrometer on the class path.
 */
interface WorkerMetrics {

    /** Records nothing. */
    WorkerMetrics NONE = new WorkerMetrics() { };

    /** The metrics of the worker of {@code taskQueue}: in {@code registry}, or none when it is {@code null}. */
    static WorkerMetrics of(Object registry, String taskQueue) {
        return registry == null ? NONE : new MicrometerWorkerMetrics((MeterRegistry) registry, taskQueue);
    }

    /** A workflow task of {@code workflowType} was answered {@code latency} after the worker received it. */
    default void workflowTaskCompleted(String workflowType, Duration latency) {
    }

    /** A workflow task of {@code workflowType} failed. */
    default void workflowTaskFailed(String workflowType) {
    }

    /** A workflow task of a run that had one before found its execution in the cache ({@code hit}) or rebuilt it. */
    default void cacheLookedUp(boolean hit) {
    }

    /** An attempt of {@code activityType} started {@code scheduleToStart} after it was due. */
    default void activityStarted(String activityType, Duration scheduleToStart) {
    }

    /** An attempt's activity method returned or threw after {@code latency}; {@code failed} if it failed. */
    default void activityEnded(String activityType, Duration latency, boolean failed) {
    }

    /** Reads the backlog of the worker's task queue, when the gauge is read, with {@code backlog}. */
    default void watchBacklog(Object owner, LongSupplier backlog) {
    }
}
