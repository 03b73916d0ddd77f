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
 * An incompatible change of {@code MoneyTransferWorkflowImpl}, kept out of the main sources on purpose: it tells
 * the account holder about the hold, with a new activity between the withdrawal and the hold, unguarded. Every
 * recorded transfer that got as far as its hold recorded a timer where this code now schedules the activity.
 */
public class HoldNoticeMoneyTransferWorkflowImpl implements MoneyTransferWorkflow {

    private final AccountActivities accounts = Workflow.newActivityStub(AccountActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    private final HoldNotices notices = Workflow.newActivityStub(HoldNotices.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    private String status = "withdrawing";

    @Override
    public String transfer(TransferRequest request) {
        String id = request.transferId();
        Saga saga = new Saga();

        // guide: unguarded-notice begin
        accounts.withdraw(request.fromAccount(), request.amountCents(), id + "-withdraw");
        saga.addCompensation(() -> accounts.refund(request.fromAccount(), request.amountCents(), id + "-refund"));
        notices.notifyHold(request.fromAccount(), request.amountCents()); // new: an activity before the hold
        status = "holding";
        Workflow.sleep(request.hold());
        // guide: unguarded-notice end

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
