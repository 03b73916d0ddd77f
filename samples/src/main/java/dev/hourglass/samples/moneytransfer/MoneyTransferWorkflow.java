package dev.hourglass.samples.moneytransfer;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/** Moves money between two accounts, holding it for a while in between. */
@WorkflowInterface
public interface MoneyTransferWorkflow {

    /** Runs the transfer; returns a confirmation, or fails when a step is rejected. */
    @WorkflowMethod
    String transfer(TransferRequest request);

    /**
     * Returns where the transfer stands: {@code "withdrawing"}, {@code "holding"} (withdrawn, waiting for the
     * hold to end), {@code "depositing"}, {@code "deposited"}, or {@code "refunded"}.
     */
    @QueryMethod
    String status();
}
