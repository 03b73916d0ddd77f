package dev.hourglass.samples.ordersaga;

/**
 * What a completed {@link OrderWorkflow} returns: the order was picked up and paid for.
 *
 * @param orderId the order
 * @param chargeId the payment provider's id of the charge
 * @param chargedCents the amount charged, in cents
 */
public record OrderReceipt(String orderId, String chargeId, long chargedCents) {
}
