package dev.hourglass.internal.spi;

import dev.hourglass.history.Payload;
import java.util.Objects;

/**
 * A worker's rejection of a delivered update: its validator threw, or the run has no handler for it. No event records
 * it; the sender gets the failure.
 *
 * @param updateId the rejected update's id; never {@code null}
 * @param failure why, as a failure object; never {@code null}
 */
public record UpdateRejection(String updateId, Payload failure) {

    /** Checks that neither is {@code null}. */
    public UpdateRejection {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(failure, "failure");
    }
}
