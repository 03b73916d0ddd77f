package dev.hourglass.replay;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * A money transfer (withdraw, hold, deposit) as first recorded, and changed implementations of the same
 * workflow type {@code Transfer} that replay its histories.
 */
final class Transfers {

    static final Duration HOLD = Duration.ofMillis(20);

    private static final ActivityOptions OPTIONS =
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build();

    private Transfers() {
    }

    @ActivityInterface
    public interface Accounts {
        String withdraw(String account, long cents);

        String deposit(String account, long cents);

        String audit(String note);
    }

    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        String transfer(String from, String to, long cents);
    }

    /** Activities that describe what they did. */
    public static final class AccountsImpl implements Accounts {
        @Override
        public String withdraw(String account, long cents) {
            return "withdrew " + cents + " from " + account;
        }

        @Override
        public String deposit(String account, long cents) {
            return "deposited " + cents + " to " + account;
        }

        @Override
        public String audit(String note) {
            return "audited " + note;
        }
    }

    private static Accounts accounts() {
        return Workflow.newActivityStub(Accounts.class, OPTIONS);
    }

    /** The code the histories were recorded with. */
    public static class Original implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            Workflow.sleep(HOLD);
            String deposited = accounts.deposit(to, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** Deposits before it withdraws. */
    public static class SwappedActivities implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String deposited = accounts.deposit(to, cents);
            Workflow.sleep(HOLD);
            String withdrawn = accounts.withdraw(from, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** No longer holds the money between withdrawal and deposit. */
    public static class WithoutHold implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            String deposited = accounts.deposit(to, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** Audits the transfer after the deposit, before returning. */
    public static class WithAudit implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            Workflow.sleep(HOLD);
            String deposited = accounts.deposit(to, cents);
            accounts.audit(from + "->" + to);
            return withdrawn + ", " + deposited;
        }
    }

    /** Returns after the hold, without depositing. */
    public static class WithoutDeposit implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            Workflow.sleep(HOLD);
            return withdrawn;
        }
    }

    /** Waits for a condition that never holds where the original held the money. */
    public static class WaitsInsteadOfHolding implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            Workflow.await(() -> false);
            String deposited = accounts.deposit(to, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** Withdraws a fee on top of the amount: the same activity with another argument. */
    public static class WithdrawsFee implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents + 25);
            Workflow.sleep(HOLD);
            String deposited = accounts.deposit(to, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** Holds the money twice as long. */
    public static class LongerHold implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            Workflow.sleep(HOLD.multipliedBy(2));
            String deposited = accounts.deposit(to, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** Deposits first like {@link SwappedActivities}, and catches every exception around that call. */
    public static class SwappedInsideCatch implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String deposited;
            try {
                deposited = accounts.deposit(to, cents);
            } catch (Exception e) {
                deposited = "deposit failed: " + e;
            }
            Workflow.sleep(HOLD);
            String withdrawn = accounts.withdraw(from, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** Removes the hold behind {@code Workflow.getVersion}, keeping it for executions recorded before. */
    public static class VersionedWithoutHold implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            int version = Workflow.getVersion("remove-hold", Workflow.DEFAULT_VERSION, 1);
            if (version == Workflow.DEFAULT_VERSION) {
                Workflow.sleep(HOLD);
            }
            String deposited = accounts.deposit(to, cents);
            return withdrawn + ", " + deposited;
        }
    }

    /** A later cleanup of {@link VersionedWithoutHold}: the path of executions recorded before is gone. */
    public static class OnlyWithoutHold implements Transfer {
        private final Accounts accounts = accounts();

        @Override
        public String transfer(String from, String to, long cents) {
            String withdrawn = accounts.withdraw(from, cents);
            Workflow.getVersion("remove-hold", 1, 1);
            String deposited = accounts.deposit(to, cents);
            return withdrawn + ", " + deposited;
        }
    }
}
