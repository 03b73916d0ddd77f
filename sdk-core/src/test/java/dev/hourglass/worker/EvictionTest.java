package dev.hourglass.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.EventType;
import dev.hourglass.internal.worker.WorkerFactoryImpl;
import dev.hourglass.internal.worker.WorkflowCache;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bounded execution cache: evicted executions release their threads and are rebuilt by replay. */
class EvictionTest {

    private static final String QUEUE = "orders";
    private static final int EXECUTIONS = 30;

    @ActivityInterface
    public interface Warehouse {
        String reserve(String orderId);

        String ship(String orderId);
    }

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod
        String process(String orderId);

        @SignalMethod
        void confirm(String clerk);
    }

    /** Reserve, wait a little, wait for a clerk's confirmation in two workflow threads, ship. */
    public static class OrderImpl implements Order {
        private final Warehouse warehouse = Workflow.newActivityStub(Warehouse.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());
        private String clerk;

        @Override
        public String process(String orderId) {
            String reserved = warehouse.reserve(orderId);
            Workflow.sleep(Duration.ofMillis(20));
            Promise<String> confirmedBy = Workflow.async(() -> {
                Workflow.await(() -> clerk != null);
                return clerk;
            });
            Workflow.await(() -> clerk != null);
            String shipped = warehouse.ship(orderId);
            return reserved + "; " + shipped + " (confirmed by " + confirmedBy.get() + ")";
        }

        @Override
        public void confirm(String clerk) {
            this.clerk = clerk;
        }
    }

    /** Does what it is asked. */
    public static class WarehouseImpl implements Warehouse {
        @Override
        public String reserve(String orderId) {
            return "reserved " + orderId;
        }

        @Override
        public String ship(String orderId) {
            return "shipped " + orderId;
        }
    }

    private WorkflowService service;
    private WorkflowClient client;
    private WorkerFactory factory;
    private Set<Thread> parkedBefore;

    @BeforeEach
    void startService() {
        parkedBefore = parkedWorkflowThreads();
        service = WorkflowService.inMemory();
        client = WorkflowClient.newInstance(service);
    }

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.shutdown();
        }
        service.close();
    }

    @Test
    void concurrentExecutionsCompleteCorrectlyWhileACacheOfOneEvicts() throws Exception {
        startWorkers(1);

        Map<String, String> results = runOrders();

        assertThat(results).hasSize(EXECUTIONS).allSatisfy((orderId, result) -> assertThat(result)
                .isEqualTo(expectedResult(orderId)));
        assertThat(cache().evictions()).isPositive();
        assertThat(cache().size()).isLessThanOrEqualTo(1);
    }

    @Test
    void noWorkflowThreadStaysParkedAfterEvictedExecutionsComplete() throws Exception {
        startWorkers(1);
        runOrders();
        assertThat(cache().evictions()).isPositive();

        factory.shutdown();
        factory = null;

        assertThat(newlyParkedWorkflowThreads()).isEmpty();
    }

    @Test
    void everyTaskReplaysWithACacheOfZero() throws Exception {
        startWorkers(0);

        Map<String, String> results = runOrders();

        assertThat(results).hasSize(EXECUTIONS).allSatisfy((orderId, result) -> assertThat(result)
                .isEqualTo(expectedResult(orderId)));
        assertThat(cache().size()).isZero();
        assertThat(cache().evictions()).isGreaterThanOrEqualTo(EXECUTIONS);
    }

    @Test
    void evictedExecutionReleasesItsThreadsAndIsRebuiltByReplayOnItsNextSignal() throws Exception {
        startWorkers(1);
        WorkflowStub first = startOrder("order-a");
        awaitTrue("both threads of order-a wait for its confirmation", () -> threadsWaitingForConfirmation() == 2);
        WorkflowStub second = startOrder("order-b");

        awaitTrue("both threads of order-b wait for its confirmation and those of order-a are gone",
                () -> cache().evictions() > 0 && threadsWaitingForConfirmation() == 2
                        && newlyParkedWorkflowThreads().size() == 2);
        first.signal("confirm", "clerk-order-a");
        assertThat(first.getResultAsync(String.class).get(10, TimeUnit.SECONDS))
                .isEqualTo(expectedResult("order-a"));
        second.signal("confirm", "clerk-order-b");
        assertThat(second.getResultAsync(String.class).get(10, TimeUnit.SECONDS))
                .isEqualTo(expectedResult("order-b"));
    }

    private void startWorkers(int cacheSize) {
        factory = WorkerFactory.newInstance(client,
                WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(cacheSize).build());
        Worker worker = factory.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(OrderImpl.class);
        worker.registerActivitiesImplementations(new WarehouseImpl());
        factory.start();
    }

    private WorkflowCache cache() {
        return ((WorkerFactoryImpl) factory).cache();
    }

    /** Starts the orders at once, confirms each once it waits in its sleep or later, and collects the results. */
    private Map<String, String> runOrders() throws Exception {
        Map<String, WorkflowStub> orders = new LinkedHashMap<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            String orderId = "order-" + i;
            orders.put(orderId, startOrder(orderId));
        }
        for (Map.Entry<String, WorkflowStub> order : orders.entrySet()) {
            awaitTrue(order.getKey() + " started its timer", () -> client.fetchHistory(order.getKey()).getEvents()
                    .stream().anyMatch(event -> event.getEventType() == EventType.TimerStarted));
            order.getValue().signal("confirm", "clerk-" + order.getKey());
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, WorkflowStub> order : orders.entrySet()) {
            results.put(order.getKey(), order.getValue().getResultAsync(String.class).get(20, TimeUnit.SECONDS));
        }
        return results;
    }

    private WorkflowStub startOrder(String orderId) {
        WorkflowStub stub = client.newUntypedWorkflowStub("Order",
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(orderId).build());
        stub.start(orderId);
        return stub;
    }

    private static String expectedResult(String orderId) {
        return "reserved " + orderId + "; shipped " + orderId + " (confirmed by clerk-" + orderId + ")";
    }

    /** How many workflow threads started in this test are parked in the wait for the confirmation. */
    private long threadsWaitingForConfirmation() {
        return newlyParkedWorkflowThreads().stream().filter(EvictionTest::isInAwait).count();
    }

    private static boolean isInAwait(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("dev.hourglass.workflow.Workflow")
                    && frame.getMethodName().equals("await")) {
                return true;
            }
        }
        return false;
    }

    private List<Thread> newlyParkedWorkflowThreads() {
        List<Thread> parked = new ArrayList<>(parkedWorkflowThreads());
        parked.removeAll(parkedBefore);
        return parked;
    }

    /** Live workflow threads parked inside {@code WorkflowThread.yieldUntil}: blocked workflow code. */
    private static Set<Thread> parkedWorkflowThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getName().startsWith("hourglass-workflow-"))
                .filter(entry -> entry.getKey().getState() == Thread.State.WAITING)
                .filter(entry -> inYieldUntil(entry.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static boolean inYieldUntil(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals("dev.hourglass.internal.replay.WorkflowThread")
                    && frame.getMethodName().equals("yieldUntil")) {
                return true;
            }
        }
        return false;
    }

    /** Waits until {@code condition} holds; gives up only when the test must have hung. */
    private static void awaitTrue(String what, Callable<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(condition);
    }
}
