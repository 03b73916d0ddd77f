package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowQueryException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a query does, through the real client and worker, the same for every service: each subclass runs these
 * assertions against one. The clock stands still: nothing here waits for time.
 */
abstract class QueriesContract {

    static final String TASK_QUEUE = "carts";

    @WorkflowInterface
    public interface Cart {
        @WorkflowMethod
        String checkout(String customer);

        @SignalMethod
        void add(String item);

        @SignalMethod
        void pay();

        @QueryMethod
        List<String> items();

        @QueryMethod
        int count(String item);

        @QueryMethod
        String total();
    }

    /** Collects items until paid; its {@code total} query always throws. */
    public static class CartImpl implements Cart {
        private final List<String> items = new ArrayList<>();
        private boolean paid;

        @Override
        public String checkout(String customer) {
            Workflow.await(() -> paid);
            return customer + " paid for " + items;
        }

        @Override
        public void add(String item) {
            items.add(item);
        }

        @Override
        public void pay() {
            paid = true;
        }

        @Override
        public List<String> items() {
            return List.copyOf(items);
        }

        @Override
        public int count(String item) {
            return Collections.frequency(items, item);
        }

        @Override
        public String total() {
            throw new IllegalStateException("no prices for the " + items.size() + " items of this cart");
        }
    }

    protected final SettableClock clock = new SettableClock(T0);
    protected WorkflowServiceSpi service;
    protected WorkflowClient client;
    private final List<WorkerFactory> workers = new ArrayList<>();

    /** A new service on {@code clock} with {@code options}, which the test closes. */
    abstract WorkflowServiceSpi open(SettableClock clock, ServiceOptions options);

    /** Removes what the services left behind, once they are closed; nothing by default. */
    void afterClose() throws Exception {
    }

    @BeforeEach
    void openService() {
        service = open(clock, ServiceOptions.getDefaultInstance());
        client = WorkflowClient.newInstance(service);
    }

    @AfterEach
    void closeService() throws Exception {
        try {
            workers.forEach(WorkerFactory::shutdown);
            if (service != null) {
                service.close();
            }
        } finally {
            afterClose();
        }
    }

    /** Starts a worker of carts on {@code on}, which the test shuts down. */
    protected void startWorker(WorkflowServiceSpi on) {
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(on));
        workers.add(factory);
        factory.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(CartImpl.class);
        factory.start();
    }

    /** Starts cart {@code workflowId} of ada through the client. */
    protected Cart startCart(String workflowId) {
        Cart cart = client.newWorkflowStub(Cart.class,
                WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(workflowId).build());
        WorkflowClient.start(cart::checkout, "ada");
        return cart;
    }

    /** Waits until the items of the cart are {@code expected}, as queries see them. */
    protected static void awaitItems(Cart cart, List<String> expected) {
        Awaitility.await("the cart to hold " + expected).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(cart::items, expected::equals);
    }

    @Test
    void aQueryIsAnsweredFromTheStateReplayedFromTheHistory() {
        startWorker(service);
        Cart cart = startCart("cart-1");

        cart.add("apple");
        cart.add("pear");

        awaitItems(cart, List.of("apple", "pear"));
    }

    @Test
    void aQueryPassesItsArgumentsToTheQueryMethod() {
        startWorker(service);
        Cart cart = startCart("cart-1");
        cart.add("apple");
        cart.add("pear");
        cart.add("apple");
        awaitItems(cart, List.of("apple", "pear", "apple"));

        assertThat(cart.count("apple")).isEqualTo(2);
        assertThat(client.newUntypedWorkflowStub("cart-1").query("count", Integer.class, "plum")).isZero();
    }

    @Test
    void aQueryMethodThatThrowsFailsTheQueryWithItsMessage() {
        startWorker(service);
        Cart cart = startCart("cart-1");
        cart.add("apple");
        awaitItems(cart, List.of("apple"));

        WorkflowQueryException e = catchThrowableOfType(WorkflowQueryException.class, cart::total);

        assertThat(e).hasMessageContaining("query failed: no prices for the 1 items of this cart");
        assertThat(e.getQueryType()).isEqualTo("total");
        assertThat(e.getExecution()).isEqualTo(client.newUntypedWorkflowStub("cart-1").getExecution());
    }

    @Test
    void aQueryOfATypeTheWorkflowDoesNotHaveFailsNamingTheKnownQueries() {
        startWorker(service);
        startCart("cart-1");
        WorkflowStub untyped = client.newUntypedWorkflowStub("cart-1");

        WorkflowQueryException e = catchThrowableOfType(WorkflowQueryException.class,
                () -> untyped.query("balance", String.class));

        assertThat(e).hasMessageContaining("no query 'balance'").hasMessageContaining("items")
                .hasMessageContaining("count").hasMessageContaining("total");
        assertThat(e.getQueryType()).isEqualTo("balance");
    }

    @Test
    void aQueryOfAClosedRunIsAnsweredFromItsFinalState() {
        startWorker(service);
        Cart cart = startCart("cart-1");
        cart.add("apple");
        awaitItems(cart, List.of("apple"));
        cart.pay();
        WorkflowStub untyped = client.newUntypedWorkflowStub("cart-1");
        assertThat(untyped.getResult(String.class)).isEqualTo("ada paid for [apple]");

        assertThat(cart.items()).containsExactly("apple");
        assertThat(untyped.query("count", Integer.class, "apple")).isEqualTo(1);
    }

    @Test
    void queriesAddNoEventsToTheHistory() {
        startWorker(service);
        Cart cart = startCart("cart-1");
        cart.add("apple");
        awaitItems(cart, List.of("apple"));
        History before = service.getHistory("cart-1", null);

        cart.items();
        cart.count("apple");
        assertThatThrownBy(cart::total).isInstanceOf(WorkflowQueryException.class);

        assertThat(service.getHistory("cart-1", null)).isEqualTo(before);
    }

    @Test
    void aQueryOfAnUnknownWorkflowFailsWithWorkflowNotFound() {
        assertThatThrownBy(() -> service.queryWorkflow("no-such-cart", null, "items", Payload.fromJson("[]")))
                .isInstanceOf(WorkflowNotFoundException.class)
                .hasMessageContaining("no-such-cart");
    }

    @Test
    void aQueryNoWorkerAnswersTimesOutNamingTheTaskQueueAndTheWorkflowType() {
        service.close();
        service = open(clock, ServiceOptions.newBuilder().setQueryTimeout(Duration.ofMillis(300)).build());
        WorkflowExecution run = service.startWorkflow(StartWorkflowRequest.of("cart-1", "Cart", TASK_QUEUE,
                Payload.fromJson("[\"ada\"]"), WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));

        WorkflowQueryException e = catchThrowableOfType(WorkflowQueryException.class,
                () -> service.queryWorkflow("cart-1", null, "items", Payload.fromJson("[]")));

        assertThat(e).hasMessage("no worker answered query 'items' within PT0.3S: is a worker polling task queue"
                + " 'carts' with workflow type Cart registered?");
        assertThat(e.getExecution()).isEqualTo(run);
        assertThat(e.getQueryType()).isEqualTo("items");
    }
}
