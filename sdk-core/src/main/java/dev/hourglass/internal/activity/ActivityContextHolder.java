package dev.hourglass.internal.activity;

import dev.hourglass.activity.ActivityExecutionContext;
import org.apiguardian.api.API;

/**
 * Holds the {@link ActivityExecutionContext} of the activity running on the current thread.
 *
 * <p>The code that runs an activity method calls {@link #set(ActivityExecutionContext)} before it and
 * {@link #clear()} after it, in a {@code finally} block.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ActivityContextHolder {

    private static final ThreadLocal<ActivityExecutionContext> CURRENT = new ThreadLocal<>();

    private ActivityContextHolder() {}

    /**
     * Makes {@code context} the context of the current thread, replacing any previous one.
     *
     * @param context the context; must not be {@code null} (use {@link #clear()} to remove it)
     * @throws IllegalArgumentException if {@code context} is {@code null}
     */
    public static void set(ActivityExecutionContext context) {
        if (context == null) {
            throw new IllegalArgumentException("context must not be null: call clear() to remove it");
        }
        CURRENT.set(context);
    }

    /** Removes the context of the current thread, if any. */
    public static void clear() {
        CURRENT.remove();
    }

    /**
     * Returns the context of the current thread.
     *
     * @return the context, or {@code null} if the current thread is not running an activity
     */
    public static ActivityExecutionContext current() {
        return CURRENT.get();
    }
}
