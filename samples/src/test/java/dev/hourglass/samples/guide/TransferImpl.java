package dev.hourglass.samples.guide;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.samples.guide.Notifier.Notice;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;

/** The transfer of the testing guide: withdraw, hold three days unless canceled, deposit and notify. */
// guide: transfer-impl begin
public class TransferImpl implements Transfer {
    static final Duration HOLD = Duration.ofDays(3);

    private final ActivityOptions options = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryPolicy(RetryPolicy.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2)
                    .setMaximumAttempts(5)
                    .build())
            .build();
    private final Accounts accounts = Workflow.newActivityStub(Accounts.class, options);
    private final Notifier notifier = Workflow.newActivityStub(Notifier.class, options);
    private String status = "started";
    private String cancelReason;

    @Override
    public String transfer(String from, String to, long cents) {
        status = "withdrawing";
        accounts.withdraw(from, cents);
        status = "holding";
        boolean canceled = Workflow.await(HOLD, () -> cancelReason != null);
        if (canceled) {
            status = "refunding";
            accounts.refund(from, cents);
            status = "refunded";
            return "refunded " + cents + " to " + from + ": " + cancelReason;
        }
        status = "depositing";
        accounts.deposit(to, cents);
        notifier.send(new Notice(to, "received " + cents + " cents from " + from));
        status = "done";
        return "moved " + cents + " from " + from + " to " + to;
    }

    @Override
    public void cancel(String reason) {
        cancelReason = reason;
    }

    @Override
    public String status() {
        return status;
    }
}
// guide: transfer-impl end
