package dev.hourglass.samples.migration;

// guide: order-interfaces begin
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

@WorkflowInterface
public interface OrderWorkflow {
    @WorkflowMethod
    String process(String orderId);

    @SignalMethod
    void addItem(String item);

    @QueryMethod
    int itemCount();

    @ActivityInterface
    interface Inventory {
        String reserve(String orderId, String item);
    }

    @WorkflowInterface
    interface ShippingWorkflow {
        @WorkflowMethod
        String ship(String orderId, int parcels);
    }
}
// guide: order-interfaces end
