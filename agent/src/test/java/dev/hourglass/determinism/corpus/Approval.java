package dev.hourglass.determinism.corpus;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/** A workflow interface with a signal and a query. */
@WorkflowInterface
public interface Approval {

    @WorkflowMethod
    String await();

    @SignalMethod
    void approve(String approver);

    @QueryMethod
    String status();
}
