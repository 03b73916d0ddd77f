package dev.hourglass.internal.service;

import java.time.Instant;

/**
 * Runs actions at instants of the service's clock: durable timers, retry backoffs and timeouts.
 *
 * <p>The real-time implementation waits on the system clock; the test environment supplies one that
 * moves virtual time when nothing is runnable.
 */
public interface Scheduler extends AutoCloseable {

    /** Runs {@code action} once at or after {@code deadline}; the returned handle cancels it. */
    Cancellable schedule(Instant deadline, Runnable action);

    /** Stops running actions. */
    @Override
    void close();

    /** Handle of a scheduled action. */
    interface Cancellable {
        /** Cancels the action if it has not run yet. */
        void cancel();
    }
}
