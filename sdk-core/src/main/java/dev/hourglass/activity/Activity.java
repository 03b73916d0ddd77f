package dev.hourglass.activity;

import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.common.CheckedExceptionWrapper;
import java.lang.reflect.InvocationTargetException;
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

    /**
     * Returns {@code e} as an unchecked exception, so that activity code can rethrow a checked exception without
     * declaring it: an unchecked exception is returned as is, and a checked one wrapped in a
     * {@link RuntimeException} whose cause it is (an {@link java.lang.reflect.InvocationTargetException} is unwrapped
     * first). The failure reported for the attempt is that of the checked exception itself, with its class name as
     * type, so that {@code RetryPolicy.setDoNotRetry} can name it.
     *
     * <pre>{@code
     * try {
     *     return Files.readString(path);
     * } catch (IOException e) {
     *     throw Activity.wrap(e);
     * }
     * }</pre>
     *
     * @param e the exception to rethrow; must not be {@code null}
     * @return {@code e} itself if it is a {@link RuntimeException}, else a new {@link RuntimeException} caused by it;
     *     never {@code null}
     * @throws Error {@code e} itself if it is an {@link Error}, which is thrown rather than wrapped
     * @throws NullPointerException if {@code e} is {@code null}
     */
    public static RuntimeException wrap(Throwable e) {
        if (e == null) {
            throw new NullPointerException("the exception to wrap must not be null");
        }
        Throwable unwrapped = e;
        while (unwrapped instanceof InvocationTargetException && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        if (unwrapped instanceof RuntimeException) {
            return (RuntimeException) unwrapped;
        }
        if (unwrapped instanceof Error) {
            throw (Error) unwrapped;
        }
        return new CheckedExceptionWrapper((Exception) unwrapped);
    }
}
