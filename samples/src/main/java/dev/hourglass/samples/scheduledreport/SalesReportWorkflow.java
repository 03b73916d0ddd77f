package dev.hourglass.samples.scheduledreport;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/**
 * One day's sales report of a region: compiled, then held until a reviewer approves it through
 * {@link #approve}, then sent; escalated if nobody approves it within {@link SalesReportWorkflowImpl#APPROVAL_WINDOW}.
 */
@WorkflowInterface
public interface SalesReportWorkflow {

    /** Compiles, awaits approval and sends (or escalates) the report of the day the run starts on. */
    @WorkflowMethod
    ReportOutcome produce(String region);

    /**
     * Approves the compiled report. The caller waits until the approval is recorded, and learns the figures it
     * approved. Rejected, with nothing recorded, if {@code reviewer} may not approve reports, if the report is not
     * compiled yet, or if it was approved already.
     */
    @UpdateMethod
    String approve(String reviewer);

    /** Where the report stands: compiling, awaiting approval, sent or escalated. */
    @QueryMethod
    String status();
}
