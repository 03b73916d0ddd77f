package dev.hourglass.samples.guide;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/** Moves money from one account to another after a hold; a cancel signal during the hold refunds it. */
// guide: transfer-interface begin
@WorkflowInterface
public interface Transfer {
    @WorkflowMethod
    String transfer(String from, String to, long cents);

    @SignalMethod
    void cancel(String reason);

    @QueryMethod
    String status();
}
// guide: transfer-interface end
