package com.example.determinism;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/**
 * The workflow interface of the determinism corpus: each implementation runs the scenario it is given by name,
 * from its workflow method, a signal handler or a query handler.
 */
@WorkflowInterface
public interface Scenario {

    @WorkflowMethod
    String run(String scenario);

    @SignalMethod
    void signal(String scenario);

    @QueryMethod
    String query(String scenario);
}
