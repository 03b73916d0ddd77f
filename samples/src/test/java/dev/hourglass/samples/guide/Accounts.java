package dev.hourglass.samples.guide;

import dev.hourglass.activity.ActivityInterface;

/** The bank's accounts, as the transfer of the testing guide sees them. */
// guide: accounts begin
@ActivityInterface
public interface Accounts {
    String withdraw(String account, long cents);

    String deposit(String account, long cents);

    void refund(String account, long cents);

    void checkFraud(String account, long cents);
}
// guide: accounts end
