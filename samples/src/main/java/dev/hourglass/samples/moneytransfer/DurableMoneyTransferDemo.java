package dev.hourglass.samples.moneytransfer;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.samples.moneytransfer.SqliteBank.Attempt;
import dev.hourglass.samples.moneytransfer.TransferWorker.Settings;
import dev.hourglass.service.WorkflowService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs money transfers on the durable SQLite store with the worker in a process of its own, and kills that process
 * with {@code kill -9} twice while a transfer is in flight: once while the transfer waits in its hold timer, once
 * while a bank operation runs. A new worker process takes over each time, and the transfers complete with the money
 * conserved. Prints each history as it grows, the balances before and after, and how long recovery took; exits with
 * status 1 when a transfer did not complete or money was not conserved.
 *
 * <p>Usage: {@code DurableMoneyTransferDemo [--hold=PT3S] [--operation-delay=PT1S] [--workflow-task-timeout=PT2S]
 * [--activity-timeout=PT3S] [--dir=DIRECTORY]}; durations are ISO-8601. The store ({@code hourglass.db}) and the
 * bank ({@code bank.db}) go to a new temporary directory unless {@code --dir} names one, and stay there.
 */
public final class DurableMoneyTransferDemo {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PrintStream out;
    private final Settings settings;
    private final Duration hold;
    private final WorkflowClient client;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final Map<String, Integer> printedEvents = new LinkedHashMap<>();

    private DurableMoneyTransferDemo(PrintStream out, Settings settings, Duration hold, WorkflowClient client) {
        this.out = out;
        this.settings = settings;
        this.hold = hold;
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        if (!run(args, System.out)) {
            System.exit(1);
        }
    }

    /**
     * Runs the demo with the command line {@code args}, printing to {@code out}; returns whether every transfer
     * completed and the money was conserved.
     */
    public static boolean run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Map<String, String> values = new LinkedHashMap<>(Map.of("hold", "PT3S", "operation-delay", "PT1S",
                "workflow-task-timeout", "PT2S", "activity-timeout", "PT3S"));
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            if (!List.of("hold", "operation-delay", "workflow-task-timeout", "activity-timeout", "dir")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown argument " + arg + "; usage: DurableMoneyTransferDemo"
                        + " [--hold=PT3S] [--operation-delay=PT1S] [--workflow-task-timeout=PT2S]"
                        + " [--activity-timeout=PT3S] [--dir=DIRECTORY]");
            }
            values.put(name, arg.substring(equals + 1));
        }
        Path dir = values.containsKey("dir") ? Files.createDirectories(Path.of(values.get("dir")))
                : Files.createTempDirectory("hourglass-demo-");
        for (String file : List.of("hourglass.db", "bank.db")) {
            if (Files.exists(dir.resolve(file))) {
                throw new IllegalArgumentException(dir.resolve(file) + " exists already, from an earlier run whose"
                        + " transfers would be mistaken for this one's: give --dir a new directory");
            }
        }
        Settings settings = Settings.parse(new String[] {"--store=" + dir.resolve("hourglass.db"),
            "--bank=" + dir.resolve("bank.db"), "--operation-delay=" + values.get("operation-delay"),
            "--workflow-task-timeout=" + values.get("workflow-task-timeout"),
            "--activity-timeout=" + values.get("activity-timeout")});
        Duration hold = Duration.parse(values.get("hold"));

        out.println("Hourglass durable money transfer demo: the workflows live in a SQLite file, the worker runs in a"
                + " process of its own and is killed with kill -9 while transfers are in flight.");
        out.println("Store: " + settings.store() + " (workflows), " + settings.bank() + " (accounts, shared by the"
                + " worker processes)");
        out.println("Hold " + hold + "; each bank operation takes " + settings.operationDelay()
                + "; workflow task timeout " + settings.workflowTaskTimeout() + "; bank operations time out (and are"
                + " retried) " + settings.activityTimeout() + " after they start.");
        try (WorkflowService service = settings.openService()) {
            DurableMoneyTransferDemo demo = new DurableMoneyTransferDemo(out, settings, hold,
                    WorkflowClient.newInstance(service));
            try {
                return demo.transfers();
            } catch (RuntimeException e) {
                out.println("FAILED: " + e);
                return false;
            } finally {
                for (WorkerProcess worker : demo.workers) {
                    worker.stop();
                }
            }
        }
    }

    private boolean transfers() throws InterruptedException {
        SqliteBank bank = new SqliteBank(settings.bank(), Duration.ZERO, line -> { })
                .openAccount("alice", 500_00).openAccount("bob", 0).openAccount("carol", 0);
        Map<String, Long> before = bank.balances();
        out.println("Balances before: " + format(before) + "; total " + cents(total(before)));

        WorkerProcess worker = startWorker();

        out.println();
        out.println("== transfer-1: 100.00 from alice to bob. Worker 1 is killed while the transfer waits in its hold"
                + " timer.");
        start(new TransferRequest("alice", "bob", 100_00, "transfer-1"));
        follow("transfer-1", history -> has(history, EventType.TimerStarted));
        long killed = kill(worker, "while transfer-1 waits in its hold timer");
        worker = startWorker();
        follow("transfer-1", DurableMoneyTransferDemo::isClosed);
        out.println("Recovery: transfer-1 completed " + secondsSince(killed) + " after the kill (the hold of " + hold
                + " ran on while no worker was there): " + result("transfer-1"));
        printHistory("transfer-1");

        out.println();
        out.println("== transfer-2: 50.00 from alice to carol. Worker 2 is killed inside the withdraw operation.");
        start(new TransferRequest("alice", "carol", 50_00, "transfer-2"));
        WorkerProcess inside = worker;
        follow("transfer-2", history -> inside.lines().stream().anyMatch(
                line -> line.startsWith("withdraw transfer-2 attempt 1: started")));
        killed = kill(worker, "while it runs withdraw for transfer-2 (attempt 1)");
        WorkerProcess taker = startWorker();
        follow("transfer-2", history -> taker.lines().stream().anyMatch(
                line -> line.startsWith("withdraw transfer-2 attempt 2: started")));
        out.println("Recovery: worker " + workers.size() + " started attempt 2 of withdraw " + secondsSince(killed)
                + " after the kill, once attempt 1 had timed out (" + settings.activityTimeout() + " after it began).");
        follow("transfer-2", DurableMoneyTransferDemo::isClosed);
        out.println("Recovery: transfer-2 completed " + secondsSince(killed) + " after the kill: "
                + result("transfer-2"));
        out.println("Bank operation attempts of transfer-2:");
        for (Attempt attempt : bank.attempts()) {
            if (attempt.workflowId().equals("transfer-2")) {
                out.println("  " + attempt.step() + " attempt " + attempt.attempt() + " ran in process "
                        + attempt.workerPid() + (attempt.ended() ? ", to its end" : ", killed before it ended"));
            }
        }
        printHistory("transfer-2");
        return check(bank, before);
    }

    private boolean check(SqliteBank bank, Map<String, Long> before) {
        Map<String, Long> after = bank.balances();
        out.println();
        out.println("Balances after:  " + format(after) + "; total " + cents(total(after)));
        int completed = 0;
        for (String id : List.of("transfer-1", "transfer-2")) {
            if (last(client.fetchHistory(id)) == EventType.WorkflowExecutionCompleted) {
                completed++;
            }
        }
        boolean conserved = total(before) == total(after);
        boolean moved = after.equals(Map.of("alice", 350_00L, "bob", 100_00L, "carol", 50_00L));
        int operations = bank.appliedOperations();
        out.println("Check: " + completed + " of 2 transfers completed; " + operations + " bank operations applied"
                + " (4 expected: a withdraw and a deposit each); total before " + cents(total(before)) + ", after "
                + cents(total(after)) + (conserved ? ": money conserved." : ": MONEY NOT CONSERVED."));
        boolean passed = completed == 2 && conserved && moved && operations == 4;
        out.println(passed ? "PASSED: both transfers survived kill -9 of their worker."
                : "FAILED: see the check above.");
        return passed;
    }

    private WorkerProcess startWorker() throws InterruptedException {
        int number = workers.size() + 1;
        WorkerProcess worker = WorkerProcess.start(TransferWorker.class, TransferWorker.class.getName(),
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), settings.toArgs(),
                line -> out.println("  [worker " + number + "] " + line));
        workers.add(worker);
        out.println("Starting worker " + number + " as process " + worker.pid() + ": " + worker.displayCommand());
        worker.awaitLine(line -> line.startsWith(TransferWorker.READY), PATIENCE);
        return worker;
    }

    private long kill(WorkerProcess worker, String when) throws InterruptedException {
        int number = workers.indexOf(worker) + 1;
        out.println("Killing worker " + number + " " + when + ": kill -9 " + worker.pid());
        long killed = System.nanoTime();
        int status = worker.kill9();
        out.println("Worker " + number + " (process " + worker.pid() + ") is gone: exit status " + status
                + (status == WorkerProcess.KILLED_STATUS ? " (killed by SIGKILL)" : ""));
        return killed;
    }

    private void start(TransferRequest request) {
        MoneyTransferWorkflow transfer = client.newWorkflowStub(MoneyTransferWorkflow.class, WorkflowOptions
                .newBuilder().setTaskQueue(MoneyTransferDemo.TASK_QUEUE).setWorkflowId(request.transferId()).build());
        WorkflowClient.start(transfer::transfer, request.withHold(hold));
        out.println("Started " + request.transferId() + "; its history as it grows:");
    }

    /** Prints the events of the workflow's history as they are recorded, until {@code done} holds. */
    private void follow(String workflowId, Predicate<History> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            History history = client.fetchHistory(workflowId);
            String[] lines = HistoryTimeline.format(history).split("\n");
            int printed = printedEvents.getOrDefault(workflowId, 0);
            if (printed == 0) {
                out.println(lines[0]);
            }
            for (int i = printed + 1; i < lines.length; i++) {
                out.println(lines[i]);
            }
            printedEvents.put(workflowId, lines.length - 1);
            if (done.test(history)) {
                return;
            }
            if (isClosed(history)) {
                throw new IllegalStateException(workflowId + " closed with " + last(history) + " before it got where"
                        + " the demo waited for it");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(workflowId + " made no progress for " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }

    private void printHistory(String workflowId) {
        out.println("The whole history of " + workflowId + ":");
        out.println(HistoryTimeline.format(client.fetchHistory(workflowId)));
    }

    private String result(String workflowId) {
        return client.newUntypedWorkflowStub(workflowId).getResult(String.class);
    }

    private static boolean has(History history, EventType type) {
        return history.getEvents().stream().anyMatch(event -> event.getEventType() == type);
    }

    private static boolean isClosed(History history) {
        return switch (last(history)) {
            case WorkflowExecutionCompleted, WorkflowExecutionFailed, WorkflowExecutionCanceled,
                    WorkflowExecutionTerminated, WorkflowExecutionTimedOut, WorkflowExecutionContinuedAsNew -> true;
            default -> false;
        };
    }

    private static EventType last(History history) {
        List<HistoryEvent> events = history.getEvents();
        return events.get(events.size() - 1).getEventType();
    }

    private static String secondsSince(long nanoTime) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - nanoTime) / 1e9);
    }

    private static long total(Map<String, Long> balances) {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String format(Map<String, Long> balances) {
        List<String> accounts = new ArrayList<>();
        balances.forEach((account, balance) -> accounts.add(account + " " + cents(balance)));
        return String.join(", ", accounts);
    }

    private static String cents(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
