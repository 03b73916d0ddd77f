package dev.hourglass.samples.moneytransfer;

import dev.hourglass.failure.ApplicationFailure;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accounts kept in memory: an {@link AccountActivities} implementation for the demo and the tests.
 *
 * <p>Each operation is applied once per reference id, so a retried activity does not move money twice.
 * Failures are non-retryable {@link ApplicationFailure}s whose type says what was wrong:
 * {@code "AccountNotFound"}, {@code "InsufficientFunds"}, or {@code "AccountClosed"} for a deposit to an
 * account that was {@linkplain #closeAccount(String) closed}. Thread-safe.
 */
public final class InMemoryBank implements AccountActivities {

    private final Map<String, Long> balances = new TreeMap<>();
    private final Set<String> closedAccounts = new HashSet<>();
    private final Set<String> appliedReferences = new HashSet<>();

    /** Opens an account with a balance; returns this bank. */
    public synchronized InMemoryBank openAccount(String account, long cents) {
        balances.put(account, cents);
        return this;
    }

    /** Closes an account: deposits to it are rejected from now on; returns this bank. */
    public synchronized InMemoryBank closeAccount(String account) {
        closedAccounts.add(account);
        return this;
    }

    /** Returns an account's balance in cents. */
    public synchronized long balance(String account) {
        return balanceOf(account);
    }

    /** Returns every balance in cents, by account name. */
    public synchronized Map<String, Long> balances() {
        return new TreeMap<>(balances);
    }

    @Override
    public synchronized void withdraw(String account, long cents, String referenceId) {
        long balance = balanceOf(account);
        if (appliedReferences.contains(referenceId)) {
            return;
        }
        if (balance < cents) {
            throw ApplicationFailure.newNonRetryableFailure("account " + account + " holds " + balance
                    + " cents, cannot withdraw " + cents, "InsufficientFunds");
        }
        balances.put(account, balance - cents);
        appliedReferences.add(referenceId);
    }

    @Override
    public synchronized void deposit(String account, long cents, String referenceId) {
        long balance = balanceOf(account);
        if (appliedReferences.contains(referenceId)) {
            return;
        }
        if (closedAccounts.contains(account)) {
            throw ApplicationFailure.newNonRetryableFailure("account " + account + " is closed", "AccountClosed");
        }
        balances.put(account, balance + cents);
        appliedReferences.add(referenceId);
    }

    @Override
    public synchronized void refund(String account, long cents, String referenceId) {
        long balance = balanceOf(account);
        if (appliedReferences.add(referenceId)) {
            balances.put(account, balance + cents);
        }
    }

    private long balanceOf(String account) {
        Long balance = balances.get(account);
        if (balance == null) {
            throw ApplicationFailure.newNonRetryableFailure("there is no account " + account, "AccountNotFound");
        }
        return balance;
    }
}
