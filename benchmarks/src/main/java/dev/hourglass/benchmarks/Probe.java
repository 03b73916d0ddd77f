package dev.hourglass.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * Process CPU time and threads started between two points: tells whether a figure is bound by CPU work or
 * by waiting (thread hand-offs and wake-ups), and how many OS threads the engine creates per workflow.
 */
final class Probe {

    private final long wallNanos;
    private final long cpuNanos;
    private final long threadsStarted;

    private Probe() {
        this.wallNanos = System.nanoTime();
        this.cpuNanos = processCpuNanos();
        this.threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    }

    static Probe start() {
        return new Probe();
    }

    /** Process CPU time since this probe, in nanoseconds, or -1 where the JVM does not tell. */
    long cpuNanos() {
        return cpuNanos < 0 ? -1 : processCpuNanos() - cpuNanos;
    }

    /** "CPU x ms per {unit} (y% of wall x cores), z threads started per {unit}" since this probe. */
    String describe(long operations, String unit) {
        long wall = System.nanoTime() - wallNanos;
        long cpu = processCpuNanos() - cpuNanos;
        long threads = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsStarted;
        if (cpuNanos < 0) {
            return String.format(Locale.ROOT, "%.2f threads started per %s", (double) threads / operations, unit);
        }
        return String.format(Locale.ROOT, "process CPU %.3f ms per %s = %.2f cores busy on average, %.2f threads"
                + " started per %s", cpu / 1e6 / operations, unit, (double) cpu / wall,
                (double) threads / operations, unit);
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }
}
