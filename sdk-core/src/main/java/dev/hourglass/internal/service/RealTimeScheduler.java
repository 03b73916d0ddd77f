package dev.hourglass.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Scheduler} on one daemon thread that waits in real time for deadlines of a clock. */
public final class RealTimeScheduler implements Scheduler {

    private static final Logger log = LoggerFactory.getLogger(RealTimeScheduler.class);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    /** Creates a scheduler for deadlines expressed on {@code clock}. */
    public RealTimeScheduler(Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hourglass-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancellable schedule(Instant deadline, Runnable action) {
        long delayNanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
        ScheduledFuture<?> future = executor.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                log.error("scheduled service action failed", e);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
