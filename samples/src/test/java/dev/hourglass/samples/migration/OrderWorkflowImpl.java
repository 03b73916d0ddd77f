package dev.hourglass.samples.migration;

// guide: order-implementation begin
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.workflow.Async;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public class OrderWorkflowImpl implements OrderWorkflow {

    private final Inventory inventory = Workflow.newActivityStub(Inventory.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(3).build())
                    .build());
    private final List<String> items = new ArrayList<>();

    @Override
    public String process(String orderId) {
        // items come by signal; the first one may come with the start
        Workflow.await(() -> items.size() >= 2);
        List<Promise<String>> reservations = new ArrayList<>();
        for (String item : items) {
            reservations.add(Async.function(inventory::reserve, orderId, item));
        }
        Promise.allOf(reservations).get();
        ShippingWorkflow shipping = Workflow.newChildWorkflowStub(ShippingWorkflow.class);
        return shipping.ship(orderId, reservations.size());
    }

    @Override
    public void addItem(String item) {
        items.add(item);
    }

    @Override
    public int itemCount() {
        return items.size();
    }
}
// guide: order-implementation end
