package dev.hourglass.workflow;

import java.lang.reflect.Type;
import org.apiguardian.api.API;

/**
 * Calls activities by type name from workflow code, without an activity interface; created with
 * {@link Workflow#newUntypedActivityStub}.
 *
 * <pre>{@code
 * ActivityStub activities = Workflow.newUntypedActivityStub(ActivityOptions.newBuilder()
 *         .setStartToCloseTimeout(Duration.ofSeconds(10)).build());
 * String receipt = activities.execute("charge", String.class, "alice", 250);
 * }</pre>
 *
 * <p>A call records the same command and events as a call of an {@code @ActivityInterface} method of that activity
 * type with the same arguments, so a history recorded by one replays against the other.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ActivityStub {

    /**
     * Schedules activity {@code activityType} with {@code args} and waits for its result.
     *
     * @param activityType the activity type, as a worker registered it; must not be {@code null}
     * @param resultClass the type to decode the result to; {@code Void.class} to ignore it
     * @param args the arguments, encoded by the data converter
     * @return the result; {@code null} if it was {@code null}
     * @throws dev.hourglass.failure.ActivityFailure if the activity failed, timed out or was canceled
     */
    default <R> R execute(String activityType, Class<R> resultClass, Object... args) {
        return execute(activityType, resultClass, resultClass, args);
    }

    /**
     * Schedules an activity and waits for its result, decoded to a generic type such as {@code List<Item>}.
     *
     * @param activityType the activity type; must not be {@code null}
     * @param resultClass the raw type to decode the result to
     * @param resultType the generic type to decode the result to
     * @param args the arguments, encoded by the data converter
     * @return the result; {@code null} if it was {@code null}
     * @throws dev.hourglass.failure.ActivityFailure if the activity failed, timed out or was canceled
     */
    <R> R execute(String activityType, Class<R> resultClass, Type resultType, Object... args);

    /**
     * Schedules an activity and returns at once the promise of its result, which completes exceptionally with an
     * {@link dev.hourglass.failure.ActivityFailure} if the activity fails.
     *
     * @param activityType the activity type; must not be {@code null}
     * @param resultClass the type to decode the result to
     * @param args the arguments, encoded by the data converter
     * @return the promise of the result, never {@code null}
     */
    default <R> Promise<R> executeAsync(String activityType, Class<R> resultClass, Object... args) {
        return executeAsync(activityType, resultClass, resultClass, args);
    }

    /**
     * Schedules an activity and returns at once the promise of its result, decoded to a generic type.
     *
     * @param activityType the activity type; must not be {@code null}
     * @param resultClass the raw type to decode the result to
     * @param resultType the generic type to decode the result to
     * @param args the arguments, encoded by the data converter
     * @return the promise of the result, never {@code null}
     */
    <R> Promise<R> executeAsync(String activityType, Class<R> resultClass, Type resultType, Object... args);
}
