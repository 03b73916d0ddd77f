package dev.hourglass.samples.subscription;

/** Where a subscription stands, as {@link SubscriptionWorkflow#status()} reports it. */
public enum SubscriptionStatus {

    /** In the free trial: nothing charged yet. */
    TRIAL,

    /** The last charge went through. */
    ACTIVE,

    /** A charge was declined; it is tried again on the dunning schedule. */
    PAST_DUE,

    /** Every attempt to charge a month was declined: the customer's access is suspended and billing stopped. */
    SUSPENDED,

    /** Cancelled by the customer: billing stopped. */
    CANCELLED,

    /** Every month of the subscription was billed and the last one is over. */
    ENDED
}
