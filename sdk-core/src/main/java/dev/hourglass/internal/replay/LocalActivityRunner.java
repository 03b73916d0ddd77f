package dev.hourglass.internal.replay;

import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.history.Payload;
import java.time.Duration;

/**
 * Runs the attempts of a local activity on behalf of a workflow task: the worker's side of
 * {@link LocalActivities}. Called on the thread that holds control of the execution while every workflow thread
 * is blocked; it returns once the attempts it may run in this task are over.
 */
public interface LocalActivityRunner {

    /**
     * What to run: one call of a local activity from its attempt {@code attempt} on.
     *
     * @param activityId the activity's id within the run
     * @param activityType the activity type
     * @param input the arguments, a JSON array
     * @param options the options of the call
     * @param attempt the first attempt to run now, from 1
     * @param scheduledTimeMillis the workflow time of the call, which the local retry threshold and the
     *     schedule-to-close timeout count from
     * @param workflowTimeMillis the workflow time now
     * @param workflowId the calling run's workflow id
     * @param runId the calling run's id
     * @param workflowType the calling run's workflow type
     * @param taskQueue the calling run's task queue
     */
    record Request(String activityId, String activityType, Payload input, LocalActivityOptions options, int attempt,
            long scheduledTimeMillis, long workflowTimeMillis, String workflowId, String runId, String workflowType,
            String taskQueue) {
    }

    /**
     * How the attempts run in this task ended.
     *
     * @param attempt the last attempt that ran; when {@code deferred}, the attempt still to run
     * @param completed whether the last attempt completed
     * @param result the result of the completed attempt (JSON), else {@code null}
     * @param failure the failure of the last attempt (JSON), else {@code null}
     * @param backoff how long the workflow waits on a timer before the next attempt; {@code null} when there is
     *     none (completed, or failed for good)
     * @param deferred whether no attempt ran because the workflow task had no time left for it
     */
    record Outcome(int attempt, boolean completed, Payload result, Payload failure, Duration backoff,
            boolean deferred) {
    }

    /**
     * Runs the attempts; {@code keepAlive} must be called at least every few milliseconds while waiting, so that
     * the deadlock detector sees the task is making progress.
     *
     * @return the outcome; never {@code null}
     * @throws LocalActivityNotRegisteredException if the worker has no implementation of the activity type
     */
    Outcome run(Request request, Runnable keepAlive);
}
