package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.testing.faults.Payments.Run;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same seed and plan give the same run: the same histories, byte for byte, whatever faults it has. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultDeterminismTest {

    /** A fault of every kind, all of which happen to the payment of {@code "every-fault"}. */
    static final FaultPlan EVERY_KIND = FaultPlan.newBuilder()
            .failActivity("withdraw", 1)
            .delayActivity("withdraw", 2, Duration.ofSeconds(3))
            .loseActivityCompletion("deposit", 1)
            .timeOutActivity("deposit", 2)
            .failActivityNonRetryable("receipt", 1, "PrinterJammed")
            .crashWorkerAfterWorkflowTask(3)
            .signalAt("every-fault", Duration.ofMinutes(30), "note", "call bob")
            .build();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 1234567890123L})
    void theSameSeedAndPlanRecordTheSameHistoryByteForByte(long seed) {
        Run first = Payments.run(seed, EVERY_KIND, "every-fault");
        Run second = Payments.run(seed, EVERY_KIND, "every-fault");

        assertThat(second.history().toJson()).as("seed %d, plan %s", seed, EVERY_KIND)
                .isEqualTo(first.history().toJson());
        assertThat(second.result()).isEqualTo(first.result());
    }

    @Test
    void everyFaultOfThePlanHappens() {
        Run run = Payments.run(9, EVERY_KIND, "every-fault");

        assertThat(run.bank().runs("withdraw")).as("runs of withdraw: attempt 1 failed, 2 delayed").isEqualTo(1);
        assertThat(run.lastAttemptOf("withdraw")).isEqualTo(2);
        assertThat(run.bank().runs("deposit")).as("runs of deposit: 1 lost, 2 timed out, 3").isEqualTo(2);
        assertThat(run.lastAttemptOf("deposit")).isEqualTo(3);
        assertThat(run.result()).isEqualTo("withdrew from alice, deposited to bob, no receipt (PrinterJammed),"
                + " notes [call bob]");
    }
}
