package dev.hourglass.samples.moneytransfer;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.workflow.Saga;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Withdraws, holds the money, deposits; when the deposit is rejected, refunds the withdrawal and fails.
 *
 * <p>This is plain Java: the hold is a durable timer, so the transfer survives worker restarts during the
 * three days it waits, and the refund is a compensation registered when the withdrawal succeeded.
 */
public class MoneyTransferWorkflowImpl implements MoneyTransferWorkflow {

    private static final Logger log = Workflow.getLogger(MoneyTransferWorkflowImpl.class);

    private final AccountActivities accounts = Workflow.newActivityStub(AccountActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    private String status = "withdrawing";

    @Override
    public String transfer(TransferRequest request) {
        String id = request.transferId();
        Saga saga = new Saga();

        accounts.withdraw(request.fromAccount(), request.amountCents(), id + "-withdraw");
        saga.addCompensation(() -> accounts.refund(request.fromAccount(), request.amountCents(), id + "-refund"));
        status = "holding";
        log.info("transfer {}: withdrew {} cents from {}, holding for {}", id, request.amountCents(),
                request.fromAccount(), request.hold());
        Workflow.sleep(request.hold());

        status = "depositing";
        try {
            accounts.deposit(request.toAccount(), request.amountCents(), id + "-deposit");
        } catch (ActivityFailure e) {
            log.warn("transfer {}: deposit to {} failed, refunding {}", id, request.toAccount(),
                    request.fromAccount());
            saga.compensate();
            status = "refunded";
            throw e;
        }
        status = "deposited";
        log.info("transfer {}: deposited {} cents to {}", id, request.amountCents(), request.toAccount());
        return "transfer " + id + " done: " + request.amountCents() + " cents from " + request.fromAccount()
                + " to " + request.toAccount();
    }

    @Override
    public String status() {
        return status;
    }
}
