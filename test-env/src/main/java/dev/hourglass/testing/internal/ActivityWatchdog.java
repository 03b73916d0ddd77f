package dev.hourglass.testing.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One daemon thread per JVM that looks at the open environments' schedulers every {@link #PERIOD_MILLIS}
 * milliseconds and moves the driver role away from an activity attempt that has kept a driver thread busy
 * since the previous look, and lets go of attempts that show no progress (see
 * {@link VirtualScheduler#watchdogTick()}). Quick attempts never notice it; one that blocks costs at most two
 * periods before the environment drives on.
 */
final class ActivityWatchdog {

    static final long PERIOD_MILLIS = 200;

    private static final Set<VirtualScheduler> WATCHED = ConcurrentHashMap.newKeySet();
    private static Thread thread;

    private ActivityWatchdog() {
    }

    static synchronized void watch(VirtualScheduler scheduler) {
        WATCHED.add(scheduler);
        if (thread == null) {
            thread = new Thread(ActivityWatchdog::loop, "hourglass-activity-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static void unwatch(VirtualScheduler scheduler) {
        WATCHED.remove(scheduler);
    }

    private static void loop() {
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (VirtualScheduler scheduler : WATCHED) {
                try {
                    scheduler.watchdogTick();
                } catch (RuntimeException e) {
                    // a scheduler closing meanwhile: nothing to do for it
                }
            }
        }
    }
}
