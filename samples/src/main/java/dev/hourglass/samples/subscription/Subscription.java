package dev.hourglass.samples.subscription;

/**
 * What a customer subscribed to, and how far billing has got: the input of {@link SubscriptionWorkflow}.
 *
 * <p>A new subscription starts with {@link BillingProgress#NOT_STARTED}; each run that continues as new passes
 * its progress to the next one through this record.
 *
 * @param subscriptionId identifies the subscription; invoice ids are made from it
 * @param customerId the customer to charge
 * @param monthlyPriceCents what one month costs, in cents
 * @param trialDays how many days are free before the first charge; {@code 0} charges at once
 * @param months how many months to bill in all; the subscription ends one month after the last charge
 * @param progress how far billing has got; never {@code null}
 */
public record Subscription(String subscriptionId, String customerId, long monthlyPriceCents, int trialDays,
        int months, BillingProgress progress) {

    /** A new subscription, with nothing billed yet. */
    public Subscription(String subscriptionId, String customerId, long monthlyPriceCents, int trialDays,
            int months) {
        this(subscriptionId, customerId, monthlyPriceCents, trialDays, months, BillingProgress.NOT_STARTED);
    }

    /** Returns this subscription with another billing progress. */
    public Subscription withProgress(BillingProgress progress) {
        return new Subscription(subscriptionId, customerId, monthlyPriceCents, trialDays, months, progress);
    }
}
