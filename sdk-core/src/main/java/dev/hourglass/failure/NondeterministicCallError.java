package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Reports that workflow code called something nondeterministic, such as the wall clock, {@code Random},
 * {@code Thread.sleep}, a new thread, blocking I/O or {@code System.getenv}.
 *
 * <p>It is an {@link Error}, not an {@link Exception}, so that {@code catch (Exception e)} in workflow code
 * cannot swallow it: it fails the workflow task, and the message names the call, its deterministic replacement
 * ({@code Workflow.currentTimeMillis}, {@code Workflow.newRandom}, {@code Workflow.sleep}, an activity…) and
 * the workflow source line.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class NondeterministicCallError extends Error {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what was called, what to call instead and where; may be {@code null}
     */
    public NondeterministicCallError(String message) {
        super(message);
    }
}
