package dev.hourglass.activity;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Describes the activity attempt that is running, as seen from activity code.
 *
 * <p>Obtain it with {@code Activity.getExecutionContext().getInfo()}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ActivityInfo {

    /**
     * Returns the number of this attempt, counting from {@code 1}.
     *
     * @return the attempt number, at least {@code 1}
     */
    int getAttempt();

    /**
     * Returns the id of the activity, unique within its workflow execution.
     *
     * @return the activity id, never {@code null}
     */
    String getActivityId();

    /**
     * Returns the activity type: the method name or {@link ActivityMethod#name()}.
     *
     * @return the activity type, never {@code null}
     */
    String getActivityType();

    /**
     * Returns the id of the workflow execution that scheduled the activity.
     *
     * @return the workflow id, never {@code null}
     */
    String getWorkflowId();

    /**
     * Returns the run id of the workflow execution that scheduled the activity.
     *
     * @return the run id, never {@code null}
     */
    String getRunId();

    /**
     * Returns the type of the workflow that scheduled the activity.
     *
     * @return the workflow type, never {@code null}
     */
    String getWorkflowType();

    /**
     * Returns the task queue the activity was dispatched on.
     *
     * @return the task queue, never {@code null}
     */
    String getTaskQueue();

    /**
     * Returns when the activity was scheduled by its workflow (the first attempt's schedule time).
     *
     * @return the schedule time, never {@code null}
     */
    Instant getScheduledTime();

    /**
     * Returns the longest time allowed between two heartbeats.
     *
     * @return the heartbeat timeout, or {@code null} if the activity has none
     */
    Duration getHeartbeatTimeout();

    /**
     * Returns whether the attempt is of a local activity: run by the worker inside the workflow task that called
     * it (see {@code Workflow.newLocalActivityStub}), rather than dispatched through the service.
     *
     * @return {@code true} for a local activity
     */
    default boolean isLocal() {
        return false;
    }
}
