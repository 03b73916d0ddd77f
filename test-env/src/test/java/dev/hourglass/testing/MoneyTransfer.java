package dev.hourglass.testing;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;

/** A money transfer used by the tests: withdraw, hold the money three days (cancelable), deposit. */
public final class MoneyTransfer {

    /** How long the money is held between withdrawal and deposit. */
    public static final Duration HOLD = Duration.ofDays(3);

    private MoneyTransfer() {
    }

    /** The bank's accounts. */
    @ActivityInterface
    public interface Accounts {
        String withdraw(String account, long cents);

        String deposit(String account, long cents);

        void refund(String account, long cents);
    }

    /** Moves money from one account to another after a hold; a cancel signal during the hold refunds it. */
    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        String transfer(String from, String to, long cents);

        @SignalMethod
        void cancel(String reason);
    }

    /** The transfer's implementation. */
    public static class TransferImpl implements Transfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumAttempts(3).build())
                .build());
        private String cancelReason;

        @Override
        public String transfer(String from, String to, long cents) {
            accounts.withdraw(from, cents);
            boolean canceled = Workflow.await(HOLD, () -> cancelReason != null);
            if (canceled) {
                accounts.refund(from, cents);
                throw ApplicationFailure.newNonRetryableFailure("canceled: " + cancelReason, "TransferCanceled");
            }
            accounts.deposit(to, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }

        @Override
        public void cancel(String reason) {
            cancelReason = reason;
        }
    }

    /** Accounts that always succeed. */
    public static class FakeAccounts implements Accounts {
        @Override
        public String withdraw(String account, long cents) {
            return "w-" + account;
        }

        @Override
        public String deposit(String account, long cents) {
            return "d-" + account;
        }

        @Override
        public void refund(String account, long cents) {
        }
    }
}
