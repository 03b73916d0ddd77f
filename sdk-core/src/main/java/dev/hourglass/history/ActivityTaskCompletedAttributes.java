package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#ActivityTaskCompleted}: an activity completed with a result.
 *
 * @param activityId the scheduled activity's id
 * @param result the activity method's result (JSON {@code null} for none); never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ActivityTaskCompletedAttributes(String activityId, Payload result) implements EventAttributes {

    /** Checks that {@code result} is not {@code null}. */
    public ActivityTaskCompletedAttributes {
        Objects.requireNonNull(result, "result");
    }

    @Override
    public EventType eventType() {
        return EventType.ActivityTaskCompleted;
    }
}
