package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskStarted}: a worker ran an attempt of the activity; recorded with
 * the outcome of that attempt.
 *
 * @param activityId the scheduled activity's id
 * @param attempt the attempt number, from 1
 * @param identity the identity of the worker that ran the attempt, or {@code null} when the worker has none (the
 *      default; see {@code WorkflowClientOptions.Builder.setIdentity})
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskStartedAttributes(String activityId, int attempt, String identity)
        implements EventAttributes {

    /**
     * The attributes of an attempt run by a worker without an identity.
     *
     * @param activityId the scheduled activity's id
     * @param attempt the attempt number, from 1
     */
    public ActivityTaskStartedAttributes(String activityId, int attempt) {
        this(activityId, attempt, null);
    }

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskStarted;
    }
}
