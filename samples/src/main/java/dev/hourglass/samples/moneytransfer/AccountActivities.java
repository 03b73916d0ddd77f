package dev.hourglass.samples.moneytransfer;

import dev.hourglass.activity.ActivityInterface;

/**
 * The bank's operations on accounts. Activities may run more than once (they are retried after a failure or
 * a timeout), so every call carries a reference id that the bank uses to apply it only once.
 */
@ActivityInterface
public interface AccountActivities {

    /** Takes money out of an account. */
    void withdraw(String account, long cents, String referenceId);

    /** Puts money into an account. */
    void deposit(String account, long cents, String referenceId);

    /** Gives back money that was withdrawn from an account. */
    void refund(String account, long cents, String referenceId);
}
