package dev.hourglass.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Order statistics and formatting of measured durations (nanoseconds). */
final class Stats {

    private final long[] sorted;

    Stats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** The value at percentile {@code p} (0 &lt; p &le; 100), nearest-rank. */
    long percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long median() {
        return percentile(50);
    }

    long min() {
        return sorted[0];
    }

    long max() {
        return sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
