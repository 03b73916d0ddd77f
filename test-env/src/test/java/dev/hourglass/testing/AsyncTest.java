package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Async;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Async.function} and {@code Async.procedure}, the names ported workflow code uses for {@code Workflow.async}. */
class AsyncTest {

    @ActivityInterface
    public interface Shipping {
        String reserve(String item, int quantity, String warehouse, String carrier, String zone, String priority);

        void notifyCustomer(String customer, String message);
    }

    public static class RecordingShipping implements Shipping {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public String reserve(String item, int quantity, String warehouse, String carrier, String zone,
                String priority) {
            calls.add("reserve " + item);
            return quantity + " " + item + " from " + warehouse + " by " + carrier + " to " + zone + " " + priority;
        }

        @Override
        public void notifyCustomer(String customer, String message) {
            calls.add("notify " + customer + ": " + message);
        }
    }

    @WorkflowInterface
    public interface Shipment {
        @WorkflowMethod
        String ship(String customer);
    }

    public static class ShipmentImpl implements Shipment {
        private final Shipping shipping = Workflow.newActivityStub(Shipping.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String ship(String customer) {
            Promise<String> books = Async.function(shipping::reserve, "book", 2, "north", "post", "eu", "normal");
            Promise<String> pens = Async.function(shipping::reserve, "pen", 5, "south", "courier", "us", "express");
            Promise<Void> notified = Async.procedure(shipping::notifyCustomer, customer, "on its way");
            Promise.allOf(books, pens, notified).get();
            return books.get() + "; " + pens.get();
        }
    }

    private final RecordingShipping shipping = new RecordingShipping();

    @RegisterExtension
    final TestWorkflowExtension extension = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(ShipmentImpl.class)
            .setActivityImplementations(shipping)
            .build();

    @Test
    void functionsAndProceduresOfSixAndTwoArgumentsReturnTheirActivitiesResults(Shipment shipment) {
        assertThat(shipment.ship("carol")).isEqualTo(
                "2 book from north by post to eu normal; 5 pen from south by courier to us express");
        assertThat(shipping.calls).containsExactlyInAnyOrder("reserve book", "reserve pen",
                "notify carol: on its way");
    }

    @Test
    void theActivitiesStartedAsynchronouslyAreAllScheduledBeforeAnyCompletes(TestWorkflowEnvironment env,
            Worker worker) {
        Shipment shipment = env.getWorkflowClient().newWorkflowStub(Shipment.class,
                WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("ship-1").build());

        shipment.ship("dave");

        List<EventType> types = env.getWorkflowClient().fetchHistory("ship-1").getEvents().stream()
                .map(HistoryEvent::getEventType).collect(Collectors.toList());
        assertThat(types.lastIndexOf(EventType.ActivityTaskScheduled))
                .isLessThan(types.indexOf(EventType.ActivityTaskCompleted));
        assertThat(types).filteredOn(EventType.ActivityTaskScheduled::equals).hasSize(3);
    }
}
