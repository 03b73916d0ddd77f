package dev.hourglass.samples.moneytransfer;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A worker process of the durable money transfer demo: it runs {@link MoneyTransferWorkflowImpl} and a
 * {@link SqliteBank} on a durable store until it is killed, or until its standard input ends (when the process that
 * started it goes away).
 *
 * <p>Usage: {@code TransferWorker --store=hourglass.db --bank=bank.db [--operation-delay=PT1S]
 * [--workflow-task-timeout=PT2S] [--activity-timeout=PT3S] [--sweep-interval=PT0.2S] [--workflow-cache=600]
 * [--postgres-user=U --postgres-password=P]}; durations are ISO-8601. {@code --store} is a SQLite file, or a
 * PostgreSQL JDBC URL ({@code jdbc:postgresql://...}). It prints one line when it polls, and one when each bank
 * operation starts and ends.
 */
public final class TransferWorker {

    /** The line a worker prints once it polls for tasks. */
    public static final String READY = "polling task queue " + MoneyTransferDemo.TASK_QUEUE;

    private TransferWorker() {
    }

    /** What a worker runs on, and how short its deadlines are. */
    public record Settings(String store, Path bank, Duration operationDelay, Duration workflowTaskTimeout,
            Duration activityTimeout, Duration sweepInterval, int workflowCacheSize, String postgresUser,
            String postgresPassword) {

        /** Reads the settings from the command line arguments. */
        public static Settings parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("operation-delay", "PT1S",
                    "workflow-task-timeout", "PT2S", "activity-timeout", "PT3S", "sweep-interval", "PT0.2S",
                    "workflow-cache", "600"));
            for (String arg : args) {
                int equals = arg.indexOf('=');
                String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
                if (!List.of("store", "bank", "operation-delay", "workflow-task-timeout", "activity-timeout",
                        "sweep-interval", "workflow-cache", "postgres-user", "postgres-password").contains(name)) {
                    throw new IllegalArgumentException("unknown argument " + arg + "; usage: TransferWorker"
                            + " --store=FILE_OR_JDBC_URL --bank=FILE [--operation-delay=PT1S]"
                            + " [--workflow-task-timeout=PT2S] [--activity-timeout=PT3S] [--sweep-interval=PT0.2S]"
                            + " [--workflow-cache=600] [--postgres-user=USER --postgres-password=PASSWORD]");
                }
                values.put(name, arg.substring(equals + 1));
            }
            if (!values.containsKey("store") || !values.containsKey("bank")) {
                throw new IllegalArgumentException("TransferWorker needs --store=FILE_OR_JDBC_URL and --bank=FILE");
            }
            return new Settings(values.get("store"), Path.of(values.get("bank")),
                    Duration.parse(values.get("operation-delay")), Duration.parse(values.get("workflow-task-timeout")),
                    Duration.parse(values.get("activity-timeout")), Duration.parse(values.get("sweep-interval")),
                    Integer.parseInt(values.get("workflow-cache")), values.get("postgres-user"),
                    values.get("postgres-password"));
        }

        /** Returns these settings as the command line arguments that {@link #parse} reads. */
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("--store=" + store, "--bank=" + bank,
                    "--operation-delay=" + operationDelay, "--workflow-task-timeout=" + workflowTaskTimeout,
                    "--activity-timeout=" + activityTimeout, "--sweep-interval=" + sweepInterval,
                    "--workflow-cache=" + workflowCacheSize));
            if (postgresUser != null) {
                args.add("--postgres-user=" + postgresUser);
            }
            if (postgresPassword != null) {
                args.add("--postgres-password=" + postgresPassword);
            }
            return args;
        }

        /** Opens the store these settings name: a service whose leases and sweeps are as short as they say. */
        public WorkflowService openService() {
            ServiceOptions options = ServiceOptions.newBuilder().setWorkflowTaskTimeout(workflowTaskTimeout)
                    .setSweepInterval(sweepInterval).build();
            return store.startsWith("jdbc:postgresql:")
                    ? WorkflowService.postgres(store, postgresUser, postgresPassword, options)
                    : WorkflowService.sqlite(Path.of(store), options);
        }

        /**
         * The options of the transfer's bank operations: a start-to-close timeout of {@link #activityTimeout}, after
         * which an attempt whose worker died is retried, and quick retries.
         */
        public WorkflowImplementationOptions workflowOptions() {
            ActivityOptions bankOperation = ActivityOptions.newBuilder().setStartToCloseTimeout(activityTimeout)
                    .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(100))
                            .setBackoffCoefficient(2).setMaximumInterval(Duration.ofSeconds(1)).build())
                    .build();
            return WorkflowImplementationOptions.newBuilder().setActivityOptions(Map.of("withdraw", bankOperation,
                    "deposit", bankOperation, "refund", bankOperation)).build();
        }
    }

    public static void main(String[] args) throws IOException {
        run(Settings.parse(args), (worker, options) -> worker.registerWorkflowImplementationTypes(options,
                MoneyTransferWorkflowImpl.class));
    }

    /**
     * Runs a worker with {@code settings} until standard input ends; {@code registration} registers the workflow
     * implementation with the options it is given.
     */
    public static void run(Settings settings, BiConsumer<Worker, WorkflowImplementationOptions> registration)
            throws IOException {
        long pid = ProcessHandle.current().pid();
        try (WorkflowService service = settings.openService()) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                    .setWorkflowCacheSize(settings.workflowCacheSize()).build());
            Worker worker = factory.newWorker(MoneyTransferDemo.TASK_QUEUE);
            registration.accept(worker, settings.workflowOptions());
            worker.registerActivitiesImplementations(new SqliteBank(settings.bank(), settings.operationDelay(),
                    TransferWorker::print));
            factory.start();
            print(READY + " (process " + pid + ")");
            drain(System.in);
            factory.shutdown();
        }
    }

    /** Prints a line at once: the process that started this one reads it as it comes. */
    public static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing: the worker stops when the input ends
        }
    }
}
