package dev.hourglass.cli;

import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/** The workflow of the command line's tests: reserve an item, wait a little, wait for approval, ship. */
@WorkflowInterface
public interface OrderWorkflow {

    @WorkflowMethod
    String process(String item);

    @SignalMethod
    void approve(String approver);
}
