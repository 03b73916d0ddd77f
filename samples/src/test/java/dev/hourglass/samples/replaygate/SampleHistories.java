package dev.hourglass.samples.replaygate;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.samples.moneytransfer.InMemoryBank;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import dev.hourglass.samples.moneytransfer.TransferRequest;
import dev.hourglass.samples.ordersaga.Order;
import dev.hourglass.samples.ordersaga.OrderReceipt;
import dev.hourglass.samples.ordersaga.OrderWorkflow;
import dev.hourglass.samples.ordersaga.OrderWorkflowImpl;
import dev.hourglass.samples.subscription.MeteredPlan;
import dev.hourglass.samples.subscription.Subscription;
import dev.hourglass.samples.subscription.SubscriptionSummary;
import dev.hourglass.samples.subscription.SubscriptionWorkflow;
import dev.hourglass.samples.subscription.SubscriptionWorkflowImpl;
import dev.hourglass.samples.subscription.UsageMeteringWorkflow;
import dev.hourglass.samples.subscription.UsageMeteringWorkflowImpl;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Records the samples' replay corpus: executions of each sample workflow that completed, failed after their
 * compensations, and are still open (a transfer in its hold, an order at the counter, a subscription and a
 * usage cycle mid-way), exported with {@link TestWorkflowEnvironment#exportHistories}.
 *
 * <p>The seed, the start time and the workflow ids are fixed, so a recording in a fresh JVM gives the same files
 * byte for byte. A fresh JVM, because a failed execution records the stack trace of its failure, whose frames of
 * the JDK's reflection change once a method has been called often in the JVM (and from one JDK to another: the
 * committed corpus was recorded on JDK 17). The usage-metering histories, the longest, are written gzipped
 * ({@code .json.gz}), the others as {@code .json}. {@link RerecordSampleHistoriesTest} writes them to
 * {@link #CORPUS}; {@link #main} records them to a directory of one's choice.
 */
final class SampleHistories {

    /** The committed corpus, relative to the samples module. */
    static final Path CORPUS = Path.of("src", "test", "resources", "histories");

    /** The seed of the recording environment. */
    static final long SEED = 20_260_105L;

    /** When the recording environment's virtual clock starts. */
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /** The workflow ids of the open executions, whose histories end mid-way. */
    static final List<String> OPEN = List.of("subscription-active", "usage-cycle-open", "transfer-holding",
            "order-waiting");

    private static final String TRANSFERS = "transfers";
    private static final String ORDERS = "orders";
    private static final String SUBSCRIPTIONS = "subscriptions";

    private SampleHistories() {
    }

    /** The committed file of the run of {@code workflowId} (each workflow id of the corpus has one run). */
    static Path corpusFile(String workflowId) {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.getFileName().toString().startsWith(workflowId + "_")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no history of " + workflowId + " in " + CORPUS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + CORPUS + ": " + e, e);
        }
    }

    /** Records the corpus to the directory given as the only argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleHistories <directory to write the histories to>");
        }
        record(Path.of(args[0]));
    }

    /**
     * Runs every execution of the corpus in a new test environment and writes their histories to
     * {@code directory}; returns the files written, in workflow-id order.
     */
    static List<Path> record(Path directory) {
        // guide: export-corpus begin
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setSeed(SEED)
                .setInitialTime(START)
                .build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            register(env);
            env.start();
            Recording recording = new Recording(env);
            recording.closedExecutions();
            recording.openExecutions();
            List<Path> files = env.exportHistories(directory); // open and closed, one file per run
            // guide: export-corpus end
            return gzipUsageHistories(files);
        }
    }

    private static void register(TestWorkflowEnvironment env) {
        Worker transfers = env.newWorker(TRANSFERS);
        transfers.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
        transfers.registerActivitiesImplementations(new InMemoryBank()
                .openAccount("alice", 1_000_00).openAccount("bob", 0).openAccount("carol", 0)
                .closeAccount("carol"));
        Worker orders = env.newWorker(ORDERS);
        orders.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        orders.registerActivitiesImplementations(new SampleFakes.Payments(), new SampleFakes.Kitchen());
        Worker subscriptions = env.newWorker(SUBSCRIPTIONS);
        subscriptions.registerWorkflowImplementationTypes(SubscriptionWorkflowImpl.class,
                UsageMeteringWorkflowImpl.class);
        subscriptions.registerActivitiesImplementations(new SampleFakes.Billing(), new SampleFakes.Meter());
    }

    /** The executions, run one after the other on the environment's virtual clock. */
    private static final class Recording {
        private final TestWorkflowEnvironment env;
        private final WorkflowClient client;

        Recording(TestWorkflowEnvironment env) {
            this.env = env;
            this.client = env.getWorkflowClient();
        }

        /** Each one runs to its end before the next starts, so that no open execution moves meanwhile. */
        void closedExecutions() {
            transfer("transfer-completed").transfer(new TransferRequest("alice", "bob", 250_00, "t-1"));
            failed(() -> transfer("transfer-refunded").transfer(new TransferRequest("alice", "carol", 80_00, "t-2")));

            OrderWorkflow pickedUp = order("order-picked-up");
            WorkflowClient.start(pickedUp::process, order("o-1", "card-4242"));
            env.sleep(Duration.ofMinutes(20));
            pickedUp.pickedUp();
            client.newUntypedWorkflowStub("order-picked-up").getResult(OrderReceipt.class);
            failed(() -> order("order-not-picked-up").process(order("o-2", "card-4242")));
            failed(() -> order("order-card-declined").process(order("o-3", SampleFakes.DECLINED_CARD)));

            subscription("subscription-ended").subscribe(new Subscription("s-1", "dana", 9_99, 14, 2));
            SubscriptionWorkflow cancelled = subscription("subscription-cancelled");
            WorkflowClient.start(cancelled::subscribe, new Subscription("s-2", "erin", 9_99, 0, 12));
            env.sleep(Duration.ofDays(45));
            cancelled.cancel();
            client.newUntypedWorkflowStub("subscription-cancelled").getResult(SubscriptionSummary.class);
            subscription("subscription-suspended")
                    .subscribe(new Subscription("s-3", SampleFakes.DECLINED_CUSTOMER, 9_99, 0, 12));

            usage("usage-cycle-completed").meter(new MeteredPlan("s-4", "frank", 2));
        }

        /** Started last and left mid-way: the clock moves only as far as the sleeps below say. */
        void openExecutions() {
            WorkflowClient.start(subscription("subscription-active")::subscribe,
                    new Subscription("s-5", "gina", 19_99, 7, 12));
            WorkflowClient.start(usage("usage-cycle-open")::meter, new MeteredPlan("s-6", "hugo", 3));
            env.sleep(Duration.ofDays(12)); // the subscription charged its first month, metering is at day 12
            WorkflowClient.start(transfer("transfer-holding")::transfer,
                    new TransferRequest("alice", "bob", 40_00, "t-3"));
            WorkflowClient.start(order("order-waiting")::process, order("o-4", "card-4242"));
            env.sleep(Duration.ofMinutes(30)); // the transfer is in its hold, the order at the counter
        }

        private MoneyTransferWorkflow transfer(String workflowId) {
            return client.newWorkflowStub(MoneyTransferWorkflow.class, options(workflowId, TRANSFERS));
        }

        private OrderWorkflow order(String workflowId) {
            return client.newWorkflowStub(OrderWorkflow.class, options(workflowId, ORDERS));
        }

        private SubscriptionWorkflow subscription(String workflowId) {
            return client.newWorkflowStub(SubscriptionWorkflow.class, options(workflowId, SUBSCRIPTIONS));
        }

        private UsageMeteringWorkflow usage(String workflowId) {
            return client.newWorkflowStub(UsageMeteringWorkflow.class, options(workflowId, SUBSCRIPTIONS));
        }

        private static Order order(String orderId, String cardToken) {
            return new Order(orderId, "ivan", cardToken, List.of("ramen", "gyoza"), 23_50);
        }

        private static WorkflowOptions options(String workflowId, String taskQueue) {
            return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(taskQueue).build();
        }

        private static void failed(Runnable execution) {
            try {
                execution.run();
                throw new IllegalStateException("the execution was expected to fail, and completed");
            } catch (WorkflowFailedException expected) {
                // recorded as failed, after its compensations
            }
        }
    }

    /** Replaces the usage-metering files by gzipped ones; returns the files in the same order. */
    private static List<Path> gzipUsageHistories(List<Path> files) {
        List<Path> written = new ArrayList<>();
        for (Path file : files) {
            if (!file.getFileName().toString().startsWith("usage-")) {
                written.add(file);
                continue;
            }
            Path gzipped = file.resolveSibling(file.getFileName() + ".gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
                Files.copy(file, out);
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot gzip " + file + ": " + e, e);
            }
            written.add(gzipped);
        }
        return written;
    }
}
