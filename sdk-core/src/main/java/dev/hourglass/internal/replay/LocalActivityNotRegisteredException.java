package dev.hourglass.internal.replay;

/**
 * A local activity type the worker running the workflow task has no implementation of: the workflow task fails
 * (and is retried), as for a workflow type that is not registered, until a worker that has it runs the task.
 */
public final class LocalActivityNotRegisteredException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the report of {@code activityType}, naming the types the worker has. */
    public LocalActivityNotRegisteredException(String activityType, String taskQueue, Iterable<String> registered) {
        super("local activity type '" + activityType + "' is not registered on the worker of task queue '" + taskQueue
                + "', which runs the workflow task that called it; registered: " + registered + ". A local activity"
                + " runs in the worker of its workflow: register its implementation on that worker with"
                + " Worker.registerActivitiesImplementations");
    }
}
