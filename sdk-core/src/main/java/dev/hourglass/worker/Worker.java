package dev.hourglass.worker;

import org.apiguardian.api.API;

/**
 * Runs the registered workflow and activity implementations for one task queue.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Worker {

    /** Returns the task queue this worker polls. */
    String getTaskQueue();

    /**
     * Registers workflow implementation classes; each implements one {@code @WorkflowInterface} and has a
     * constructor without arguments (one object is created per execution).
     *
     * @throws IllegalArgumentException naming what to fix when a class is not a valid implementation
     */
    void registerWorkflowImplementationTypes(Class<?>... workflowImplementationClasses);

    /**
     * Registers activity implementation objects; every method of each {@code @ActivityInterface} they
     * implement becomes an activity type. The objects are shared by all activity executions.
     */
    void registerActivitiesImplementations(Object... activityImplementations);
}
