package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class InMemoryBankTest {

    private final InMemoryBank bank = new InMemoryBank().openAccount("alice", 100_00).openAccount("bob", 0);

    @Test
    void withdrawalRetriedWithTheSameReferenceIsAppliedOnce() {
        bank.withdraw("alice", 30_00, "t-1-withdraw");
        bank.withdraw("alice", 30_00, "t-1-withdraw");

        assertThat(bank.balance("alice")).isEqualTo(70_00);
    }

    @Test
    void depositRetriedWithTheSameReferenceIsAppliedOnce() {
        bank.deposit("bob", 30_00, "t-1-deposit");
        bank.deposit("bob", 30_00, "t-1-deposit");

        assertThat(bank.balance("bob")).isEqualTo(30_00);
    }

    @Test
    void refundGivesTheMoneyBack() {
        bank.withdraw("alice", 30_00, "t-1-withdraw");
        bank.refund("alice", 30_00, "t-1-refund");

        assertThat(bank.balance("alice")).isEqualTo(100_00);
    }

    @Test
    void depositToAClosedAccountIsANonRetryableAccountClosedFailure() {
        bank.closeAccount("bob");

        assertThatThrownBy(() -> bank.deposit("bob", 30_00, "t-1-deposit"))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("AccountClosed");
                    assertThat(failure.isNonRetryable()).isTrue();
                });
        assertThat(bank.balance("bob")).isZero();
    }

    @Test
    void withdrawalBeyondTheBalanceIsAnInsufficientFundsFailure() {
        assertThatThrownBy(() -> bank.withdraw("alice", 100_01, "t-1-withdraw"))
                .isInstanceOfSatisfying(ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("InsufficientFunds"));
        assertThat(bank.balance("alice")).isEqualTo(100_00);
    }

    @Test
    void unknownAccountIsAnAccountNotFoundFailure() {
        assertThatThrownBy(() -> bank.deposit("mallory", 1, "t-1-deposit"))
                .isInstanceOfSatisfying(ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("AccountNotFound"));
    }
}
