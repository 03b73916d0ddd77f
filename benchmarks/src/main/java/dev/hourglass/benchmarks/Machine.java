package dev.hourglass.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the benchmarks print about the JVM and the machine they ran on, so that figures can be compared. */
final class Machine {

    private Machine() {
    }

    /** "JVM: name version (vendor), max heap …, args […]". */
    static String jvm() {
        return "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), max heap "
                + Stats.mib(Runtime.getRuntime().maxMemory()) + ", args "
                + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** "OS: name version arch; CPUs available to the JVM: n; CPU model: …". */
    static String os() {
        return "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "; CPUs available to the JVM: "
                + Runtime.getRuntime().availableProcessors() + cpuModel();
    }

    /** "system load average x.xx", or "n/a" where the OS does not tell. */
    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "system load average n/a" : String.format(Locale.ROOT, "system load average %.2f", load);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return "; CPU model: " + line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no model to show
        }
        return "";
    }
}
