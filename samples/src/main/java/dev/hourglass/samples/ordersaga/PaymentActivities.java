package dev.hourglass.samples.ordersaga;

import dev.hourglass.activity.ActivityInterface;

/**
 * The payment provider, as the order workflow uses it: hold funds on a card, then charge them or release them.
 *
 * <p>Implementations call the provider with the order id or hold id as an idempotency key, since an activity
 * may run more than once. A card the provider declines is reported as an
 * {@link dev.hourglass.failure.ApplicationFailure} of type {@value #CARD_DECLINED}, which the workflow does not
 * retry; any other failure (a timeout, the provider being down) is retried.
 */
@ActivityInterface
public interface PaymentActivities {

    /** The failure type of a declined card. */
    String CARD_DECLINED = "CardDeclined";

    /** Holds {@code amountCents} on the card for the order; returns the hold's id. */
    String holdFunds(String cardToken, long amountCents, String orderId);

    /** Releases a hold, giving the funds back to the customer; releasing a released hold does nothing. */
    void releaseHold(String holdId);

    /** Charges the funds of a hold; returns the charge's id. */
    String charge(String holdId, long amountCents);
}
