package dev.hourglass.failure;

import org.apiguardian.api.API;

/**
 * Reports that a workflow execution was terminated, for example by {@code WorkflowStub.terminate(reason)}.
 *
 * <p>Its message is the reason.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class TerminatedFailure extends HourglassFailure {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a terminated failure.
     *
     * @param reason why the execution was terminated; may be {@code null}
     */
    public TerminatedFailure(String reason) {
        super(reason, null);
    }

    /**
     * Returns why the execution was terminated.
     *
     * @return the reason; may be {@code null}
     */
    public String getReason() {
        return getOriginalMessage();
    }
}
