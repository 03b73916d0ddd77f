package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.Payments.FakeBank;
import dev.hourglass.testing.faults.Payments.Run;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker crash after the n-th workflow task: the payment's tasks are 1 (started: withdraw), 2 (withdrawn: sleep),
 * 3 (woken: deposit), 4 (deposited: receipt), 5 (receipt: complete). The code of a payment starts once live and
 * once more in the self-check replay at close; each crash while it is cached starts it once more, by replay.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkerCrashTest {

    private static final long SEED = 11;

    @Test
    void aWorkflowSleepingBetweenActivitiesCompletesAsWithoutACrash() {
        Run crashed = Payments.run(SEED, FaultPlan.newBuilder().crashWorkerAfterWorkflowTask(2).build(),
                "crash-while-sleeping");
        Run plain = Payments.run(SEED, FaultPlan.none(), "no-crash-while-sleeping");

        assertThat(crashed.result()).isEqualTo(plain.result());
        assertThat(crashed.bank().runs("withdraw")).isEqualTo(1);
        assertThat(crashed.bank().runs("deposit")).isEqualTo(1);
    }

    @Test
    void theCachedExecutionIsRebuiltByReplayOnItsNextTask() {
        Payments.run(SEED, FaultPlan.newBuilder().crashWorkerAfterWorkflowTask(2).build(), "rebuilt-after-crash");
        Payments.run(SEED, FaultPlan.none(), "cached-without-crash");

        assertThat(Payments.CODE_STARTS.get("rebuilt-after-crash")).as("live, rebuilt, self-check").isEqualTo(3);
        assertThat(Payments.CODE_STARTS.get("cached-without-crash")).as("live, self-check").isEqualTo(2);
    }

    @Test
    void theActivityInFlightAtTheCrashRunsTwice() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder().crashWorkerAfterWorkflowTask(3).build(),
                "deposit-in-flight");

        assertThat(run.bank().runs("deposit")).as("runs of deposit").isEqualTo(2);
        assertThat(run.lastAttemptOf("deposit")).isEqualTo(2);
        assertThat(run.result()).contains("deposited to bob");
    }

    @Test
    void theSelfCheckReplayOfAnExecutionRebuiltAfterACrashPasses() {
        TestWorkflowEnvironment env = Payments.environment(SEED,
                FaultPlan.newBuilder().crashWorkerAfterWorkflowTask(3).build(), new FakeBank());
        Payments.pay(env, "self-checked-after-crash");

        assertThatCode(env::close).doesNotThrowAnyException();
    }
}
