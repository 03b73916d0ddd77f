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
     * <p>The interface is checked here: one {@code @WorkflowMethod}; every abstract method a workflow, signal or
     * query method; no two signal methods, and no two query methods, of one name; payload types that JSON can
     * create (see {@link dev.hourglass.workflow.WorkflowInterface}). When the determinism agent is installed, its
     * static check looks for nondeterministic calls in the code each class reaches (once per class and JVM) and
     * logs what it finds as a warning.
     *
     * @throws IllegalArgumentException naming what to fix when a class is not a valid implementation
     */
    void registerWorkflowImplementationTypes(Class<?>... workflowImplementationClasses);

    /**
     * Registers activity implementation objects; every abstract method of each {@code @ActivityInterface} they
     * implement becomes an activity type (default methods do not). The objects are shared by all activity
     * executions.
     *
     * @throws IllegalArgumentException naming what to fix, and registering none of the objects, when an object
     *         implements no activity interface, serves one activity type through two different methods (overloads,
     *         or one {@code @ActivityMethod} name), or has an activity type already registered on this worker
     */
    void registerActivitiesImplementations(Object... activityImplementations);
}
