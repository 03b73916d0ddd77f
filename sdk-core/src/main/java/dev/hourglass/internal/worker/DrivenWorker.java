package dev.hourglass.internal.worker;

import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks of one worker, taken without waiting by a {@link TaskDriver}: workflow tasks, queries and
 * activity attempts run on the driver's thread, one after the other in the order the service hands them out
 * (its {@code TaskOrder}), so that what happens next never depends on thread timing and a seeded run repeats
 * itself.
 *
 * <p>An activity that heartbeats or runs long (it blocks, or waits to be canceled) does not hold up the
 * rest: the driver role moves to another thread (see {@link TaskDriver#handOver()}) and the attempt reports
 * its outcome from where it runs when it is done.
 */
public final class DrivenWorker {

    private static final Logger log = LoggerFactory.getLogger(DrivenWorker.class);

    private final String taskQueue;
    private final String identity;
    private final WorkflowServiceSpi service;
    private final WorkflowTaskHandler workflowHandler;
    private final ActivityTaskHandler activityHandler;
    private final Semaphore activitySlots;
    private final TaskDriver driver;

    DrivenWorker(String taskQueue, String identity, WorkflowServiceSpi service, WorkflowTaskHandler workflowHandler,
            ActivityTaskHandler activityHandler, int maxConcurrentActivities, TaskDriver driver) {
        this.taskQueue = taskQueue;
        this.identity = identity;
        this.service = service;
        this.workflowHandler = workflowHandler;
        this.activityHandler = activityHandler;
        this.activitySlots = new Semaphore(maxConcurrentActivities);
        this.driver = driver;
    }

    /** The task queue of the worker. */
    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Runs at most one queued workflow task (or query), then every queued activity attempt that finds a free
     * slot, on the calling thread; stops early if the calling thread is no longer the driver. Never waits for
     * work to arrive.
     *
     * @return whether anything was taken, so that the caller should look again
     */
    public boolean runAvailable() {
        boolean worked = false;
        if (workflowHandler != null) {
            WorkflowTask task = service.pollWorkflowTask(taskQueue, Duration.ZERO);
            if (task != null) {
                worked = true;
                try {
                    workflowHandler.handle(task);
                } catch (RuntimeException e) {
                    log.error("workflow task of task queue '{}' could not be handled", taskQueue, e);
                }
            }
        }
        while (activityHandler != null && driver.isDriving() && activitySlots.tryAcquire()) {
            ActivityTask task = service.pollActivityTask(taskQueue, identity, Duration.ZERO);
            if (task == null) {
                activitySlots.release();
                break;
            }
            worked = true;
            runActivity(task);
        }
        return worked;
    }

    private void runActivity(ActivityTask task) {
        long token = driver.activityStarted();
        try {
            activityHandler.handle(task, driver::handOver);
        } catch (RuntimeException e) {
            log.error("activity attempt of task queue '{}' could not be handled", taskQueue, e);
        } finally {
            driver.activityEnded(token);
            boolean wereAllTaken = activitySlots.availablePermits() == 0;
            activitySlots.release();
            if (wereAllTaken) {
                driver.wake();
            }
        }
    }
}
