package dev.hourglass.internal.worker;

/**
 * Runs the tasks of workers on a thread of its own (the driver) instead of poller threads. A worker factory
 * created with a driver starts no pollers: each worker registers a {@link DrivenWorker} when it starts, and
 * the driver calls {@link DrivenWorker#runAvailable()} whenever work may be queued for it. The test
 * environment uses this to run workflow tasks and activity attempts on its single virtual-time thread,
 * without a thread hand-off per task.
 *
 * <p>An activity attempt runs on the driver thread itself. If it heartbeats, or the driver finds it still
 * running after a while (it blocks, it waits for something the driver would have to do), the driver role
 * moves to a new thread and the attempt goes on where it is: see {@link #handOver()}.
 */
public interface TaskDriver {

    /** Called when a worker starts; from then on the driver runs its tasks. */
    void register(DrivenWorker worker);

    /** Called when a worker shuts down; the driver stops calling it. */
    void unregister(DrivenWorker worker);

    /**
     * Called when an activity slot of a worker frees up while all were taken, so that an attempt queued
     * meanwhile is handed out.
     */
    void wake();

    /** Returns whether the calling thread is the driver now (it may lose the role while running an activity). */
    boolean isDriving();

    /**
     * Called on the driver thread just before it runs an activity attempt; returns a token for
     * {@link #activityEnded}.
     */
    long activityStarted();

    /** Called on the thread that ran the attempt of {@code token} when it is over. */
    void activityEnded(long token);

    /**
     * Called from an activity attempt (when it heartbeats): if it runs on the driver thread, the driver role
     * moves to a new thread at once, so that the attempt may block without holding up anything else.
     */
    void handOver();

    /**
     * Called (from another thread) when {@code thread} is stuck in workflow code that does not yield: if it is the
     * driver, the driver role moves to a new thread at once, so that other executions go on.
     */
    void released(Thread thread);
}
