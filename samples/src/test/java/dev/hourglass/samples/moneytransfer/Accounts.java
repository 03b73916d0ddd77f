package dev.hourglass.samples.moneytransfer;

import dev.hourglass.activity.ActivityInterface;

/** The activities of the README's example. */
@ActivityInterface
public interface Accounts {
    void withdraw(String account, long cents);

    void deposit(String account, long cents);
}
