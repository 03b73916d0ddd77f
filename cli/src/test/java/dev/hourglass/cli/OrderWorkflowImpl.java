package dev.hourglass.cli;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;

public class OrderWorkflowImpl implements OrderWorkflow {

    /** Retries at once, 50 ms apart. */
    private final Warehouse warehouse = Workflow.newActivityStub(Warehouse.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(50))
                    .setBackoffCoefficient(1.0).build())
            .build());

    /** Retries once after 50 ms, then only after an hour: a run whose activity stays at its second attempt. */
    private final Warehouse slowWarehouse = Workflow.newActivityStub(Warehouse.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(50))
                    .setBackoffCoefficient(72_000).setMaximumInterval(Duration.ofHours(1)).build())
            .build());

    private String approver;

    @Override
    public String process(String item) {
        String reservation = (item.equals("broken") ? slowWarehouse : warehouse).reserve(item);
        Workflow.sleep(Duration.ofMillis(100));
        if (!Workflow.await(Duration.ofDays(1), () -> approver != null)) {
            throw ApplicationFailure.newNonRetryableFailure("no approval of " + item + " in a day", "NotApproved");
        }
        String shipment = warehouse.ship(item, approver);
        return reservation + " " + shipment + " approved by " + approver;
    }

    @Override
    public void approve(String approver) {
        this.approver = approver;
    }
}
