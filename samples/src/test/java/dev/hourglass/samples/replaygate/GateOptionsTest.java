package dev.hourglass.samples.replaygate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.replay.ReplayGate;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.samples.moneytransfer.AccountActivities;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import dev.hourglass.samples.moneytransfer.TransferRequest;
import dev.hourglass.samples.ordersaga.OrderWorkflowImpl;
import dev.hourglass.samples.subscription.SubscriptionWorkflowImpl;
import dev.hourglass.samples.subscription.UsageMeteringWorkflowImpl;
import dev.hourglass.workflow.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gate's options over the samples' corpus. */
class GateOptionsTest {

    /** The money transfer with the hold cut to one day: a duration change, not a change of the commands. */
    public static class ShortHoldMoneyTransferWorkflowImpl implements MoneyTransferWorkflow {
        private final AccountActivities accounts = Workflow.newActivityStub(AccountActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String transfer(TransferRequest request) {
            accounts.withdraw(request.fromAccount(), request.amountCents(), request.transferId() + "-withdraw");
            Workflow.sleep(Duration.ofDays(1));
            accounts.deposit(request.toAccount(), request.amountCents(), request.transferId() + "-deposit");
            return "done";
        }

        @Override
        public String status() {
            return "";
        }
    }

    @Test
    void corpusReplaysInStrictModeOnFourThreadsWithoutTheAgent() {
        // guide: gate-options begin
        ReplayReport report = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class, OrderWorkflowImpl.class,
                        SubscriptionWorkflowImpl.class, UsageMeteringWorkflowImpl.class)
                .addHistories(Path.of("src/test/resources/histories"))
                .setStrict(true)                      // argument, duration and result differences fail too
                .setParallelism(4)                    // histories replayed at once (default: the processors)
                .setDeterminismAgentEnabled(false)    // only where the agent cannot be installed
                .build()
                .run();
        // guide: gate-options end

        assertThat(report.isCompatible()).as(report.toText()).isTrue();
        assertThat(report.getResults()).isNotEmpty().allSatisfy(result -> assertThat(result.getWarnings()).isEmpty());
    }

    @Test
    void strictGateFailsAnArgumentChangeThatTheDefaultGateOnlyWarnsAbout() {
        ReplayGate.Builder gate = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(ShortHoldMoneyTransferWorkflowImpl.class)
                .addHistories(SampleHistories.corpusFile("transfer-holding"));

        ReplayResult lenient = gate.build().run().getResults().get(0);
        ReplayResult strict = gate.setStrict(true).build().run().getResults().get(0);

        assertThat(lenient.getStatus()).isEqualTo(ReplayResult.Status.COMPATIBLE);
        assertThat(lenient.getWarnings()).isNotEmpty();
        assertThat(strict.getStatus()).isEqualTo(ReplayResult.Status.INCOMPATIBLE);
    }
}
