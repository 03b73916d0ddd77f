package dev.hourglass.samples.subscription;

import java.time.LocalDate;

/**
 * One month of a subscription to charge.
 *
 * @param invoiceId identifies the invoice; every attempt to charge it uses the same id, so the payment provider
 *     charges it at most once
 * @param customerId the customer to charge
 * @param amountCents the amount, in cents
 * @param dueDate the day the month starts and the charge is due, in UTC
 */
public record Invoice(String invoiceId, String customerId, long amountCents, LocalDate dueDate) {
}
