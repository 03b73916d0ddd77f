package dev.hourglass.samples.moneytransfer;

import java.time.Duration;

/**
 * What to transfer: an amount from one account to another, and how long to hold it in between.
 *
 * @param fromAccount the account to withdraw from
 * @param toAccount the account to deposit to
 * @param amountCents the amount, in cents
 * @param transferId identifies the transfer; the bank uses it to apply each step once
 * @param holdMillis how long to hold the money between withdrawal and deposit, in milliseconds; {@code 0}
 *     holds it for {@link #DEFAULT_HOLD}
 */
public record TransferRequest(String fromAccount, String toAccount, long amountCents, String transferId,
        long holdMillis) {

    /** How long the money is held when the request does not say: three days. */
    public static final Duration DEFAULT_HOLD = Duration.ofDays(3);

    /** A transfer with the default hold of three days. */
    public TransferRequest(String fromAccount, String toAccount, long amountCents, String transferId) {
        this(fromAccount, toAccount, amountCents, transferId, 0);
    }

    /** Returns this request with another hold. */
    public TransferRequest withHold(Duration hold) {
        return new TransferRequest(fromAccount, toAccount, amountCents, transferId, hold.toMillis());
    }

    /** Returns how long to hold the money: {@link #holdMillis()}, or three days when it is {@code 0}. */
    public Duration hold() {
        return holdMillis == 0 ? DEFAULT_HOLD : Duration.ofMillis(holdMillis);
    }
}
