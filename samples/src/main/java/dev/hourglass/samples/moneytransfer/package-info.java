/**
 * Sample: a money transfer that withdraws, holds the money for three days, deposits, and refunds the
 * withdrawal when the deposit is rejected.
 *
 * <p>Run {@link dev.hourglass.samples.moneytransfer.DurableMoneyTransferDemo} to see it survive {@code kill -9} of its
 * worker processes on the SQLite store ({@link dev.hourglass.samples.moneytransfer.TransferWorker} is the worker,
 * {@link dev.hourglass.samples.moneytransfer.SqliteBank} the bank they share), and
 * {@link dev.hourglass.samples.moneytransfer.MoneyTransferDemo} to see it work on the in-memory service.
 */
package dev.hourglass.samples.moneytransfer;
