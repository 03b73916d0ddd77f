package dev.hourglass.cli;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;

/** {@link OrderWorkflowImpl} changed incompatibly: it no longer waits before asking for approval. */
public class ImpatientOrderWorkflowImpl implements OrderWorkflow {

    private final Warehouse warehouse = Workflow.newActivityStub(Warehouse.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    private String approver;

    @Override
    public String process(String item) {
        String reservation = warehouse.reserve(item);
        Workflow.await(() -> approver != null);
        return reservation + " " + warehouse.ship(item, approver) + " approved by " + approver;
    }

    @Override
    public void approve(String approver) {
        this.approver = approver;
    }
}
