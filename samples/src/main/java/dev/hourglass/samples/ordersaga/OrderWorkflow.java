package dev.hourglass.samples.ordersaga;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/**
 * A take-away order from payment to pick-up: hold the funds, prepare, wait for the customer, charge.
 *
 * <p>The sample shows a saga (each step registers how to undo it), a signal awaited with a deadline, and a
 * query of the workflow's state; see {@link OrderWorkflowImpl}.
 */
@WorkflowInterface
public interface OrderWorkflow {

    /**
     * Runs the order; returns the receipt once it is picked up and charged.
     *
     * <p>Fails, after undoing what was done, when the card is declined ({@code "CardDeclined"}), when the
     * kitchen cannot prepare the order, or when the order is not picked up in time ({@code "NotPickedUp"}).
     */
    @WorkflowMethod
    OrderReceipt process(Order order);

    /** Tells the workflow that the customer picked the order up at the counter. */
    @SignalMethod
    void pickedUp();

    /** Returns where the order stands. */
    @QueryMethod
    OrderStatus status();
}
