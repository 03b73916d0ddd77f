package dev.hourglass.benchmarks;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Transfers per second through a durable store, with worker processes of their own, and the time from a worker's
 * {@code kill -9} to the completion of its transfer on another worker (recovery: the killed worker held the transfer's
 * first withdrawal attempt, which the other worker retries once its lease ran out).
 *
 * <p>Each transfer is a workflow of two activities (withdraw, deposit) that do nothing, so that the store's cost
 * shows: per transfer, three workflow tasks and two activity attempts, each a completion in the database (which
 * takes the worker's next task with it while work is queued). The client runs in this process, the workers are JVMs of their own started from this class path, and
 * the database is new for each measurement (a temporary SQLite file, or a new schema of the PostgreSQL database).
 * Each round first runs a warm-up of transfers that is not measured: the worker processes are new, and their code is
 * compiled while they run (4,000 transfers, about 20 seconds on SQLite, by default: after 1,000 the JIT compiler
 * still takes a good part of the measured round's CPU).
 *
 * <p>Usage (from {@code benchmarks/target/benchmarks.jar}, see docs/performance.md):
 *
 * <pre>
 * java -cp benchmarks.jar dev.hourglass.benchmarks.DurableStoreBenchmark [--store=sqlite|postgresql]
 *     [--workers=1] [--transfers=2000] [--warmup=4000] [--rounds=3] [--recovery]
 * </pre>
 *
 * PostgreSQL is named by HOURGLASS_BENCH_POSTGRES_URL, _USER and _PASSWORD (or the HOURGLASS_TEST_POSTGRES_
 * variables of the build's tests); the user must be allowed to create schemas there. HOURGLASS_BENCH_WORKER_JVM_ARGS
 * adds options to the workers' JVMs, such as {@code -XX:StartFlightRecording=filename=worker.jfr}.
 */
public final class DurableStoreBenchmark {

    static final String TASK_QUEUE = "transfers";
    /** The lease of a workflow task and the start-to-close timeout of an activity: what recovery waits for. */
    static final Duration LEASE = Duration.ofSeconds(3);
    /**
     * How many workflow task pollers each worker runs: more than the default 2, so that more of a durable store's
     * writes share a transaction (see docs/performance.md).
     */
    static final int WORKFLOW_TASK_POLLERS = 4;
    /** How many threads of the client start transfers. */
    static final int STARTING_THREADS = 8;

    private DurableStoreBenchmark() {
    }

    /** The transfer: two activities that do nothing. */
    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        String transfer(String id, long cents);
    }

    /** The activities of a transfer. */
    @ActivityInterface
    public interface Ledger {
        void withdraw(String id, long cents);

        void deposit(String id, long cents);
    }

    /** The transfer's code. */
    public static class TransferImpl implements Transfer {
        private final Ledger ledger = Workflow.newActivityStub(Ledger.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(LEASE)
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(100)).build())
                .build());

        @Override
        public String transfer(String id, long cents) {
            ledger.withdraw(id, cents);
            ledger.deposit(id, cents);
            return id;
        }
    }

    /** Activities that do nothing, except that the first attempt of a withdrawal whose id starts with "slow" takes a minute. */
    static final class NoopLedger implements Ledger {
        @Override
        public void withdraw(String id, long cents) {
            if (id.startsWith("slow") && Activity.getExecutionContext().getInfo().getAttempt() == 1) {
                System.out.println("withdrawing " + id);
                System.out.flush();
                try {
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void deposit(String id, long cents) {
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println("Durable store benchmark: " + options.store + ", " + Machine.jvm());
        System.out.println(Machine.os() + ", " + Machine.loadAverage());
        if (options.recovery) {
            recovery(options);
        } else {
            throughput(options);
        }
    }

    private static void throughput(Options options) throws Exception {
        System.out.printf(Locale.ROOT, "%d transfers per round after a warm-up of %d, %d worker process(es), %d"
                + " round(s)%n", options.transfers, options.warmup, options.workers, options.rounds);
        List<Double> perSecond = new ArrayList<>();
        for (int round = 1; round <= options.rounds; round++) {
            try (Database database = Database.create(options)) {
                List<Process> workers = startWorkers(database, options.workers);
                try (WorkflowService service = database.open()) {
                    WorkflowClient client = WorkflowClient.newInstance(service);
                    if (options.warmup > 0) {
                        // the processes' code is compiled while they run: the first transfers are slower
                        Run warm = transfers(client, "warmup-", options.warmup);
                        System.out.printf(Locale.ROOT, "round %d: warm-up of %d transfers: %.0f transfers/s%n", round,
                                options.warmup, warm.perSecond());
                    }
                    Run run = transfers(client, "transfer-", options.transfers);
                    perSecond.add(run.perSecond());
                    System.out.printf(Locale.ROOT, "round %d: %d transfers started in %.2f s, all completed in %.2f s:"
                            + " %.0f transfers/s%n", round, options.transfers, run.startedSeconds(), run.seconds(),
                            run.perSecond());
                } finally {
                    stop(workers);
                }
            }
        }
        perSecond.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%s, %d worker process(es): median %.0f transfers/s (min %.0f, max %.0f)%n",
                options.store, options.workers, perSecond.get(perSecond.size() / 2), perSecond.get(0),
                perSecond.get(perSecond.size() - 1));
    }

    /** How long transfers took: to start them all, and until all completed. */
    private record Run(int transfers, double startedSeconds, double seconds) {
        double perSecond() {
            return transfers / seconds;
        }
    }

    /**
     * Starts {@code count} transfers at once, the ids numbered after {@code prefix}, from {@link #STARTING_THREADS}
     * threads (as the request threads of a service would), and waits for all of them.
     */
    private static Run transfers(WorkflowClient client, String prefix, int count) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<String>> results = new ArrayList<>();
        ExecutorService starting = Executors.newFixedThreadPool(STARTING_THREADS);
        try {
            List<Future<CompletableFuture<String>>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = prefix + i;
                started.add(starting.submit(() -> {
                    WorkflowStub stub = client.newUntypedWorkflowStub("Transfer",
                            WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(id).build());
                    stub.start(id, 100L);
                    return stub.getResultAsync(String.class);
                }));
            }
            for (Future<CompletableFuture<String>> result : started) {
                results.add(result.get());
            }
        } finally {
            starting.shutdown();
        }
        double started = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.MINUTES);
        return new Run(count, started, (System.nanoTime() - start) / 1e9);
    }

    private static void recovery(Options options) throws Exception {
        System.out.println("Recovery: a worker is killed (kill -9) while a transfer's activity runs; a second worker"
                + " runs from the start. Lease (activity start-to-close, workflow task timeout): " + LEASE
                + "; sweep interval " + ServiceOptions.getDefaultInstance().getSweepInterval());
        List<Double> seconds = new ArrayList<>();
        for (int round = 1; round <= options.rounds; round++) {
            try (Database database = Database.create(options)) {
                Process doomed = startWorker(database);
                Process survivor = startWorker(database);
                try (WorkflowService service = database.open()) {
                    WorkflowClient client = WorkflowClient.newInstance(service);
                    // the slow withdrawal sleeps a minute in whichever worker takes it; kill that one
                    WorkflowStub stub = client.newUntypedWorkflowStub("Transfer", WorkflowOptions.newBuilder()
                            .setTaskQueue(TASK_QUEUE).setWorkflowId("slow-" + round).build());
                    stub.start("slow-" + round, 100L);
                    String runner = awaitLine(doomed, survivor, "withdrawing slow-" + round);
                    Process victim = runner.equals("doomed") ? doomed : survivor;
                    long killed = System.nanoTime();
                    victim.destroyForcibly(); // SIGKILL: kill -9
                    victim.waitFor();
                    stub.getResult(String.class); // the attempt retried on the other worker, after its lease
                    double recovered = (System.nanoTime() - killed) / 1e9;
                    seconds.add(recovered);
                    System.out.printf(Locale.ROOT, "round %d: slow-%d completed on the other worker %.2f s after the"
                            + " kill%n", round, round, recovered);
                } finally {
                    stop(List.of(doomed, survivor));
                }
            }
        }
        seconds.sort(Double::compare);
        System.out.printf(Locale.ROOT, "recovery on %s: median %.2f s (max %.2f s), target <= lease + 1 s = %d s%n",
                options.store, seconds.get(seconds.size() / 2), seconds.get(seconds.size() - 1),
                LEASE.plusSeconds(1).toSeconds());
    }

    /** Reads the workers' output until one says {@code line}; returns which ("doomed" or "survivor"). */
    private static String awaitLine(Process doomed, Process survivor, String line) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        watch(doomed, "doomed", line, found);
        watch(survivor, "survivor", line, found);
        return found.get(1, TimeUnit.MINUTES);
    }

    private static void watch(Process worker, String name, String line, CompletableFuture<String> found) {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String read = out.readLine(); read != null; read = out.readLine()) {
                    if (read.equals(line)) {
                        found.complete(name);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "benchmark-worker-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private static List<Process> startWorkers(Database database, int count) throws IOException {
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(startWorker(database));
        }
        return workers;
    }

    private static Process startWorker(Database database) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String jvmArgs = System.getenv("HOURGLASS_BENCH_WORKER_JVM_ARGS"); // such as a profiler's
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        command.addAll(database.workerArgs());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void stop(List<Process> workers) throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly();
        }
        for (Process worker : workers) {
            worker.waitFor();
        }
    }

    /** A worker process: runs the transfer on the store its arguments name until it is killed. */
    public static final class WorkerMain {

        private WorkerMain() {
        }

        public static void main(String[] args) throws InterruptedException {
            WorkflowService service = Database.open(args);
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                    .setWorkflowTaskPollers(WORKFLOW_TASK_POLLERS).build());
            Worker worker = factory.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(TransferImpl.class);
            worker.registerActivitiesImplementations(new NoopLedger());
            factory.start();
            Thread.currentThread().join(); // until killed
        }
    }

    /** A new database for one measurement, and how its processes open it. */
    private record Database(String store, String location, String user, String password, Runnable drop)
            implements AutoCloseable {

        static Database create(Options options) throws IOException, SQLException {
            if (options.store.equals("sqlite")) {
                Path directory = Files.createTempDirectory("hourglass-bench");
                Path file = directory.resolve("hourglass.db");
                return new Database("sqlite", file.toString(), null, null, () -> {
                    for (String suffix : List.of("", "-wal", "-shm")) {
                        try {
                            Files.deleteIfExists(Path.of(file + suffix));
                        } catch (IOException e) {
                            // a temporary file: the system removes it in time
                        }
                    }
                    try {
                        Files.deleteIfExists(directory);
                    } catch (IOException e) {
                        // as above
                    }
                });
            }
            String schema = "bench_" + Long.toHexString(System.nanoTime());
            try (Connection connection = DriverManager.getConnection(options.postgresUrl, options.postgresUser,
                    options.postgresPassword); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            String url = options.postgresUrl + (options.postgresUrl.contains("?") ? "&" : "?") + "currentSchema="
                    + schema;
            return new Database("postgresql", url, options.postgresUser, options.postgresPassword, () -> {
                try (Connection connection = DriverManager.getConnection(options.postgresUrl, options.postgresUser,
                        options.postgresPassword); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("could not drop the benchmark's schema " + schema + ": " + e.getMessage());
                }
            });
        }

        /** The service on this database, with this benchmark's leases. */
        WorkflowService open() {
            return open(workerArgs().toArray(new String[0]));
        }

        List<String> workerArgs() {
            List<String> args = new ArrayList<>(List.of(store, location));
            if (user != null) {
                args.add(user);
                args.add(password == null ? "" : password);
            }
            return args;
        }

        static WorkflowService open(String[] args) {
            ServiceOptions options = ServiceOptions.newBuilder().setWorkflowTaskTimeout(LEASE).build();
            return args[0].equals("sqlite") ? WorkflowService.sqlite(Path.of(args[1]), options)
                    : WorkflowService.postgres(args[1], args.length > 2 ? args[2] : null,
                            args.length > 3 ? args[3] : null, options);
        }

        @Override
        public void close() {
            drop.run();
        }
    }

    /** The command line. */
    private record Options(String store, int workers, int transfers, int warmup, int rounds, boolean recovery,
            String postgresUrl, String postgresUser, String postgresPassword) {

        static Options parse(String[] args) {
            String store = "sqlite";
            int workers = 1;
            int transfers = 2000;
            int warmup = 4000;
            int rounds = 3;
            boolean recovery = false;
            for (String arg : args) {
                if (arg.startsWith("--store=")) {
                    store = arg.substring("--store=".length());
                } else if (arg.startsWith("--workers=")) {
                    workers = Integer.parseInt(arg.substring("--workers=".length()));
                } else if (arg.startsWith("--transfers=")) {
                    transfers = Integer.parseInt(arg.substring("--transfers=".length()));
                } else if (arg.startsWith("--warmup=")) {
                    warmup = Integer.parseInt(arg.substring("--warmup=".length()));
                } else if (arg.startsWith("--rounds=")) {
                    rounds = Integer.parseInt(arg.substring("--rounds=".length()));
                } else if (arg.equals("--recovery")) {
                    recovery = true;
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + "; options: --store=sqlite|postgresql"
                            + " --workers=N --transfers=N --warmup=N --rounds=N --recovery");
                }
            }
            if (!store.equals("sqlite") && !store.equals("postgresql")) {
                throw new IllegalArgumentException("--store must be sqlite or postgresql, not " + store);
            }
            String url = env("HOURGLASS_BENCH_POSTGRES_URL", "HOURGLASS_TEST_POSTGRES_URL");
            if (store.equals("postgresql") && url == null) {
                throw new IllegalArgumentException("set HOURGLASS_BENCH_POSTGRES_URL (and _USER, _PASSWORD) to a"
                        + " PostgreSQL database where the user may create schemas");
            }
            return new Options(store, workers, transfers, warmup, rounds, recovery, url,
                    env("HOURGLASS_BENCH_POSTGRES_USER", "HOURGLASS_TEST_POSTGRES_USER"),
                    env("HOURGLASS_BENCH_POSTGRES_PASSWORD", "HOURGLASS_TEST_POSTGRES_PASSWORD"));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value != null ? value : System.getenv(fallback);
        }
    }
}
