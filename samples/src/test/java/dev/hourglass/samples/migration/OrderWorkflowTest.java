package dev.hourglass.samples.migration;

// guide: ported-test begin
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.client.BatchRequest;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowException;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderWorkflowTest {

    private final OrderWorkflow.Inventory inventory = mock(OrderWorkflow.Inventory.class);
    private final OrderWorkflow.ShippingWorkflow shipping = mock(OrderWorkflow.ShippingWorkflow.class);

    @RegisterExtension
    final TestWorkflowExtension testWorkflowExtension = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
            .setActivityImplementations(inventory)
            .setDoNotStart(true)
            .build();

    @BeforeEach
    void startWithAMockedChild(TestWorkflowEnvironment env, Worker worker) {
        when(inventory.reserve("order-1", "book")).thenReturn("r-1");
        when(shipping.ship("order-1", 2)).thenReturn("shipped in 2 parcels");
        worker.registerWorkflowImplementationFactory(OrderWorkflow.ShippingWorkflow.class, () -> shipping);
        env.start();
    }

    @Test
    void anOrderSignaledWithItsStartShipsOnceItHasTwoItems(WorkflowClient client, Worker worker)
            throws Exception {
        OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("order-1").setTaskQueue(worker.getTaskQueue()).build());

        BatchRequest request = client.newSignalWithStartRequest();
        request.add(order::process, "order-1");
        request.add(order::addItem, "book");
        client.signalWithStart(request);
        order.addItem("pen");

        WorkflowStub untyped = WorkflowStub.fromTyped(order);
        assertThat(untyped.getResult(10, TimeUnit.SECONDS, String.class)).isEqualTo("shipped in 2 parcels");
        assertThat(untyped.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.COMPLETED);
        verify(inventory).reserve("order-1", "book");
        verify(inventory).reserve("order-1", "pen");
        verify(shipping).ship("order-1", 2);
    }

    @Test
    void executeHandsBackTheResultAsAFuture(WorkflowClient client, Worker worker) {
        OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("order-1").setTaskQueue(worker.getTaskQueue()).build());

        CompletableFuture<String> result = WorkflowClient.execute(order::process, "order-1");
        order.addItem("book");
        order.addItem("pen");

        assertThat(result).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("shipped in 2 parcels");
    }

    @Test
    void startingTheSameOrderTwiceIsAWorkflowException(WorkflowClient client, Worker worker) {
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId("order-1").setTaskQueue(worker.getTaskQueue()).build();
        WorkflowClient.start(client.newWorkflowStub(OrderWorkflow.class, options)::process, "order-1");

        OrderWorkflow again = client.newWorkflowStub(OrderWorkflow.class, options);

        assertThatThrownBy(() -> WorkflowClient.start(again::process, "order-1"))
                .isInstanceOf(WorkflowExecutionAlreadyStartedException.class)
                .isInstanceOf(WorkflowException.class);
    }
}
// guide: ported-test end
