package dev.hourglass.samples.subscription;

import dev.hourglass.activity.ActivityInterface;

/**
 * The billing system, as the subscription workflow uses it.
 *
 * <p>A charge the payment provider declines is reported as an {@link dev.hourglass.failure.ApplicationFailure}
 * of type {@value #PAYMENT_DECLINED}; the workflow tries it again days later rather than at once. Any other
 * failure (the provider being unreachable) is retried within seconds by the activity's retry policy.
 */
@ActivityInterface
public interface BillingActivities {

    /** The failure type of a declined charge. */
    String PAYMENT_DECLINED = "PaymentDeclined";

    /** Charges an invoice to the customer's payment method; returns the payment's id. */
    String charge(Invoice invoice);

    /** Suspends the customer's access because {@code invoiceId} could not be charged. */
    void suspend(String subscriptionId, String invoiceId);
}
