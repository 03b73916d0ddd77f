package dev.hourglass.samples.moneytransfer;

import dev.hourglass.testing.faults.EffectLedger;
import java.util.Map;

/**
 * A bank whose deposit forgets its reference id: a deposit that runs twice pays twice. Withdrawals and refunds are
 * applied once per reference id, as {@link InMemoryBank} does. The bug is plausible: the deposit's reference id is
 * passed along but never checked, and every example-based test runs each activity once.
 */
final class NonIdempotentDepositBank implements AccountActivities {

    private final InMemoryBank bank = new InMemoryBank();
    private final EffectLedger deposits = new EffectLedger();

    NonIdempotentDepositBank(Map<String, Long> opening) {
        opening.forEach(bank::openAccount);
    }

    Map<String, Long> balances() {
        return bank.balances();
    }

    /** How many times each deposit ran. */
    EffectLedger deposits() {
        return deposits;
    }

    @Override
    public void withdraw(String account, long cents, String referenceId) {
        bank.withdraw(account, cents, referenceId);
    }

    @Override
    public void deposit(String account, long cents, String referenceId) {
        int times = deposits.apply(referenceId) ? 1 : deposits.count(referenceId);
        bank.deposit(account, cents, referenceId + "#" + times); // a fresh id each time: applied every time
    }

    @Override
    public void refund(String account, long cents, String referenceId) {
        bank.refund(account, cents, referenceId);
    }
}
