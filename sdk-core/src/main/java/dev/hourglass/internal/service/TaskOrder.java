package dev.hourglass.internal.service;

/**
 * Ranks the workflow tasks and activity attempts queued on a task queue: of those queued together, a poll takes
 * the one of lowest rank, the oldest among equals. The service asks for a task's rank once, under its lock, when
 * it queues the task.
 *
 * <p>{@link #FIFO}, the default, ranks every task the same, so the oldest is taken, as production workers expect.
 * The test environment ranks a task by a hash of its identity and the seed: so the order of tasks runnable at the
 * same virtual instant follows the seed, and, since a rank depends on nothing else, work that other threads queue
 * meanwhile (a start or a signal from the test) does not change the order of the rest.
 */
@FunctionalInterface
public interface TaskOrder {

    /** Ranks every task the same: the task queued first is taken first. */
    TaskOrder FIFO = (runId, activityId, number) -> 0;

    /**
     * Returns the rank of a task.
     *
     * @param runId the run the task belongs to, never {@code null}
     * @param activityId the activity of an attempt; {@code null} for a workflow task
     * @param number the attempt's number, or for a workflow task how many the run has queued before it plus one
     */
    long rank(String runId, String activityId, int number);
}
