package dev.hourglass.benchmarks;

import dev.hourglass.history.History;
import dev.hourglass.replay.ReplayGate;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.testing.TestEnvironmentOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The replay gate end to end over a large corpus: prints how long {@code ReplayGate…addHistories(dir).build().run()}
 * takes for 10,000 history files of about 50 events each, half of them gzipped, including the reading, the parsing,
 * the replays and the report as text and as JUnit XML.
 *
 * <p>The corpus is made once per run: a few shapes of workflow are recorded in a test environment (activities and
 * timers one after the other, activities alone, timers alone, and an execution still open in its tenth timer),
 * then written again and again under distinct workflow ids to a temporary directory, in ten subdirectories.
 * Warm-up runs of the gate come first, then the measured runs; each run is printed.
 *
 * <pre>
 * mvn -q -pl benchmarks -am -Pjmh package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.hourglass.benchmarks.ReplayGateBenchmark
 * </pre>
 *
 * <p>Options: {@code --histories=N} (default 10,000), {@code --warmup=N} (warm-up runs, default 3),
 * {@code --runs=N} (measured runs, default 5), {@code --parallelism=N} (the gate's, default the available
 * processors), {@code --agent=off} (the gate without the determinism agent; on by default), {@code --dir=PATH}
 * (write the corpus there and keep it, instead of a temporary directory that is deleted at the end).
 */
public final class ReplayGateBenchmark {

    private static final long TARGET_NANOS = Duration.ofSeconds(2).toNanos();

    private ReplayGateBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int histories = 10_000;
        int warmup = 3;
        int runs = 5;
        int parallelism = Runtime.getRuntime().availableProcessors();
        Path keep = null;
        for (String arg : args) {
            if (arg.startsWith("--histories=")) {
                histories = Integer.parseInt(arg.substring("--histories=".length()));
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(arg.substring("--warmup=".length()));
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--parallelism=")) {
                parallelism = Integer.parseInt(arg.substring("--parallelism=".length()));
            } else if (arg.startsWith("--dir=")) {
                keep = Path.of(arg.substring("--dir=".length()));
            } else if (arg.equals("--agent=off")) {
                System.setProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY, "false");
            } else if (arg.equals("--agent=on")) {
                System.clearProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY);
            } else {
                System.err.println("usage: ReplayGateBenchmark [--histories=N] [--warmup=N] [--runs=N]"
                        + " [--parallelism=N] [--agent=on|off] [--dir=PATH]");
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        System.out.println("Hourglass replay-gate benchmark");
        System.out.println("  " + Machine.jvm());
        System.out.println("  " + Machine.os());
        boolean agent = TestEnvironmentOptions.newBuilder().build().isDeterminismAgentEnabled();
        System.out.println("  gate parallelism " + parallelism + "; determinism agent "
                + (agent ? "on" : "off (--agent=off)"));
        System.out.println("  " + Machine.loadAverage() + " at start (other processes on the machine distort the"
                + " figures)");

        Path directory = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("hourglass-gate-");
        try {
            long events = writeCorpus(record(), histories, directory);
            System.out.println(String.format(Locale.ROOT, "  corpus: %,d histories, %,d events (%.1f per history),"
                    + " %s on disk, half of the files gzipped, in %s", histories, events, (double) events / histories,
                    Stats.mib(size(directory)), directory));
            long[] measured = new long[runs];
            long[] cpu = new long[runs];
            for (int i = 0; i < warmup + runs; i++) {
                long[] nanos = runGate(directory, histories, events, parallelism,
                        i < warmup ? "warm-up " + (i + 1) : "run " + (i - warmup + 1));
                if (i >= warmup) {
                    measured[i - warmup] = nanos[0];
                    cpu[i - warmup] = nanos[1];
                }
            }
            if (runs > 0) {
                Stats stats = new Stats(measured);
                System.out.println(String.format(Locale.ROOT, "[gate] %,d histories of %,d events in all, end to end"
                        + " (read, parse, replay, toText, toJUnitXml): median %s over %d runs after %d warm-up"
                        + " (min %s, max %s) = %s events/s, %s histories/s | target <= 2 s: %s", histories, events,
                        Stats.seconds(stats.median()), runs, warmup, Stats.seconds(stats.min()),
                        Stats.seconds(stats.max()), Stats.number(events / (stats.median() / 1e9)),
                        Stats.number(histories / (stats.median() / 1e9)),
                        stats.median() <= TARGET_NANOS ? "MET" : "NOT MET"));
                long cpuMedian = new Stats(cpu).median();
                int cores = Runtime.getRuntime().availableProcessors();
                System.out.println(String.format(Locale.ROOT, "[gate where it goes] process CPU per run: median %s"
                        + " (%.1f us per history); spread over the %d cores with nothing else running, that is %s"
                        + " of wall time at best", Stats.seconds(cpuMedian), cpuMedian / 1e3 / histories, cores,
                        Stats.seconds(cpuMedian / Math.min(cores, parallelism))));
            }
            if (runs > 0) {
                diagnostics(directory, histories, events, parallelism, warmup, runs);
            }
        } finally {
            if (keep == null) {
                delete(directory);
            }
        }
        System.out.println("done; " + Machine.loadAverage() + " at the end");
    }

    /**
     * Where the time goes: reading and parsing every file on one thread, then the gate over the parsed
     * histories given as objects, which leaves out the reading and the parsing.
     */
    private static void diagnostics(Path directory, int histories, long events, int parallelism, int warmup,
            int runs) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        List<History> parsed = new ArrayList<>(files.size());
        long start = System.nanoTime();
        for (Path file : files) {
            parsed.add(read(file));
        }
        long readNanos = System.nanoTime() - start;
        System.out.println(String.format(Locale.ROOT, "[gate diagnostic] reading and parsing the %,d files on one"
                + " thread (History.read, gunzip + History.fromJson): %s = %.1f us per history, %s events/s",
                files.size(), Stats.seconds(readNanos), readNanos / 1e3 / files.size(),
                Stats.number(events / (readNanos / 1e9))));
        long[] measured = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            System.gc();
            ReplayGate.Builder builder = ReplayGate.newBuilder()
                    .registerWorkflowImplementationTypes(BenchmarkWorkflows.workflowTypes())
                    .setParallelism(parallelism);
            parsed.forEach(builder::addHistory);
            long begin = System.nanoTime();
            ReplayReport report = builder.build().run();
            report.toText();
            report.toJUnitXml();
            long nanos = System.nanoTime() - begin;
            if (!report.isCompatible() || report.getResults().size() != histories) {
                throw new IllegalStateException("the gate over history objects did not find them all compatible");
            }
            if (i >= warmup) {
                measured[i - warmup] = nanos;
            }
        }
        Stats stats = new Stats(measured);
        System.out.println(String.format(Locale.ROOT, "[gate diagnostic] the gate over the same %,d histories as"
                + " objects (no reading, no parsing; replay, toText, toJUnitXml), parallelism %d: median %s over %d"
                + " runs after %d warm-up (min %s, max %s) = %s events/s", histories, parallelism,
                Stats.seconds(stats.median()), runs, warmup, Stats.seconds(stats.min()), Stats.seconds(stats.max()),
                Stats.number(events / (stats.median() / 1e9))));
    }

    private static History read(Path file) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return History.read(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return History.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** One history of each shape, recorded in a test environment. */
    private static List<History> record() {
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(BenchmarkEnvironment.DEFAULT_CACHE_SIZE)) {
            List<History> shapes = new ArrayList<>();
            String steps = env.newId("steps");
            env.newStub(BenchmarkWorkflows.Steps.class, steps).run(10);
            shapes.add(env.client().fetchHistory(steps));
            shapes.add(env.recordManyActivities(16));
            shapes.add(env.recordManyTimers(24));
            String open = env.newId("open-steps");
            dev.hourglass.client.WorkflowClient.start(env.newStub(BenchmarkWorkflows.Steps.class, open)::run, 20);
            env.env().sleep(Duration.ofDays(9).plusHours(12)); // nine steps done, the tenth in its timer
            shapes.add(env.client().fetchHistory(open));
            return shapes;
        }
    }

    /** Writes {@code count} copies of the shapes in turn, under distinct ids; returns how many events they hold. */
    private static long writeCorpus(List<History> shapes, int count, Path directory) throws IOException {
        long events = 0;
        for (int i = 0; i < count; i++) {
            History shape = shapes.get(i % shapes.size());
            String workflowId = shape.getWorkflowId() + "-copy-" + i;
            String runId = UUID.nameUUIDFromBytes(workflowId.getBytes(StandardCharsets.UTF_8)).toString();
            History copy = new History(workflowId, runId, shape.getWorkflowType(), shape.getTaskQueue(),
                    shape.getEvents());
            Path subdirectory = Files.createDirectories(directory.resolve("part-" + (i % 10)));
            if (i % 2 == 0) {
                copy.write(subdirectory.resolve(workflowId + ".json"));
            } else {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                        subdirectory.resolve(workflowId + ".json.gz")))) {
                    out.write((copy.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            events += copy.getEvents().size();
        }
        return events;
    }

    /** Runs the gate over the directory once, prints the run, and returns its wall time and process CPU time. */
    private static long[] runGate(Path directory, int histories, long events, int parallelism, String name) {
        System.gc();
        Probe probe = Probe.start();
        long start = System.nanoTime();
        ReplayGate gate = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(BenchmarkWorkflows.workflowTypes())
                .addHistories(directory)
                .setParallelism(parallelism)
                .build();
        long built = System.nanoTime();
        ReplayReport report = gate.run();
        long ran = System.nanoTime();
        String text = report.toText();
        long textDone = System.nanoTime();
        String xml = report.toJUnitXml();
        long end = System.nanoTime();
        if (!report.isCompatible() || report.getResults().size() != histories) {
            throw new IllegalStateException("the gate did not find the " + histories + " histories compatible: "
                    + text.lines().limit(20).reduce("", (a, b) -> a + "\n" + b));
        }
        System.out.println(String.format(Locale.ROOT, "[gate %s] %s = %s events/s (listing the files %s, reading"
                + " and replaying %s, toText %s, toJUnitXml %s of %,d characters); %s", name,
                Stats.seconds(end - start), Stats.number(events / ((end - start) / 1e9)), Stats.ms(built - start),
                Stats.ms(ran - built), Stats.ms(textDone - ran), Stats.ms(end - textDone), xml.length(),
                probe.describe(histories, "history")));
        return new long[] {end - start, probe.cpuNanos()};
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
