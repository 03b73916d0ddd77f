package dev.hourglass.failure;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Reports that workflow code held its execution for longer than the deadlock detection timeout without calling
 * the Hourglass API: it spins, or it blocks in something other than {@code Workflow} calls (a JDK lock,
 * {@code CountDownLatch.await}, {@code Thread.sleep}, blocking I/O).
 *
 * <p>It fails the workflow task, not the workflow execution: the worker goes on with other executions, and the
 * execution resumes once fixed code is deployed. Its stack trace is the stack of the workflow thread at the
 * moment it was found stuck, so the top frames show where the code is.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class PotentialDeadlockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String threadName;
    private final Duration timeout;

    /**
     * Creates the report.
     *
     * @param message what was found, where and what to do; may be {@code null}
     * @param threadName the name of the workflow thread that did not yield, such as {@code "root"}
     * @param timeout the deadlock detection timeout that it exceeded
     */
    public PotentialDeadlockException(String message, String threadName, Duration timeout) {
        super(message);
        this.threadName = threadName;
        this.timeout = timeout;
    }

    /**
     * Returns the name of the workflow thread that did not yield: {@code "root"} for the workflow method,
     * {@code "signal <name>"} for a signal handler, {@code "async-<n>"} for a {@code Workflow.async} function.
     *
     * @return the thread's name; may be {@code null}
     */
    public String getThreadName() {
        return threadName;
    }

    /**
     * Returns the deadlock detection timeout the thread exceeded.
     *
     * @return the timeout; may be {@code null}
     */
    public Duration getTimeout() {
        return timeout;
    }
}
