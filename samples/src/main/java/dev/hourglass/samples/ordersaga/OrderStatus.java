package dev.hourglass.samples.ordersaga;

/** Where an order stands, as {@link OrderWorkflow#status()} reports it. */
public enum OrderStatus {

    /** Asking the payment provider to hold the order's total on the card. */
    HOLDING_FUNDS,

    /** Funds held; the kitchen is preparing the order. */
    PREPARING,

    /** Prepared; waiting at the counter for the customer, for at most {@link OrderWorkflowImpl#PICKUP_DEADLINE}. */
    READY_FOR_PICKUP,

    /** Picked up; charging the held funds. */
    CHARGING,

    /** Charged: the order is done. */
    COMPLETED,

    /** A step failed or the order was not picked up in time; the steps that succeeded have been undone. */
    CANCELLED
}
