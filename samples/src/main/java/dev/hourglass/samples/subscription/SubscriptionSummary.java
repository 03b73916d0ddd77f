package dev.hourglass.samples.subscription;

/**
 * What a finished {@link SubscriptionWorkflow} returns.
 *
 * @param subscriptionId the subscription
 * @param status how it finished: {@link SubscriptionStatus#ENDED}, {@link SubscriptionStatus#CANCELLED} or
 *     {@link SubscriptionStatus#SUSPENDED}
 * @param periodsBilled how many months were charged, over all runs
 * @param chargedCents the sum of the charges, in cents
 */
public record SubscriptionSummary(String subscriptionId, SubscriptionStatus status, int periodsBilled,
        long chargedCents) {
}
