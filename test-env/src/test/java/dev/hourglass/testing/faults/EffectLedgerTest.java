package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectLedgerTest {

    @Test
    void countsEffectsAndNamesDuplicates() {
        EffectLedger ledger = new EffectLedger();

        assertThat(ledger.apply("deposit:t-1")).isTrue();
        assertThat(ledger.apply("withdraw:t-1")).isTrue();
        assertThat(ledger.apply("deposit:t-1")).isFalse();

        assertThat(ledger.count("deposit:t-1")).isEqualTo(2);
        assertThat(ledger.count("refund:t-1")).isZero();
        assertThat(ledger.counts()).isEqualTo(Map.of("deposit:t-1", 2, "withdraw:t-1", 1));
        assertThat(ledger.duplicates()).containsExactly("deposit:t-1");
        assertThatThrownBy(ledger::assertNoDuplicates).isInstanceOf(AssertionError.class)
                .hasMessageContaining("deposit:t-1 was applied 2 times");
        ledger.assertAppliedOnce("withdraw:t-1");
        assertThatThrownBy(() -> ledger.assertAppliedOnce("withdraw:t-1", "refund:t-1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("refund:t-1 was applied 0 times");
    }

    @Test
    void anOutcomeIsAResultOrAFailureOfAnExpectedKind() {
        assertThat(Outcome.of(() -> "done").assertResultOrFailure(ActivityFailure.class).getResult())
                .isEqualTo("done");
        Outcome<String> rejected = Outcome.of(() -> {
            throw new IllegalStateException("wrapped", ApplicationFailure.newFailure("no", "Rejected"));
        });
        assertThat(rejected.isResult()).isFalse();
        assertThat(rejected.failedWith(ApplicationFailure.class)).isTrue();
        rejected.assertResultOrFailure(ApplicationFailure.class);
        assertThatThrownBy(() -> rejected.assertResultOrFailure(ActivityFailure.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("[ActivityFailure]")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
