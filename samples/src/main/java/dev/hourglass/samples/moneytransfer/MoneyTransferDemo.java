package dev.hourglass.samples.moneytransfer;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs two money transfers on the in-memory service: one that succeeds, and one to a closed account that is
 * refunded. Prints their progress, results, histories and the balances.
 *
 * <p>Usage: {@code MoneyTransferDemo [--hold=PT3S]}, the hold being an ISO-8601 duration.
 */
public final class MoneyTransferDemo {

    static final String TASK_QUEUE = "money-transfer";

    private MoneyTransferDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration hold = parseHold(args);
        System.out.println("Hourglass money transfer demo: withdraw, hold " + hold + ", deposit.");
        System.out.println("(Production holds the money for 3 days; the tests run those 3 days in virtual time,"
                + " in milliseconds.)");

        try (WorkflowService service = WorkflowService.inMemory()) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
            InMemoryBank bank = new InMemoryBank()
                    .openAccount("alice", 500_00).openAccount("bob", 0).openAccount("carol", 0)
                    .closeAccount("carol");
            worker.registerActivitiesImplementations(bank);
            factory.start();
            System.out.println("Balances: " + format(bank.balances()) + " (carol's account is closed)");

            MoneyTransferWorkflow toBob = newTransfer(client, "transfer-1");
            MoneyTransferWorkflow toCarol = newTransfer(client, "transfer-2");
            WorkflowClient.start(toBob::transfer,
                    new TransferRequest("alice", "bob", 100_00, "transfer-1").withHold(hold));
            WorkflowClient.start(toCarol::transfer,
                    new TransferRequest("alice", "carol", 50_00, "transfer-2").withHold(hold));
            System.out.println("Started transfer-1 (100.00 alice -> bob) and transfer-2 (50.00 alice -> carol)");
            awaitHolding(toBob);
            awaitHolding(toCarol);
            System.out.println("Status of transfer-1: " + toBob.status() + ", balances while holding: "
                    + format(bank.balances()));

            System.out.println();
            String result = client.newUntypedWorkflowStub("transfer-1").getResult(String.class);
            System.out.println("Result of transfer-1: " + result);
            printTimeline(client.fetchHistory("transfer-1"));

            System.out.println();
            try {
                client.newUntypedWorkflowStub("transfer-2").getResult(String.class);
                System.out.println("transfer-2 completed, which it should not have: carol's account is closed");
            } catch (WorkflowFailedException e) {
                ApplicationFailure rootCause = (ApplicationFailure) e.getCause().getCause();
                System.out.println("transfer-2 failed with " + e.getCause().getClass().getSimpleName() + " caused by "
                        + rootCause.getType() + ": " + rootCause.getOriginalMessage());
                System.out.println("Status of transfer-2: " + toCarol.status());
            }
            printTimeline(client.fetchHistory("transfer-2"));

            System.out.println();
            System.out.println("Balances: " + format(bank.balances())
                    + " (bob received 100.00; the 50.00 for carol went back to alice)");
            factory.shutdown();
        }
    }

    private static MoneyTransferWorkflow newTransfer(WorkflowClient client, String transferId) {
        return client.newWorkflowStub(MoneyTransferWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(transferId).build());
    }

    /** Asks the workflow where it stands until it has withdrawn the money, for at most 10 seconds. */
    private static void awaitHolding(MoneyTransferWorkflow transfer) throws InterruptedException {
        for (int i = 0; i < 500 && transfer.status().equals("withdrawing"); i++) {
            Thread.sleep(20);
        }
    }

    private static void printTimeline(History history) {
        System.out.println(HistoryTimeline.format(history));
    }

    private static String format(Map<String, Long> balances) {
        StringJoiner text = new StringJoiner(", ");
        balances.forEach((account, cents) -> text.add(account + " " + cents / 100 + "." + String.format("%02d",
                cents % 100)));
        return text.toString();
    }

    private static Duration parseHold(String[] args) {
        Duration hold = Duration.ofSeconds(3);
        for (String arg : args) {
            if (arg.startsWith("--hold=")) {
                hold = Duration.parse(arg.substring("--hold=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; usage: MoneyTransferDemo"
                        + " [--hold=PT3S]");
            }
        }
        return hold;
    }
}
