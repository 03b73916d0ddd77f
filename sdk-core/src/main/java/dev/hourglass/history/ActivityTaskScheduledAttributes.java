package dev.hourglass.history;

import dev.hourglass.common.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskScheduled}: the workflow scheduled an activity.
 *
 * @param activityId the activity's id within the run
 * @param activityType the activity type: the activity method's name unless renamed
 * @param taskQueue the task queue the activity is dispatched on
 * @param input the activity method's arguments, a JSON array; never {@code null}
 * @param startToCloseTimeout the longest one attempt may run, or {@code null}
 * @param scheduleToCloseTimeout the longest all attempts with the waits between them may take, or {@code null}
 * @param heartbeatTimeout the longest an attempt may go without heartbeating, or {@code null}
 * @param retryPolicy how failed attempts are retried, or {@code null} for the default policy
 * @param scheduleToStartTimeout the longest each attempt may wait in the task queue for a worker, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskScheduledAttributes(String activityId, String activityType, String taskQueue, Payload input,
        Duration startToCloseTimeout, Duration scheduleToCloseTimeout, Duration heartbeatTimeout,
        RetryPolicy retryPolicy, Duration scheduleToStartTimeout) implements EventAttributes {

    /** Checks that {@code input} is not {@code null}. */
    public ActivityTaskScheduledAttributes {
        Objects.requireNonNull(input, "input");
    }

    /**
     * The attributes of an activity without a schedule-to-start timeout.
     *
     * @param activityId the activity's id within the run
     * @param activityType the activity type
     * @param taskQueue the task queue the activity is dispatched on
     * @param input the arguments, a JSON array; never {@code null}
     * @param startToCloseTimeout the start-to-close timeout, or {@code null}
     * @param scheduleToCloseTimeout the schedule-to-close timeout, or {@code null}
     * @param heartbeatTimeout the heartbeat timeout, or {@code null}
     * @param retryPolicy the retry policy, or {@code null}
     */
    public ActivityTaskScheduledAttributes(String activityId, String activityType, String taskQueue, Payload input,
            Duration startToCloseTimeout, Duration scheduleToCloseTimeout, Duration heartbeatTimeout,
            RetryPolicy retryPolicy) {
        this(activityId, activityType, taskQueue, input, startToCloseTimeout, scheduleToCloseTimeout,
                heartbeatTimeout, retryPolicy, null);
    }

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskScheduled;
    }
}
