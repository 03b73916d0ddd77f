package dev.hourglass.internal.replay;

import dev.hourglass.failure.PotentialDeadlockException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the workflow tasks that are running and reports one whose workflow code has held control for longer
 * than its timeout without calling the Hourglass API: one daemon thread for the JVM, which looks every
 * {@value #TICK_MILLIS} ms at the progress counter of each watched task ({@link DeterministicRunner}) and
 * abandons a task whose counter has not moved for the timeout.
 *
 * <p>Detection is off while a debugger is attached to the JVM (a JDWP agent among its arguments): code stopped
 * at a breakpoint would otherwise count as stuck.
 */
final class DeadlockDetector {

    private static final Logger log = LoggerFactory.getLogger(DeadlockDetector.class);
    private static final long TICK_MILLIS = 10;
    private static final boolean DEBUGGER_ATTACHED = debuggerAttached();
    private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();
    private static Thread thread;

    /** One running workflow task under watch. */
    static final class Watch {
        private final DeterministicRunner runner;
        private final long timeoutNanos;
        private final Duration timeout;
        private final Consumer<PotentialDeadlockException> onStuck;
        private long lastProgress = Long.MIN_VALUE;
        private long lastChangeNanos;

        private Watch(DeterministicRunner runner, Duration timeout, Consumer<PotentialDeadlockException> onStuck) {
            this.runner = runner;
            this.timeout = timeout;
            this.timeoutNanos = timeout.toNanos();
            this.onStuck = onStuck;
        }

        /** Called by the detector's thread only. */
        private void check(long now) {
            long progress = runner.progress();
            if (progress != lastProgress) {
                lastProgress = progress;
                lastChangeNanos = now;
            } else if (now - lastChangeNanos >= timeoutNanos) {
                WATCHED.remove(this);
                PotentialDeadlockException stuck = runner.abandonStuck(timeout);
                if (stuck != null) {
                    onStuck.accept(stuck);
                }
            }
        }
    }

    private DeadlockDetector() {
    }

    /**
     * Starts watching a task of {@code runner}; {@code onStuck} hears of it if its code does not yield for
     * {@code timeout}. Returns {@code null}, watching nothing, when detection is off (no timeout, or a debugger).
     */
    static Watch watch(DeterministicRunner runner, Duration timeout, Consumer<PotentialDeadlockException> onStuck) {
        if (timeout == null || timeout.isZero() || timeout.isNegative() || DEBUGGER_ATTACHED) {
            return null;
        }
        Watch watch = new Watch(runner, timeout, onStuck);
        WATCHED.add(watch);
        synchronized (DeadlockDetector.class) {
            if (thread == null) {
                thread = new Thread(DeadlockDetector::run, "hourglass-deadlock-detector");
                thread.setDaemon(true);
                thread.start();
            }
            DeadlockDetector.class.notifyAll();
        }
        return watch;
    }

    /** Stops watching; {@code null} is allowed. */
    static void unwatch(Watch watch) {
        if (watch != null) {
            WATCHED.remove(watch);
        }
    }

    private static void run() {
        while (true) {
            try {
                synchronized (DeadlockDetector.class) {
                    while (WATCHED.isEmpty()) {
                        DeadlockDetector.class.wait();
                    }
                }
                TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
                long now = System.nanoTime();
                for (Watch watch : WATCHED) {
                    watch.check(now);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("the deadlock detector failed; it goes on", e);
            }
        }
    }

    private static boolean debuggerAttached() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .anyMatch(argument -> argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp"));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
