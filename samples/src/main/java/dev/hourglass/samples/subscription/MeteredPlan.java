package dev.hourglass.samples.subscription;

/**
 * A usage-based plan: the input of {@link UsageMeteringWorkflow}.
 *
 * @param subscriptionId the subscription whose usage is metered
 * @param customerId the customer to charge
 * @param centsPerUnit the price of one unit of usage, in cents
 */
public record MeteredPlan(String subscriptionId, String customerId, long centsPerUnit) {
}
