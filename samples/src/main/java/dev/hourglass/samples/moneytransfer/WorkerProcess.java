package dev.hourglass.samples.moneytransfer;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A worker running in a JVM of its own, started with the class path of the code that starts it: its output lines are
 * handed to a consumer as they come and kept, and it can be killed with {@code kill -9}.
 */
public final class WorkerProcess {

    /** The exit status of a process killed by {@code SIGKILL}: 128 + 9. */
    public static final int KILLED_STATUS = 137;

    private final Process process;
    private final List<String> command;
    private final List<String> lines = new ArrayList<>();

    private WorkerProcess(Process process, List<String> command, Consumer<String> output) {
        this.process = process;
        this.command = command;
        Thread pump = new Thread(() -> pump(output), "worker-" + process.pid() + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM whose class path is that of {@code anchor}'s class
     * loader; each line the process prints goes to {@code output}.
     */
    public static WorkerProcess start(Class<?> anchor, String mainClass, List<String> jvmOptions, List<String> args,
            Consumer<String> output) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(anchor.getClassLoader()));
        command.add(mainClass);
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new WorkerProcess(process, List.copyOf(command), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /**
     * Returns the class path of {@code loader}: the URLs of the URL class loaders from it up to the system class
     * loader (under {@code mvn exec:java}, the project's class path), or else {@code java.class.path}.
     */
    static String classPath(ClassLoader loader) {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(toPath(url));
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the class path entry " + url, e);
        }
    }

    /** Returns the process id. */
    public long pid() {
        return process.pid();
    }

    /** Returns the command that started the process. */
    public List<String> command() {
        return command;
    }

    /** Returns the command that started the process, with its class path abbreviated to its number of entries. */
    public String displayCommand() {
        List<String> shown = new ArrayList<>(command);
        int classPath = shown.indexOf("-cp") + 1;
        shown.set(classPath, "<" + shown.get(classPath).split(File.pathSeparator).length + " class path entries>");
        return String.join(" ", shown);
    }

    /**
     * Waits until the process printed a line that {@code matches}, at most {@code timeout}; returns the line.
     *
     * @throws IllegalStateException if no such line came in time, or the process ended first
     */
    public String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        return awaitLine(0, matches, timeout);
    }

    /**
     * Waits until the process printed a line that {@code matches} after its first {@code from} lines, at most
     * {@code timeout}; returns the line.
     *
     * @throws IllegalStateException if no such line came in time, or the process ended first
     */
    public String awaitLine(int from, Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = from;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matches.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    throw new IllegalStateException("worker process " + pid() + (process.isAlive() ? " printed no"
                            + " expected line in " + timeout : " ended") + "; its output was:\n  "
                            + String.join("\n  ", lines));
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    /** Returns how many lines the process printed so far. */
    public int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Returns the lines printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Kills the process with {@code kill -9} (SIGKILL: it gets no chance to clean up) and waits until it is gone;
     * returns its exit status. Where there is no {@code kill} command, the JVM sends the same signal.
     */
    public int kill9() throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid())).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    /** Stops the process: closes its input, on which it shuts down, and kills it if it is still there after 10 s. */
    public void stop() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the process is gone already
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Returns whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    private void pump(Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.accept(line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed while its output was being read
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
