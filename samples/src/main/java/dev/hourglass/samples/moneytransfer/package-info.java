/**
 * Sample: a money transfer that withdraws, holds the money for three days, deposits, and refunds the
 * withdrawal when the deposit is rejected.
 *
 * <p>Run {@link dev.hourglass.samples.moneytransfer.MoneyTransferDemo} to see it work on the in-memory
 * service.
 */
package dev.hourglass.samples.moneytransfer;
