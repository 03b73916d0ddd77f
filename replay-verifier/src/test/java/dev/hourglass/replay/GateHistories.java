package dev.hourglass.replay;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.replay.TransferWorkflows.Accounts;
import dev.hourglass.replay.TransferWorkflows.MoneyTransfer;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import dev.hourglass.replay.TransferWorkflows.OpenAccounts;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;

/** Histories of money transfers recorded in a test environment, open or closed, and code that changed since. */
final class GateHistories {

    /** The line of {@link ChangedDepositMoneyTransferImpl} that issues the diverging command. */
    static final int CHANGED_LINE = 31;

    /** Withdraws and holds like the recording code, then checks for fraud where it deposited. */
    public static class ChangedDepositMoneyTransferImpl implements MoneyTransfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String transfer(String from, String to, long cents) {
            accounts.withdraw(from, cents);
            Workflow.sleep(TransferWorkflows.HOLD);
            accounts.checkFraud(to, cents);
            accounts.deposit(to, cents);
            return "moved " + cents + " from " + from + " to " + to;
        }
    }

    private GateHistories() {
    }

    /** A transfer by {@link MoneyTransferImpl} that completed. */
    static History closedTransfer(String workflowId) {
        return record(workflowId, false);
    }

    /** A transfer by {@link MoneyTransferImpl} that has withdrawn and holds the money: still open. */
    static History openTransfer(String workflowId) {
        return record(workflowId, true);
    }

    /** A transfer by {@link MoneyTransferImpl} that was sent a signal it has no handler for while it held the money. */
    static History signaledTransfer(String workflowId, String signalName) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            WorkflowClient client = start(env, workflowId);
            env.sleep(TransferWorkflows.HOLD.dividedBy(2));
            client.newUntypedWorkflowStub(workflowId).signal(signalName, "stop");
            client.newUntypedWorkflowStub(workflowId).getResult(String.class);
            return client.fetchHistory(workflowId);
        }
    }

    private static WorkflowClient start(TestWorkflowEnvironment env, String workflowId) {
        Worker worker = env.newWorker(TransferWorkflows.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(MoneyTransferImpl.class);
        worker.registerActivitiesImplementations(new OpenAccounts());
        env.start();
        WorkflowClient client = env.getWorkflowClient();
        MoneyTransfer transfer = client.newWorkflowStub(MoneyTransfer.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TransferWorkflows.TASK_QUEUE).setWorkflowId(workflowId).build());
        WorkflowClient.start(transfer::transfer, "alice", "bob", 100_00L);
        return client;
    }

    private static History record(String workflowId, boolean open) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker(TransferWorkflows.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(MoneyTransferImpl.class);
            worker.registerActivitiesImplementations(new OpenAccounts());
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            MoneyTransfer transfer = client.newWorkflowStub(MoneyTransfer.class, WorkflowOptions.newBuilder()
                    .setTaskQueue(TransferWorkflows.TASK_QUEUE).setWorkflowId(workflowId).build());
            if (open) {
                WorkflowClient.start(transfer::transfer, "alice", "bob", 100_00L);
                env.sleep(TransferWorkflows.HOLD.dividedBy(2));
            } else {
                transfer.transfer("alice", "bob", 100_00L);
            }
            return client.fetchHistory(workflowId);
        }
    }
}
