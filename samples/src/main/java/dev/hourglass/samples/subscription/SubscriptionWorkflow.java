package dev.hourglass.samples.subscription;

import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;

/**
 * A monthly subscription: a free trial, then one charge a month until the term ends or the customer cancels.
 *
 * <p>The sample shows timers that last weeks, a signal that interrupts them, a retry schedule counted in days
 * (dunning) and continue-as-new to keep the history short; see {@link SubscriptionWorkflowImpl}.
 */
@WorkflowInterface
public interface SubscriptionWorkflow {

    /** Bills the subscription until it ends, is cancelled, or is suspended; returns what was billed. */
    @WorkflowMethod
    SubscriptionSummary subscribe(Subscription subscription);

    /** Cancels the subscription: nothing more is charged, and the workflow ends. */
    @SignalMethod
    void cancel();

    /** Returns where the subscription stands. */
    @QueryMethod
    SubscriptionStatus status();

    /** Returns what has been billed so far, over all runs. */
    @QueryMethod
    BillingProgress progress();
}
