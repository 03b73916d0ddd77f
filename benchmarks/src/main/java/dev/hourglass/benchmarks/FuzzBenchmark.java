package dev.hourglass.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.samples.moneytransfer.InMemoryBank;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import dev.hourglass.samples.moneytransfer.TransferRequest;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.FaultFuzzer;
import dev.hourglass.testing.faults.FaultSpace;
import dev.hourglass.testing.faults.FuzzBody;
import dev.hourglass.testing.faults.FuzzResult;
import dev.hourglass.testing.faults.Outcome;
import dev.hourglass.worker.Worker;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Fault-fuzzing throughput: money-transfer trials per second, each with a fresh seeded environment and a plan drawn
 * from the fault space of withdraw and deposit (up to 4 faults), shrinking excluded (every trial passes).
 *
 * <p>Measured in the same run, each with the determinism agent on (the environment's default) and off: the fuzzer
 * at its default parallelism (the processors available, or {@code --parallelism}) with {@code trial.newEnvironment(..)}
 * (the environment the report can show) and with
 * {@code TestWorkflowEnvironment.newInstance(trial.environmentOptions(..))}; the fuzzer at parallelism 1, trials one
 * after the other; a baseline loop of the same transfers with a fresh seeded environment each, no plan and no fuzzer;
 * then two fuzzers at parallelism 1 (seeds 42 and 43) side by side on two threads, half the trials each. Every body
 * first runs {@code --warmup} trials; then each is measured in {@code --rounds} rounds of {@code --trials} trials,
 * and the median round is reported.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.hourglass.benchmarks.FuzzBenchmark}, after
 * building the jar with {@code mvn -pl benchmarks -am -Pjmh package -DskipTests}; options {@code --trials=N},
 * {@code --warmup=N}, {@code --rounds=N}, {@code --agent=on|off|both} (default both), {@code --parallelism=N} (default
 * the processors available to the JVM).
 */
public final class FuzzBenchmark {

    private static final FaultSpace SPACE = FaultSpace.newBuilder()
            .addActivityTypes("withdraw", "deposit")
            .setMaxFaults(4)
            .build();

    private FuzzBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"); // the sample logs every transfer and refund
        int trials = intArg(args, "--trials", 3_000);
        int warmup = intArg(args, "--warmup", 3_000);
        int rounds = intArg(args, "--rounds", 3);
        String agent = stringArg(args, "--agent", "both");
        int parallelism = intArg(args, "--parallelism", Runtime.getRuntime().availableProcessors());
        printHeader(trials, warmup, rounds);
        Map<String, Function<Integer, Integer>> bodies = new LinkedHashMap<>();
        for (boolean agentOn : new boolean[] {true, false}) {
            if (agent.equals("both") || agent.equals(agentOn ? "on" : "off")) {
                bodies.putAll(bodies(agentOn, parallelism));
            }
        }
        bodies.values().forEach(run -> run.apply(warmup)); // all warm before any is measured: order does not count
        bodies.forEach((name, run) -> measure(name, trials, rounds, run));
    }

    /** The measured bodies with the determinism agent on or off, by name, in the order they are measured. */
    private static Map<String, Function<Integer, Integer>> bodies(boolean agentOn, int parallelism) {
        TestEnvironmentOptions base = TestEnvironmentOptions.newBuilder().setDeterminismAgentEnabled(agentOn).build();
        String agent = agentOn ? "agent on" : "agent off";
        FuzzBody recorded = trial -> transfer(trial.newEnvironment(base));
        FuzzBody plain = trial -> transfer(TestWorkflowEnvironment.newInstance(trial.environmentOptions(base)));
        Map<String, Function<Integer, Integer>> bodies = new LinkedHashMap<>();
        String threads = "parallelism " + parallelism;
        bodies.put(agent + ", fuzzer, " + threads + ", trial.newEnvironment()", n -> fuzz(n, parallelism, recorded));
        bodies.put(agent + ", fuzzer, " + threads + ", newInstance(trial.environmentOptions())",
                n -> fuzz(n, parallelism, plain));
        bodies.put(agent + ", fuzzer, parallelism 1, trial.newEnvironment()", n -> fuzz(n, 1, recorded));
        bodies.put(agent + ", baseline: same transfers, fresh seeded environment each, no plan, no fuzzer",
                n -> baseline(n, base));
        bodies.put(agent + ", two fuzzers of parallelism 1 side by side on two threads, trial.newEnvironment()",
                n -> sideBySide(n, recorded));
        return bodies;
    }

    /** Runs two fuzzers of {@code trials / 2} trials each (seeds 42 and 43, parallelism 1) at once, one per thread. */
    private static int sideBySide(int trials, FuzzBody body) {
        int half = trials / 2;
        int[] done = new int[2];
        Thread other = new Thread(() -> done[1] = fuzz(43L, half, 1, body), "second-fuzzer");
        other.start();
        done[0] = fuzz(42L, half, 1, body);
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the second fuzzer ran", e);
        }
        return done[0] + done[1];
    }

    private static int fuzz(int trials, int parallelism, FuzzBody body) {
        return fuzz(42L, trials, parallelism, body);
    }

    private static int fuzz(long seed, int trials, int parallelism, FuzzBody body) {
        FuzzResult result = FaultFuzzer.newBuilder().setSeed(seed).setTrials(trials).setFaultSpace(SPACE)
                .setParallelism(parallelism).build().run(body);
        result.assertNoFailure();
        return result.getTrials();
    }

    private static int baseline(int trials, TestEnvironmentOptions base) {
        for (int i = 0; i < trials; i++) {
            transfer(TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder(base).setSeed(i).build()));
        }
        return trials;
    }

    /** One money transfer in {@code env}, with the invariant of the sample's fuzz test; closes the environment. */
    private static void transfer(TestWorkflowEnvironment environment) {
        InMemoryBank bank = new InMemoryBank().openAccount("alice", 1_000).openAccount("bob", 0);
        try (TestWorkflowEnvironment env = environment) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
            worker.registerActivitiesImplementations(bank);
            env.start();
            MoneyTransferWorkflow transfer = env.getWorkflowClient().newWorkflowStub(MoneyTransferWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-t-1").build());
            Outcome.of(() -> transfer.transfer(new TransferRequest("alice", "bob", 100, "t-1")))
                    .assertResultOrFailure(ActivityFailure.class);
            if (bank.balance("alice") + bank.balance("bob") != 1_000) {
                throw new AssertionError("money not conserved: " + bank.balances());
            }
        }
    }

    private static void measure(String name, int trials, int rounds, Function<Integer, Integer> run) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] perSecond = new double[rounds];
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            int done = run.apply(trials);
            perSecond[round] = done / ((System.nanoTime() - start) / 1e9);
        }
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        double[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double value : perSecond) {
            all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", value));
        }
        System.out.printf(Locale.ROOT, "[%s] %,.0f trials/s (median of %d rounds of %,d: %s /s); process CPU %.3f ms"
                + " per trial = %.2f cores busy; load average %.2f%n", name, sorted[rounds / 2], rounds, trials, all,
                cpuMs / ((long) trials * rounds), cpuMs / 1e3 / wall, os.getSystemLoadAverage());
    }

    private static void printHeader(int trials, int warmup, int rounds) {
        System.out.println("Hourglass fault-fuzzing benchmark: money-transfer trials per second (target >= 2,000/s)");
        System.out.println("  " + Machine.jvm());
        System.out.println("  " + Machine.os());
        System.out.println("  " + warmup + " warm-up trials of every body first, then " + rounds + " rounds of "
                + trials + " per body");
        System.out.println("  " + Machine.loadAverage() + " at start");
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1).replace("_", ""));
            }
        }
        return fallback;
    }
}
