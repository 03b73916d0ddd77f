package dev.hourglass.benchmarks;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleClient;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.client.schedules.ScheduleSpec;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.testing.TestEnvironmentOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The whole-run benchmark of the test environment: prints one line per figure, with its target and the
 * Temporal test-environment baseline. Run it with {@code --quick} for a fast check with small counts.
 *
 * <pre>
 * mvn -q -DskipTests install
 * mvn -q -pl benchmarks exec:java -Dexec.mainClass=dev.hourglass.benchmarks.TestEnvironmentBenchmark
 * mvn -q -pl benchmarks exec:java -Dexec.args=--quick
 * </pre>
 *
 * <p>Options: {@code --quick} (small counts), {@code --agent=off} (every environment without the determinism
 * agent, to compare with the default, on), {@code --sleepers=N} (executions of scenario 4),
 * {@code --caches=N,M} (the workflow cache sizes scenario 4 runs with; default 600, the engine's default, and
 * 20,000), {@code --only=1,2,...} (scenarios to run; 6 is replay, 7 a year of a daily schedule; the cold start
 * of 5 is measured only when 5 runs).
 */
public final class TestEnvironmentBenchmark {

    /** How much of each scenario to run. */
    record Counts(int transferWarmup, int transferRuns, int concurrent, int concurrentWarmup, int concurrentBatches,
            int stepsWarmup, int stepsRuns, int sleepers, int envWarmup, int envRounds, int replayActivities,
            int replayWarmup, int replayRuns, int yearWarmup, int yearRounds) {

        static final Counts FULL = new Counts(1000, 2000, 1000, 10, 11, 50, 200, 10_000, 50, 200, 1000, 20, 50, 5,
                10);
        static final Counts QUICK = new Counts(50, 100, 200, 1, 1, 5, 20, 1000, 5, 20, 200, 3, 5, 1, 3);

        Counts withSleepers(int count) {
            return new Counts(transferWarmup, transferRuns, concurrent, concurrentWarmup, concurrentBatches,
                    stepsWarmup, stepsRuns, count, envWarmup, envRounds, replayActivities, replayWarmup, replayRuns,
                    yearWarmup, yearRounds);
        }
    }

    private static final int LARGE_CACHE = 20_000;
    private static final int STEPS = 30;
    private static final int SLEEP_DAYS = 30;

    private final Counts counts;
    private final String only;
    private final int[] caches;

    private TestEnvironmentBenchmark(Counts counts, String only, int[] caches) {
        this.counts = counts;
        this.only = only;
        this.caches = caches;
    }

    public static void main(String[] args) throws Exception {
        Counts counts = Counts.FULL;
        String only = "1,2,3,4,5,6,7";
        boolean quick = false;
        Integer sleepers = null;
        String caches = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--sleepers=")) {
                sleepers = Integer.parseInt(arg.substring("--sleepers=".length()));
            } else if (arg.startsWith("--caches=")) {
                caches = arg.substring("--caches=".length());
            } else if (arg.startsWith("--only=")) {
                only = arg.substring("--only=".length());
            } else if (arg.equals("--agent=off")) {
                // every environment of the run: the figures without the determinism agent, to compare
                System.setProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY, "false");
            } else if (arg.equals("--agent=on")) {
                System.clearProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY);
            } else {
                System.err.println("usage: TestEnvironmentBenchmark [--quick] [--sleepers=N]"
                        + " [--caches=N,M] [--only=1,2,3,4,5,6,7] [--agent=on|off]");
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (quick) {
            counts = Counts.QUICK;
        }
        if (sleepers != null) {
            counts = counts.withSleepers(sleepers);
        }
        int[] cacheSizes = caches != null
                ? Arrays.stream(caches.split(",")).mapToInt(c -> Integer.parseInt(c.trim())).toArray()
                : new int[] {BenchmarkEnvironment.DEFAULT_CACHE_SIZE, Math.max(LARGE_CACHE, counts.sleepers() * 2)};
        new TestEnvironmentBenchmark(counts, only, cacheSizes).run(quick);
    }

    private boolean runs(int scenario) {
        return ("," + only.replace(" ", "") + ",").contains("," + scenario + ",");
    }

    private void run(boolean quick) throws Exception {
        printHeader(quick);
        long[] cold = runs(5) ? environmentRound() : null; // first, while nothing of Hourglass is loaded
        long[] firstTransfer = runs(5) ? firstTransfer() : null; // then what the first workflow adds
        if (runs(1)) {
            transferLatency();
        }
        if (runs(2)) {
            transferThroughput();
        }
        if (runs(3)) {
            stepsLatency();
        }
        if (runs(6)) {
            replay();
        }
        if (runs(7)) {
            scheduleYears();
        }
        if (runs(5)) {
            environmentLifecycle(cold, firstTransfer);
        }
        if (runs(1)) {
            transferLatencyWithoutSelfCheck();
        }
        // last: on JDKs without virtual threads it leaves thousands of idle pooled OS threads behind for a
        // minute, and every later safepoint and collection would pay for them
        if (runs(4)) {
            for (int cacheSize : caches) {
                sleepers(cacheSize);
            }
        }
        System.out.println("done; " + Machine.loadAverage() + " at the end");
    }

    // ---------------------------------------------------------------- header

    private static void printHeader(boolean quick) {
        System.out.println("Hourglass test-environment benchmark" + (quick ? " (--quick: small counts, figures"
                + " are indicative only)" : ""));
        System.out.println("  " + Machine.jvm());
        System.out.println("  " + Machine.os());
        System.out.println("  figures are wall-clock times in this JVM; every environment uses virtual time");
        System.out.println("  determinism agent: " + (TestEnvironmentOptions.newBuilder().build()
                .isDeterminismAgentEnabled() ? "on (installed by the first environment)" : "off (--agent=off)"));
        System.out.println("  " + Machine.loadAverage() + " at start (other processes on the machine distort the"
                + " figures)");
    }

    private static void print(String scenario, String figure, String target, boolean met, String baseline) {
        System.out.println("[" + scenario + "] " + figure + " | target " + target + ": " + (met ? "MET" : "NOT MET")
                + " | Temporal test env: " + baseline);
    }

    // ---------------------------------------------------------------- 1: one transfer, warm

    private void transferLatency() {
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(LARGE_CACHE)) {
            Stats stats = timeTransfers(env, counts.transferWarmup(), counts.transferRuns(), "1");
            print("1", String.format(Locale.ROOT, "money transfer latency, warm env (%,d runs after %,d warm-up):"
                    + " median %s, p95 %s, p99 %s, max %s", stats.count(), counts.transferWarmup(),
                    Stats.ms(stats.median()), Stats.ms(stats.percentile(95)), Stats.ms(stats.percentile(99)),
                    Stats.ms(stats.max())), "median <= 0.3 ms", stats.median() <= 300_000,
                    "8-10 ms median, 14-18 ms p95");
        }
    }

    private void transferLatencyWithoutSelfCheck() {
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(LARGE_CACHE, false)) {
            Stats stats = timeTransfers(env, counts.transferWarmup(), counts.transferRuns(), "1 diagnostic");
            System.out.println(String.format(Locale.ROOT, "[1 diagnostic] same with the self-check replay of closed"
                    + " executions off: median %s, p95 %s", Stats.ms(stats.median()), Stats.ms(stats.percentile(95))));
        }
    }

    private static Stats timeTransfers(BenchmarkEnvironment env, int warmup, int runs, String scenario) {
        for (int i = 0; i < warmup; i++) {
            env.transfer();
        }
        Probe probe = Probe.start();
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            BenchmarkWorkflows.Transfer stub = env.newStub(BenchmarkWorkflows.Transfer.class, env.newId("transfer"));
            long start = System.nanoTime();
            stub.transfer("alice", "bob", 100);
            nanos[i] = System.nanoTime() - start;
        }
        System.out.println("[" + scenario + " where it goes] " + probe.describe(runs, "transfer"));
        return new Stats(nanos);
    }

    // ---------------------------------------------------------------- 2: concurrent transfers

    private void transferThroughput() {
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(LARGE_CACHE)) {
            for (int i = 0; i < counts.concurrentWarmup(); i++) {
                concurrentTransfers(env, counts.concurrent()); // the JIT compiles the concurrent paths meanwhile
            }
            long[] batches = new long[counts.concurrentBatches()];
            Probe probe = Probe.start();
            for (int i = 0; i < batches.length; i++) {
                batches[i] = concurrentTransfers(env, counts.concurrent());
            }
            System.out.println("[2 where it goes] " + probe.describe((long) batches.length * counts.concurrent(),
                    "transfer"));
            Stats stats = new Stats(batches);
            double perSecond = counts.concurrent() / (stats.median() / 1e9);
            List<String> each = new ArrayList<>();
            for (long batch : batches) {
                each.add(Stats.number(counts.concurrent() / (batch / 1e9)));
            }
            print("2", String.format(Locale.ROOT, "throughput of %,d transfers started at once: %s workflows/s"
                    + " (median of %d batches after %d warm-up batches: %s /s; batch %s)", counts.concurrent(),
                    Stats.number(perSecond), batches.length, counts.concurrentWarmup(), String.join(", ", each),
                    Stats.seconds(stats.median())),
                    ">= 10,000 workflows/s", perSecond >= 10_000, "190-250 workflows/s");
        }
    }

    /** Starts {@code count} transfers, waits for all results; returns the nanoseconds from first start to last. */
    private static long concurrentTransfers(BenchmarkEnvironment env, int count) {
        List<String> ids = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = env.newId("concurrent");
            BenchmarkWorkflows.Transfer stub = env.newStub(BenchmarkWorkflows.Transfer.class, id);
            WorkflowClient.start(stub::transfer, "alice", "bob", 100L);
            ids.add(id);
        }
        awaitAll(env, ids);
        return System.nanoTime() - start;
    }

    private static void awaitAll(BenchmarkEnvironment env, List<String> ids) {
        CompletableFuture<?>[] results = new CompletableFuture<?>[ids.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = env.client().newUntypedWorkflowStub(ids.get(i)).getResultAsync(Object.class);
        }
        CompletableFuture.allOf(results).join();
    }

    // ---------------------------------------------------------------- 3: 30 x (activity + sleep)

    private void stepsLatency() {
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(LARGE_CACHE)) {
            for (int i = 0; i < counts.stepsWarmup(); i++) {
                env.newStub(BenchmarkWorkflows.Steps.class, env.newId("steps")).run(STEPS);
            }
            long[] nanos = new long[counts.stepsRuns()];
            Probe probe = Probe.start();
            for (int i = 0; i < nanos.length; i++) {
                BenchmarkWorkflows.Steps stub = env.newStub(BenchmarkWorkflows.Steps.class, env.newId("steps"));
                long start = System.nanoTime();
                stub.run(STEPS);
                nanos[i] = System.nanoTime() - start;
            }
            System.out.println("[3 where it goes] " + probe.describe(nanos.length, "workflow"));
            Stats stats = new Stats(nanos);
            print("3", String.format(Locale.ROOT, "%d x (activity + sleep 1 day) in one workflow (%,d runs after %,d"
                    + " warm-up): median %s, p95 %s", STEPS, stats.count(), counts.stepsWarmup(),
                    Stats.ms(stats.median()), Stats.ms(stats.percentile(95))), "median <= 3 ms",
                    stats.median() <= 3_000_000, "81-112 ms");
        }
    }

    // ---------------------------------------------------------------- 4: many sleeping executions

    private void sleepers(int cacheSize) throws InterruptedException {
        int count = counts.sleepers();
        Memory.settle();
        long baselineHeap = Memory.usedHeap();
        long baselineRss = Memory.residentSetSize();
        int baselineThreads = Memory.liveThreads();
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(cacheSize)) {
            List<String> ids = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String id = env.newId("sleeper");
                WorkflowClient.start(env.newStub(BenchmarkWorkflows.LongSleep.class, id)::sleep, SLEEP_DAYS);
                ids.add(id);
            }
            long started = System.nanoTime();
            env.awaitIdle();
            long asleep = System.nanoTime();

            // measured while every execution sleeps; nothing runs meanwhile (no client waits, so time stands)
            Memory.settle();
            long heap = Memory.usedHeap() - baselineHeap;
            long rss = Memory.residentSetSize() - baselineRss;
            int threads = Memory.liveThreads();
            String parked = Memory.describeThreadsParkedInWorkflowCode();

            long wake = System.nanoTime();
            awaitAll(env, ids);
            long done = System.nanoTime();
            long wall = (asleep - start) + (done - wake);

            String label = String.format(Locale.ROOT, "%,d executions sleeping %d days, cache %,d%s%s", count,
                    SLEEP_DAYS, cacheSize, cacheSize == BenchmarkEnvironment.DEFAULT_CACHE_SIZE ? " (the default)" : "",
                    cacheSize < count ? " (executions evicted, rebuilt by replay)" : "");
            print("4", String.format(Locale.ROOT, "%s: first start -> last completion %s (start calls %s, all asleep"
                    + " at %s, wake-up -> last completion %s)", label, Stats.seconds(wall),
                    Stats.seconds(started - start), Stats.seconds(asleep - start), Stats.seconds(done - wake)),
                    "<= 1 s", wall <= 1_000_000_000L, "7-8 s to start, 16-27 s to finish");
            double perExecution = (double) heap / count;
            print("4", String.format(Locale.ROOT, "%s: heap used while asleep +%s = %s per execution; RSS %s;"
                    + " platform threads %,d (%,d before start; idle pooled ones are reused); %s", label,
                    Stats.mib(heap), Stats.kib(perExecution), rss < 0 ? "n/a" : "+" + Stats.mib(rss) + " = "
                    + Stats.kib((double) rss / count) + " per execution", threads, baselineThreads, parked),
                    "<= 4 KiB heap per sleeping execution", perExecution <= 4096, "+8 KiB heap per execution");
        }
    }

    // ---------------------------------------------------------------- 5: environment lifecycle

    /** Creates, starts and closes one environment; returns {create+start, close} nanoseconds. */
    private static long[] environmentRound() {
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long start = System.nanoTime();
        BenchmarkEnvironment env = BenchmarkEnvironment.start(BenchmarkEnvironment.DEFAULT_CACHE_SIZE);
        long started = System.nanoTime();
        env.close();
        long closed = System.nanoTime();
        long loaded = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
        return new long[] {started - start, closed - started, loaded};
    }

    /**
     * Times the first money transfer of the JVM, in a new environment created right after the cold round:
     * the JSON mapper, workflow and activity code load here; returns {nanoseconds, classes loaded}.
     */
    private static long[] firstTransfer() {
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(BenchmarkEnvironment.DEFAULT_CACHE_SIZE)) {
            long start = System.nanoTime();
            env.transfer();
            long nanos = System.nanoTime() - start;
            long loaded = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
            return new long[] {nanos, loaded};
        }
    }

    private void environmentLifecycle(long[] cold, long[] firstTransfer) {
        for (int i = 0; i < counts.envWarmup(); i++) {
            environmentRound();
        }
        long[] create = new long[counts.envRounds()];
        long[] close = new long[counts.envRounds()];
        long[] total = new long[counts.envRounds()];
        for (int i = 0; i < total.length; i++) {
            long[] round = environmentRound();
            create[i] = round[0];
            close[i] = round[1];
            total[i] = round[0] + round[1];
        }
        Stats creates = new Stats(create);
        Stats closes = new Stats(close);
        Stats totals = new Stats(total);
        print("5", String.format(Locale.ROOT, "environment create + start + close, warm (%,d rounds after %,d"
                + " warm-up): median %s (create + start %s, close %s), p95 %s", totals.count(), counts.envWarmup(),
                Stats.ms(totals.median()), Stats.ms(creates.median()), Stats.ms(closes.median()),
                Stats.ms(totals.percentile(95))), "<= 5 ms warm", totals.median() <= 5_000_000,
                "8-11 ms create, 250-500 ms close");
        if (cold != null) {
            long coldTotal = cold[0] + cold[1];
            print("5", String.format(Locale.ROOT, "environment create + start + close, first in this JVM (cold): %s"
                    + " (create + start %s, close %s; %,d classes loaded meanwhile)", Stats.ms(coldTotal),
                    Stats.ms(cold[0]), Stats.ms(cold[1]), cold[2]),
                    "<= 200 ms cold", coldTotal <= 200_000_000L, "0.7 s first");
        }
        if (firstTransfer != null) {
            System.out.println(String.format(Locale.ROOT, "[5 diagnostic] the first money transfer in this JVM, in an"
                    + " environment created right after the cold one: %s (%,d classes loaded meanwhile, the JSON"
                    + " mapper's among them)", Stats.ms(firstTransfer[0]), firstTransfer[1]));
        }
    }

    // ---------------------------------------------------------------- 6: replay

    private void replay() {
        History activities;
        History timers;
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(BenchmarkEnvironment.DEFAULT_CACHE_SIZE)) {
            activities = env.recordManyActivities(counts.replayActivities());
            timers = env.recordManyTimers(counts.replayActivities() * 3 / 2); // as many events: 2 per timer
        }
        replay(activities, String.format(Locale.ROOT, "%,d activities", counts.replayActivities()));
        replay(timers, String.format(Locale.ROOT, "%,d timers", counts.replayActivities() * 3 / 2));
    }

    /** Replays {@code history} on this thread, one replay after the other, and prints the median as events/s. */
    private void replay(History history, String shape) {
        Class<?>[] types = BenchmarkWorkflows.workflowTypes();
        for (int i = 0; i < counts.replayWarmup(); i++) {
            Replayer.replay(history, false, types);
        }
        long[] nanos = new long[counts.replayRuns()];
        Probe probe = Probe.start();
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            Replayer.replay(history, false, types);
            nanos[i] = System.nanoTime() - start;
        }
        System.out.println("[6 where it goes] " + probe.describe(nanos.length, "replay"));
        Stats stats = new Stats(nanos);
        int events = history.getEvents().size();
        double perSecond = events / (stats.median() / 1e9);
        print("6", String.format(Locale.ROOT, "replay of a %,d-event history (%s; %d replays after %d warm-up, one"
                + " thread): median %s per replay = %s events/s", events, shape, stats.count(),
                counts.replayWarmup(), Stats.ms(stats.median()), Stats.number(perSecond)), ">= 2,000,000 events/s",
                perSecond >= 2_000_000, "55,000-63,000 events/s");
    }

    // ---------------------------------------------------------------- 7: a year of a daily schedule

    private void scheduleYears() {
        long first = scheduleYear(); // the schedule's code, cron reading and its JSON load here
        for (int i = 0; i < counts.yearWarmup(); i++) {
            scheduleYear();
        }
        long[] nanos = new long[counts.yearRounds()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = scheduleYear();
        }
        Stats stats = new Stats(nanos);
        print("7", String.format(Locale.ROOT, "a year of a daily schedule (365 scheduled runs, each started and"
                + " completed; %d rounds after %d warm-up): median %s, max %s; the first in this JVM %s",
                stats.count(), counts.yearWarmup(), Stats.ms(stats.median()), Stats.ms(stats.max()), Stats.ms(first)),
                "median <= 250 ms", stats.median() <= 250_000_000L, "not measured");
    }

    /** Creates a daily schedule in a new environment, lets a year pass and returns the nanoseconds it took. */
    private static long scheduleYear() {
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(BenchmarkEnvironment.DEFAULT_CACHE_SIZE)) {
            ScheduleClient schedules = env.client().newScheduleClient();
            Schedule schedule = Schedule.newBuilder()
                    .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(BenchmarkWorkflows.Steps.class)
                            .setArguments(0).setOptions(WorkflowOptions.newBuilder().setWorkflowId("daily")
                                    .setTaskQueue(BenchmarkEnvironment.TASK_QUEUE).build())
                            .build())
                    .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.of("@daily")).build())
                    .build();
            long start = System.nanoTime();
            ScheduleHandle handle = schedules.createSchedule("daily", schedule, ScheduleOptions.getDefaultInstance());
            env.env().sleep(Duration.ofDays(365).plusHours(1)); // the environment starts at midnight
            long nanos = System.nanoTime() - start;
            long actions = handle.describe().getInfo().getNumActions();
            if (actions != 365) {
                throw new IllegalStateException("a year of a daily schedule started " + actions + " runs, not 365");
            }
            return nanos;
        }
    }
}
