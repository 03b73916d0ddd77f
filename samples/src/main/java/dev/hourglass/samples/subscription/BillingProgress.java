package dev.hourglass.samples.subscription;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How far the billing of a subscription has got: the state one run hands to the next when it continues as
 * new.
 *
 * @param firstChargeTime when the first month was charged (the end of the trial); month {@code n} is charged
 *     {@code n} calendar months later, in UTC; {@code null} while the trial runs
 * @param periodsBilled how many months have been charged
 * @param chargedCents the sum of the charges, in cents
 */
public record BillingProgress(Instant firstChargeTime, int periodsBilled, long chargedCents) {

    /** The progress of a subscription that has not been billed yet. */
    public static final BillingProgress NOT_STARTED = new BillingProgress(null, 0, 0);

    /** Returns this progress with the first charge due at {@code time}. */
    public BillingProgress startingAt(Instant time) {
        return new BillingProgress(time, periodsBilled, chargedCents);
    }

    /** Returns this progress with one more month charged. */
    public BillingProgress billed(long amountCents) {
        return new BillingProgress(firstChargeTime, periodsBilled + 1, chargedCents + amountCents);
    }

    /**
     * Returns when month {@code period} (counting from {@code 0}) is due: that many calendar months after the
     * first charge. Counting from the first charge, not from the previous one, keeps a subscription that
     * started on the 31st on the last day of shorter months, and back on the 31st after them.
     */
    public Instant dueTime(int period) {
        return firstChargeTime.atZone(ZoneOffset.UTC).plusMonths(period).toInstant();
    }
}
