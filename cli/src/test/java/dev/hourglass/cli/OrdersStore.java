package dev.hourglass.cli;

import static org.awaitility.Awaitility.await;

import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A SQLite store in which a real client and worker ran orders of {@link OrderWorkflow}; {@link #withOrders()} holds:
 *
 * <ul>
 *   <li>{@code order-1} (book): completed, after two failed attempts to reserve, a timer and an approval signal;
 *   <li>{@code order-2} (lamp): running, waiting for approval (a timer of one day);
 *   <li>{@code order-3} (broken): running, its reservation failed twice and waits an hour for its third attempt;
 *   <li>{@code order-4} (unshippable): failed, shipping failed for good;
 *   <li>{@code order-5} (chair): terminated while it waited for approval.
 * </ul>
 *
 * <p>The worker keeps running until the tests end, so that commands that signal and cancel can be tested on runs
 * of their own ({@link #start}).
 */
final class OrdersStore implements AutoCloseable {

    static final String TASK_QUEUE = "orders";

    private final Path directory;
    private final Path file;
    private final WorkflowService service;
    private final WorkflowClient client;
    private final WorkerFactory workers;

    private OrdersStore(Path directory) {
        this.directory = directory;
        this.file = directory.resolve("orders.db");
        this.service = WorkflowService.sqlite(file,
                ServiceOptions.newBuilder().setSweepInterval(Duration.ofMillis(50)).build());
        this.client = WorkflowClient.newInstance(service);
        this.workers = WorkerFactory.newInstance(client);
        Worker worker = workers.newWorker(TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(new WarehouseImpl());
        workers.start();
    }

    /** The store with the orders of the class comment. */
    static OrdersStore withOrders() {
        OrdersStore store = empty();
        store.runOrders();
        return store;
    }

    /** A store with no runs yet, and its worker running. */
    static OrdersStore empty() {
        try {
            return new OrdersStore(Files.createTempDirectory("hourglass-cli-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void runOrders() {
        WorkflowStub completed = start("order-1", "book");
        completed.signal("approve", "alice");
        completed.getResult(String.class);

        awaitApproval(start("order-2", "lamp"));

        WorkflowStub broken = start("order-3", "broken");
        await("order-3 waiting an hour for its third attempt").atMost(Duration.ofSeconds(30)).until(() -> {
            var activities = broken.describe().getPendingActivities();
            return activities.size() == 1 && waitsForTheThirdAttempt(activities.get(0));
        });

        WorkflowStub failed = start("order-4", "unshippable");
        failed.signal("approve", "bob");
        try {
            failed.getResult(String.class);
            throw new AssertionError("order-4 should have failed");
        } catch (WorkflowFailedException expected) {
            // what the fixture wants
        }

        WorkflowStub terminated = start("order-5", "chair");
        awaitApproval(terminated);
        terminated.terminate("customer left");
    }

    private static boolean waitsForTheThirdAttempt(PendingActivityInfo activity) {
        return activity.getAttempt() == 3 && activity.getNextAttemptTime().isPresent()
                && activity.getLastFailureMessage().isPresent();
    }

    /** Starts an order on this store's worker; returns its stub. */
    WorkflowStub start(String workflowId, String item) {
        WorkflowStub stub = client.newUntypedWorkflowStub("OrderWorkflow", WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE).setWorkflowId(workflowId).build());
        stub.start(item);
        return stub;
    }

    /** Waits until the order waits for its approval: its timer of a day is pending. */
    static void awaitApproval(WorkflowStub order) {
        await("approval timer of " + order.getExecution().getWorkflowId()).atMost(Duration.ofSeconds(30))
                .until(() -> order.describe().getPendingTimers().stream()
                        .anyMatch(timer -> timer.getFireTime().isAfter(Instant.now().plus(Duration.ofHours(12)))));
    }

    WorkflowClient client() {
        return client;
    }

    /** The store as {@code --store} names it. */
    String location() {
        return "sqlite:" + file;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        workers.shutdown();
        service.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
