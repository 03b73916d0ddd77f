package dev.hourglass.worker;

import dev.hourglass.workflow.Functions;
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
     * constructor without arguments, or a public one annotated with {@link dev.hourglass.workflow.WorkflowInit} that
     * takes the workflow method's parameters (one object is created per execution).
     *
     * <p>A class may instead implement {@link dev.hourglass.workflow.DynamicWorkflow}: it then runs every workflow
     * type that no other class registered on this worker runs. A worker has at most one such class.
     *
     * <p>The interface is checked here: one {@code @WorkflowMethod}; every abstract method a workflow, signal or
     * query method; no two signal methods, and no two query methods, of one name; payload types that JSON can
     * create (see {@link dev.hourglass.workflow.WorkflowInterface}). When the determinism agent is installed, its
     * static check looks for nondeterministic calls in the code each class reaches (once per class and JVM) and
     * logs what it finds as a warning.
     *
     * @throws IllegalArgumentException naming what to fix when a class is not a valid implementation (including a
     *         {@code @WorkflowInit} constructor whose parameters are not the workflow method's, or two of them), or
     *         is a second {@code DynamicWorkflow}
     */
    void registerWorkflowImplementationTypes(Class<?>... workflowImplementationClasses);

    /**
     * Registers workflow implementation classes as {@link #registerWorkflowImplementationTypes(Class[])} does, their
     * executions run with {@code options}: which exceptions fail the workflow, and the activity options of their
     * activity stubs (see {@link WorkflowImplementationOptions}).
     *
     * @param options the options of every class given; must not be {@code null}
     * @param workflowImplementationClasses the classes; none of them {@code null}
     * @throws IllegalArgumentException naming what to fix when a class is not a valid implementation, or is already
     *         registered on this worker with other options
     * @throws IllegalStateException if the factory of workers was already started
     * @since 0.1
     */
    void registerWorkflowImplementationTypes(WorkflowImplementationOptions options,
            Class<?>... workflowImplementationClasses);

    /**
     * Registers a factory of implementations of {@code workflowInterface}: the worker calls it for each execution
     * of the interface's workflow type it runs, and again whenever it rebuilds an execution by replay (after
     * an eviction, for example). Useful where the implementation needs constructor arguments, or in tests, to
     * run a mock of a child workflow:
     *
     * <pre>{@code
     * Packing packing = mock(Packing.class);
     * when(packing.pack("book")).thenReturn("boxed");
     * worker.registerWorkflowImplementationFactory(Packing.class, () -> packing);
     * }</pre>
     *
     * <p>The factory runs as workflow code, so it must be deterministic; it may return the same object every
     * time only if that object keeps no state of its own across executions (as a mock answering fixed values).
     * The interface is checked here as {@link #registerWorkflowImplementationTypes} checks it; the determinism
     * agent's static check does not look at factory-made implementations, whose class is not known in advance.
     *
     * @param workflowInterface an interface annotated with {@code @WorkflowInterface}; must not be {@code null}
     * @param factory returns an object implementing {@code workflowInterface}; must not be {@code null}. When it
     *                returns {@code null} or throws, the workflow task fails (and is retried), as when a
     *                constructor throws
     * @param <T> the workflow interface
     * @throws IllegalArgumentException naming what to fix when {@code workflowInterface} is not a valid workflow
     *         interface, or its workflow type is already registered on this worker
     * @throws IllegalStateException if the factory of workers was already started
     * @since 0.1
     */
    <T> void registerWorkflowImplementationFactory(Class<T> workflowInterface, Functions.Func<T> factory);

    /**
     * Registers a factory of implementations of {@code workflowInterface} as
     * {@link #registerWorkflowImplementationFactory(Class, Functions.Func)} does, their executions run with
     * {@code options} (see {@link WorkflowImplementationOptions}).
     *
     * @param workflowInterface an interface annotated with {@code @WorkflowInterface}; must not be {@code null}
     * @param factory returns an object implementing {@code workflowInterface}; must not be {@code null}
     * @param options the options of the executions; must not be {@code null}
     * @param <T> the workflow interface
     * @throws IllegalArgumentException naming what to fix when {@code workflowInterface} is not a valid workflow
     *         interface, or its workflow type is already registered on this worker
     * @throws IllegalStateException if the factory of workers was already started
     * @since 0.1
     */
    <T> void registerWorkflowImplementationFactory(Class<T> workflowInterface, Functions.Func<T> factory,
            WorkflowImplementationOptions options);

    /**
     * Registers activity implementation objects; every abstract method of each {@code @ActivityInterface} they
     * implement becomes an activity type (default methods do not), prefixed with the interface's
     * {@link dev.hourglass.activity.ActivityInterface#namePrefix()}. The objects are shared by all activity
     * executions. An object implementing {@link dev.hourglass.activity.DynamicActivity} runs every activity type no
     * other registered object runs; a worker has at most one.
     *
     * @throws IllegalArgumentException naming what to fix, and registering none of the objects, when an object
     *         implements no activity interface (and is no {@code DynamicActivity}), serves one activity type through
     *         two different methods (overloads, or one {@code @ActivityMethod} name), has an activity type already
     *         registered on this worker, or is a second {@code DynamicActivity}
     */
    void registerActivitiesImplementations(Object... activityImplementations);
}
