package dev.hourglass.replay;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;

/** A small money transfer workflow, variants of its code, and a way to record its history. */
final class TransferWorkflows {

    static final String TASK_QUEUE = "replay-tests";

    static final Duration HOLD = Duration.ofMillis(20);

    private TransferWorkflows() {
    }

    @ActivityInterface
    public interface Accounts {
        void withdraw(String account, long cents);

        void deposit(String account, long cents);

        void checkFraud(String account, long cents);
    }

    @WorkflowInterface
    public interface MoneyTransfer {
        @WorkflowMethod
        String transfer(String from, String to, long cents);
    }

    /** The code that recorded the histories. */
    public static class MoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            accounts.withdraw(from, cents);
            Workflow.sleep(HOLD);
            accounts.deposit(to, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }
    }

    /** An incompatible change: deposits before it withdraws. */
    public static class SwappedMoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            accounts.deposit(to, cents);
            Workflow.sleep(HOLD);
            accounts.withdraw(from, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }
    }

    /** A compatible change: holds the money longer, which only new executions see. */
    public static class LongerHoldMoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            accounts.withdraw(from, cents);
            Workflow.sleep(HOLD.multipliedBy(10));
            accounts.deposit(to, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }
    }

    /** A change made safe: checks for fraud first in new executions only. */
    public static class FraudCheckedMoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            int version = Workflow.getVersion("fraud-check", Workflow.DEFAULT_VERSION, 1);
            if (version >= 1) {
                accounts.checkFraud(from, cents);
            }
            accounts.withdraw(from, cents);
            Workflow.sleep(HOLD);
            accounts.deposit(to, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }
    }

    /** The same change made unsafely: executions recorded before it cannot replay. */
    public static class UnguardedFraudCheckMoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            accounts.checkFraud(from, cents);
            accounts.withdraw(from, cents);
            Workflow.sleep(HOLD);
            accounts.deposit(to, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }
    }

    /** The guarded change once its old branch is removed: only histories recorded after it replay. */
    public static class FraudCheckOnlyMoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            Workflow.getVersion("fraud-check", 1, 1);
            accounts.checkFraud(from, cents);
            accounts.withdraw(from, cents);
            Workflow.sleep(HOLD);
            accounts.deposit(to, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }
    }

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    /** A workflow of another type. */
    public static class GreetingImpl implements Greeting {
        @Override
        public String greet(String name) {
            return "Hello, " + name;
        }
    }

    /** Accounts that accept every call. */
    public static class OpenAccounts implements Accounts {
        @Override
        public void withdraw(String account, long cents) {
        }

        @Override
        public void deposit(String account, long cents) {
        }

        @Override
        public void checkFraud(String account, long cents) {
        }
    }

    /** Runs one transfer of 100.00 from alice to bob with {@link MoneyTransferImpl} and returns its history. */
    static History recordTransfer(String workflowId) {
        return recordTransfer(workflowId, MoneyTransferImpl.class);
    }

    /** Runs one transfer of 100.00 from alice to bob with the given implementation and returns its history. */
    static History recordTransfer(String workflowId, Class<? extends MoneyTransfer> implementation) {
        try (WorkflowService service = WorkflowService.inMemory()) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(implementation);
            worker.registerActivitiesImplementations(new OpenAccounts());
            factory.start();
            try {
                MoneyTransfer transfer = client.newWorkflowStub(MoneyTransfer.class,
                        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(workflowId).build());
                transfer.transfer("alice", "bob", 100_00);
                return client.fetchHistory(workflowId);
            } finally {
                factory.shutdown();
            }
        }
    }
}
