package dev.hourglass.samples.replaygate;

import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.samples.ordersaga.KitchenActivities;
import dev.hourglass.samples.ordersaga.PaymentActivities;
import dev.hourglass.samples.subscription.BillingActivities;
import dev.hourglass.samples.subscription.Invoice;
import dev.hourglass.samples.subscription.MeteringActivities;
import java.time.LocalDate;
import java.util.List;

/** Payment provider, kitchen, billing and meter fakes whose answers follow from their arguments alone. */
final class SampleFakes {

    /** The card token that the payment fake declines. */
    static final String DECLINED_CARD = "card-declined";

    /** The customer whose subscription charges the billing fake declines. */
    static final String DECLINED_CUSTOMER = "customer-declined";

    private SampleFakes() {
    }

    /** Holds, charges and releases; declines {@link #DECLINED_CARD}. */
    static final class Payments implements PaymentActivities {
        @Override
        public String holdFunds(String cardToken, long amountCents, String orderId) {
            if (cardToken.equals(DECLINED_CARD)) {
                throw ApplicationFailure.newNonRetryableFailure("card " + cardToken + " was declined",
                        PaymentActivities.CARD_DECLINED);
            }
            return "hold-" + orderId;
        }

        @Override
        public void releaseHold(String holdId) {
        }

        @Override
        public String charge(String holdId, long amountCents) {
            return "charge-" + holdId;
        }
    }

    /** Prepares every order at once. */
    static final class Kitchen implements KitchenActivities {
        @Override
        public String prepare(String orderId, List<String> items) {
            return "ticket-" + orderId;
        }

        @Override
        public void cancelTicket(String ticketId) {
        }
    }

    /** Charges every invoice, except those of {@link #DECLINED_CUSTOMER}. */
    static final class Billing implements BillingActivities {
        @Override
        public String charge(Invoice invoice) {
            if (invoice.customerId().equals(DECLINED_CUSTOMER)) {
                throw ApplicationFailure.newFailure("payment of " + invoice.invoiceId() + " was declined",
                        BillingActivities.PAYMENT_DECLINED);
            }
            return "payment-" + invoice.invoiceId();
        }

        @Override
        public void suspend(String subscriptionId, String invoiceId) {
        }
    }

    /** Reads between 10 and 14 units a day, by the day of the month. */
    static final class Meter implements MeteringActivities {
        @Override
        public long usageOn(String subscriptionId, LocalDate day) {
            return 10 + day.getDayOfMonth() % 5;
        }
    }
}
