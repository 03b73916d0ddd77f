package dev.hourglass.samples.subscription;

import java.time.LocalDate;
import java.util.List;

/**
 * What a {@link UsageMeteringWorkflow} returns: the usage of each day of the cycle and what it cost.
 *
 * @param subscriptionId the subscription
 * @param firstDay the first day of the cycle, in UTC
 * @param dailyUnits the units used on each day of the cycle, first day first
 * @param amountCents what was charged, in cents; {@code 0} if nothing was used
 * @param paymentId the payment provider's id of the charge; {@code null} if nothing was charged
 */
public record UsageBill(String subscriptionId, LocalDate firstDay, List<Long> dailyUnits, long amountCents,
        String paymentId) {

    /** Copies {@code dailyUnits}, so the bill does not change after it is made. */
    public UsageBill {
        dailyUnits = List.copyOf(dailyUnits);
    }

    /** Returns the units used over the whole cycle. */
    public long totalUnits() {
        return dailyUnits.stream().mapToLong(Long::longValue).sum();
    }
}
