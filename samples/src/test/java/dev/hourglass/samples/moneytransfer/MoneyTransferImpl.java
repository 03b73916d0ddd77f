package dev.hourglass.samples.moneytransfer;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;

public class MoneyTransferImpl implements MoneyTransfer {
    private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String transfer(String from, String to, long cents) {
        accounts.withdraw(from, cents);        // an activity: runs on a worker, its outcome is recorded
        Workflow.sleep(Duration.ofDays(3));    // a durable timer: survives worker restarts
        accounts.deposit(to, cents);
        return "moved " + cents + " cents from " + from + " to " + to;
    }
}
