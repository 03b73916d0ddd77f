package dev.hourglass.samples.subscription;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/**
 * Meters a subscription's usage once a day over a {@value UsageMeteringWorkflowImpl#CYCLE_DAYS}-day cycle, then
 * charges it.
 *
 * <p>The sample shows many short durable timers in a row: thirty daily readings that a test runs in
 * milliseconds; see {@link UsageMeteringWorkflowImpl}.
 */
@WorkflowInterface
public interface UsageMeteringWorkflow {

    /** Reads the usage of each day of the cycle as the day ends, then charges the total; returns the bill. */
    @WorkflowMethod
    UsageBill meter(MeteredPlan plan);

    /** Returns the units read so far in the cycle. */
    @QueryMethod
    long unitsSoFar();
}
