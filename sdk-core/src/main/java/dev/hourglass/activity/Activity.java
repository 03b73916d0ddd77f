package dev.hourglass.activity;

import dev.hourglass.internal.activity.ActivityContextHolder;
import org.apiguardian.api.API;

/**
 * Entry point for code running inside an activity.
 *
 * <pre>{@code
 * public void transfer(String account, long amount) {
 *   ActivityExecutionContext context = Activity.getExecutionContext();
 *   int attempt = context.getInfo().getAttempt();
 *   context.heartbeat(progress);
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Activity {

    private Activity() {}

    /**
     * Returns the context of the activity running on the current thread.
     *
     * @return the context, never {@code null}
     * @throws IllegalStateException if the current thread is not running an activity method
     */
    public static ActivityExecutionContext getExecutionContext() {
        ActivityExecutionContext context = ActivityContextHolder.current();
        if (context == null) {
            throw new IllegalStateException(
                    "Activity.getExecutionContext() called outside an activity: call it from the thread that runs "
                            + "an activity method, not from workflow code, a test or a thread the activity started");
        }
        return context;
    }
}
