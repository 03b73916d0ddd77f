package dev.hourglass.client;

import org.apiguardian.api.API;

/**
 * Where a pending activity is in its attempts.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum PendingActivityState {
    /** An attempt waits for a worker, or the next attempt waits for its retry backoff to pass. */
    SCHEDULED,
    /** A worker is running an attempt. */
    STARTED
}
