package dev.hourglass.activity;

import dev.hourglass.common.Values;
import org.apiguardian.api.API;

/**
 * An activity implementation that runs every activity type no other implementation registered on the same worker
 * runs, with its arguments undecoded.
 *
 * <p>Register the object like any activity implementation, with
 * {@link dev.hourglass.worker.Worker#registerActivitiesImplementations}; it implements this interface instead of an
 * {@link ActivityInterface}. A worker has at most one: registering a second one fails with an
 * {@link IllegalArgumentException}. The type of the attempt running is
 * {@code Activity.getExecutionContext().getInfo().getActivityType()}; heartbeats, retries and timeouts are those of
 * any activity.
 *
 * <pre>{@code
 * public static class Echo implements DynamicActivity {
 *     public Object execute(Values args) {
 *         return Activity.getExecutionContext().getInfo().getActivityType() + ":" + args.get(0, String.class);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface DynamicActivity {

    /**
     * Runs one attempt of an activity.
     *
     * @param args the arguments the workflow scheduled the activity with, decoded when read; never {@code null}
     * @return the result of the activity, encoded by the data converter; may be {@code null}
     */
    Object execute(Values args);
}
