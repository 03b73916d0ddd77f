package dev.hourglass.internal.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One hand-out of a workflow task: who holds it and until when. The pair (task id, claim) names the hand-out, so
 * that the holder of a lease that ran out, whose task was handed out again, cannot complete it.
 *
 * @param taskId the task's id, never reused; its queue order
 * @param claim how many times the task was handed out, this time included
 * @param runId the run whose task it is; never {@code null}
 * @param owner who holds it; never {@code null}
 * @param expiresAt when the lease runs out and the task may be handed out again; never {@code null}
 */
public record WorkflowTaskLease(long taskId, int claim, String runId, String owner, Instant expiresAt) {

    /** Checks the parts. */
    public WorkflowTaskLease {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
