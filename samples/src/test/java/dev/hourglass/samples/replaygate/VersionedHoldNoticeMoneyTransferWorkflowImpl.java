package dev.hourglass.samples.replaygate;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.samples.moneytransfer.AccountActivities;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.samples.moneytransfer.TransferRequest;
import dev.hourglass.workflow.Saga;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;

/**
 * The change of {@link HoldNoticeMoneyTransferWorkflowImpl} made compatible: {@code Workflow.getVersion} keeps
 * the recorded transfers on the old path, and only transfers that start with this code notify the holder.
 */
public class VersionedHoldNoticeMoneyTransferWorkflowImpl implements MoneyTransferWorkflow {

    private final AccountActivities accounts = Workflow.newActivityStub(AccountActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    private final HoldNotices notices = Workflow.newActivityStub(HoldNotices.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    private String status = "withdrawing";

    @Override
    public String transfer(TransferRequest request) {
        String id = request.transferId();
        Saga saga = new Saga();

        // guide: versioned-notice begin
        accounts.withdraw(request.fromAccount(), request.amountCents(), id + "-withdraw");
        saga.addCompensation(() -> accounts.refund(request.fromAccount(), request.amountCents(), id + "-refund"));
        if (Workflow.getVersion("hold-notice", Workflow.DEFAULT_VERSION, 1) >= 1) {
            notices.notifyHold(request.fromAccount(), request.amountCents());
        }
        status = "holding";
        Workflow.sleep(request.hold());
        // guide: versioned-notice end

        status = "depositing";
        try {
            accounts.deposit(request.toAccount(), request.amountCents(), id + "-deposit");
        } catch (ActivityFailure e) {
            saga.compensate();
            status = "refunded";
            throw e;
        }
        status = "deposited";
        return "transfer " + id + " done: " + request.amountCents() + " cents from " + request.fromAccount()
                + " to " + request.toAccount();
    }

    @Override
    public String status() {
        return status;
    }
}
