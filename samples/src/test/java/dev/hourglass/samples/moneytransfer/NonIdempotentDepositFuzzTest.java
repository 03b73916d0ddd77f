package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.FaultFuzzer;
import dev.hourglass.testing.faults.FaultPlan;
import dev.hourglass.testing.faults.FuzzResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer finds a real bug: with a deposit that is not idempotent, a lost completion makes the deposit run
 * twice and bob is paid twice. The same workflow, fault space and invariant as {@link MoneyTransferFuzzTest}; only
 * the bank differs.
 */
class NonIdempotentDepositFuzzTest {

    private static FuzzResult result;

    @BeforeAll
    static void fuzz() {
        result = FaultFuzzer.newBuilder()
                .setSeed(42L)
                .setTrials(1_000)
                .setFaultSpace(MoneyTransferFuzzTest.ACCOUNT_FAULTS)
                .build()
                .run(trial -> {
                    NonIdempotentDepositBank bank = new NonIdempotentDepositBank(MoneyTransferFuzzTest.OPENING);
                    MoneyTransferFuzzTest.transferConservesMoney(trial.newEnvironment(), bank, bank::balances);
                });
    }

    @Test
    void findsMoneyCreatedWithinAThousandTrials() {
        assertThat(result.isFailed()).as(result.getReport()).isTrue();
        assertThat(result.getFailure()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("money in the bank after result transfer t-1 done")
                .hasMessageContaining("but was: 1100L");
    }

    @Test
    void shrinksThePlanToTheOneLostDepositCompletion() {
        assertThat(result.getFailingPlan().getFaults()).as(result.getReport()).hasSize(1);
        assertThat(result.getFailingPlan())
                .isEqualTo(FaultPlan.newBuilder().loseActivityCompletion("deposit", 1).build());
        assertThat(result.getReport())
                .contains("Shrunk plan:\nFaultPlan.newBuilder().loseActivityCompletion(\"deposit\", 1).build()")
                .contains("Timeline of transfer-t-1");
    }

    @Test
    void theShrunkPlanAloneFailsTheSameWayInAFreshEnvironment() {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setSeed(result.getFailingSeed())
                .setFaultPlan(result.getFailingPlan())
                .build();
        NonIdempotentDepositBank bank = new NonIdempotentDepositBank(MoneyTransferFuzzTest.OPENING);

        assertThatThrownBy(() -> MoneyTransferFuzzTest.transferConservesMoney(
                TestWorkflowEnvironment.newInstance(options), bank, bank::balances))
                .isInstanceOf(AssertionError.class)
                .hasMessage(result.getFailure().getMessage());
        assertThat(bank.deposits().count("t-1-deposit")).as("runs of the deposit").isEqualTo(2);
    }
}
