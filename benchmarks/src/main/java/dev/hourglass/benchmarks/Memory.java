package dev.hourglass.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Heap, resident memory and thread readings for the benchmarks. */
final class Memory {

    private Memory() {
    }

    /** Runs the collector a few times until the used heap stops shrinking much. */
    static void settle() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(100);
            long used = usedHeap();
            if (i >= 2 && previous - used < 256 * 1024) {
                return;
            }
            previous = used;
        }
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The resident set size of the process in bytes, or -1 where {@code /proc} is not there. */
    static long residentSetSize() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * How many platform threads are blocked inside workflow code (their stack passes through the engine's
     * yield), by state. Virtual threads are not listed by the JVM; where the engine uses them (JDK 21 and
     * later) a sleeping execution parks no OS thread, and the line says so.
     */
    static String describeThreadsParkedInWorkflowCode() {
        Map<Thread.State, Integer> byState = threadsParkedInWorkflowCode();
        int total = byState.values().stream().mapToInt(Integer::intValue).sum();
        String text = String.format(java.util.Locale.ROOT, "platform threads parked in workflow code %,d %s", total,
                byState);
        if (total == 0 && Runtime.version().feature() >= 21) {
            text += " (workflow threads are virtual threads on this JDK: they park no OS thread)";
        }
        return text;
    }

    /** Platform threads blocked inside workflow code, by state. */
    static Map<Thread.State, Integer> threadsParkedInWorkflowCode() {
        Map<Thread.State, Integer> byState = new TreeMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : entry.getValue()) {
                if (frame.getClassName().equals("dev.hourglass.internal.replay.WorkflowThread")
                        && frame.getMethodName().equals("yieldUntil")) {
                    byState.merge(entry.getKey().getState(), 1, Integer::sum);
                    break;
                }
            }
        }
        return byState;
    }
}
