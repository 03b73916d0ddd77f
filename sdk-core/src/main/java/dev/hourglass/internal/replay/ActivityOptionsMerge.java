package dev.hourglass.internal.replay;

import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;

/** Chooses the options of one activity call from its stub's options and the workflow implementation options. */
final class ActivityOptionsMerge {

    private ActivityOptionsMerge() {
    }

    /**
     * The options of a call of {@code activityType}: the stub's options, or the default activity options when the
     * stub has none, with the options of the activity type merged over them field by field; {@code null} when
     * none of the three is set.
     */
    static ActivityOptions resolve(WorkflowImplementationOptions implementationOptions, ActivityOptions stubOptions,
            String activityType) {
        ActivityOptions base = stubOptions != null ? stubOptions : implementationOptions.getDefaultActivityOptions();
        ActivityOptions ofType = implementationOptions.getActivityOptions().get(activityType);
        if (base == null) {
            return ofType;
        }
        return ofType == null ? base : merge(base, ofType);
    }

    /**
     * {@code base} with every field that {@code override} sets replaced by its value; the cancellation type is
     * replaced only when {@code override}'s is not the default, {@link ActivityCancellationType#TRY_CANCEL}.
     */
    static ActivityOptions merge(ActivityOptions base, ActivityOptions override) {
        ActivityOptions.Builder merged = ActivityOptions.newBuilder(base);
        if (override.getStartToCloseTimeout() != null) {
            merged.setStartToCloseTimeout(override.getStartToCloseTimeout());
        }
        if (override.getScheduleToCloseTimeout() != null) {
            merged.setScheduleToCloseTimeout(override.getScheduleToCloseTimeout());
        }
        if (override.getHeartbeatTimeout() != null) {
            merged.setHeartbeatTimeout(override.getHeartbeatTimeout());
        }
        if (override.getRetryPolicy() != null) {
            merged.setRetryPolicy(override.getRetryPolicy());
        }
        if (override.getTaskQueue() != null) {
            merged.setTaskQueue(override.getTaskQueue());
        }
        if (override.getScheduleToStartTimeout() != null) {
            merged.setScheduleToStartTimeout(override.getScheduleToStartTimeout());
        }
        if (override.getCancellationType() != ActivityCancellationType.TRY_CANCEL) {
            merged.setCancellationType(override.getCancellationType());
        }
        return merged.build();
    }
}
