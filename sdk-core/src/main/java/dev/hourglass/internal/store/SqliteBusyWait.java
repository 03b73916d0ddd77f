package dev.hourglass.internal.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * How a SQLite connection waits for a lock another process holds: in short steps, so that it takes the lock soon
 * after it frees. SQLite's own busy timeout sleeps in steps growing to 100 ms, so a writer of one process could
 * sleep through many transactions' worth of time after another process's writer ended, while its own process's
 * writers queued behind it. Gives up, as the busy timeout would, after {@code timeoutMillis}.
 */
final class SqliteBusyWait extends BusyHandler {

    /** The longest pause between two looks at the lock. */
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final long timeoutNanos;
    private long waitingSince;

    SqliteBusyWait(long timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * Called by SQLite while a lock is busy; {@code attempts} counts the calls of this wait before this one.
     *
     * @return non-zero to look at the lock again, zero to give up ({@code SQLITE_BUSY})
     */
    @Override
    protected int callback(int attempts) {
        long now = System.nanoTime();
        if (attempts == 0) {
            waitingSince = now;
        } else if (now - waitingSince >= timeoutNanos || Thread.currentThread().isInterrupted()) {
            return 0;
        }
        // 20 µs, doubling to 1 ms: a transaction of another process usually ends within a few
        long pause = Math.min(MAX_PAUSE_NANOS, FIRST_PAUSE_NANOS << Math.min(attempts, 10));
        LockSupport.parkNanos(pause);
        return 1;
    }
}
