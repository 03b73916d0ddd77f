package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.replay.WorkflowReplayer;
import dev.hourglass.samples.moneytransfer.TransferWorker.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Money transfers for the tests of worker processes: a seeded plan of transfers between accounts, worker processes
 * ({@link CrashTestWorker}) that can be killed and replaced, and the checks made once every transfer closed.
 */
final class TransferFleet implements AutoCloseable {

    static final long OPENING_BALANCE = 10_000_000;

    private final Settings settings;
    private final Duration workflowTaskDelay;
    private final String seedNote;
    private final List<WorkerProcess> started = new ArrayList<>();
    private final List<TransferRequest> transfers = new ArrayList<>();
    private final List<String> accounts = new ArrayList<>();

    TransferFleet(Settings settings, Duration workflowTaskDelay, String seedNote) {
        this.settings = settings;
        this.workflowTaskDelay = workflowTaskDelay;
        this.seedNote = seedNote;
    }

    /** Opens {@code accountCount} accounts and plans {@code count} transfers among them, drawn from {@code random}. */
    SqliteBank plan(Random random, int accountCount, int count, Duration shortestHold, Duration longestHold) {
        SqliteBank bank = new SqliteBank(settings.bank(), Duration.ZERO, line -> { });
        for (int i = 0; i < accountCount; i++) {
            accounts.add("account-" + i);
            bank.openAccount("account-" + i, OPENING_BALANCE);
        }
        for (int i = 0; i < count; i++) {
            String from = accounts.get(random.nextInt(accountCount));
            String to = accounts.get(random.nextInt(accountCount));
            long hold = shortestHold.toMillis()
                    + random.nextInt((int) (longestHold.toMillis() - shortestHold.toMillis()) + 1);
            transfers.add(new TransferRequest(from, to, 1 + random.nextInt(10_000), "transfer-" + i, hold));
        }
        return bank;
    }

    List<TransferRequest> transfers() {
        return transfers;
    }

    /** Waits until {@code worker} polls; returns it. */
    static WorkerProcess awaitReady(WorkerProcess worker) throws InterruptedException {
        worker.awaitLine(line -> line.startsWith(TransferWorker.READY), Duration.ofSeconds(60));
        return worker;
    }

    /** Starts a worker process, which polls once it is up. */
    WorkerProcess startWorkerProcess() {
        List<String> args = new ArrayList<>();
        args.add("--workflow-task-delay=" + workflowTaskDelay);
        args.addAll(settings.toArgs());
        WorkerProcess worker = WorkerProcess.start(CrashTestWorker.class, CrashTestWorker.class.getName(),
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), args, line -> { });
        started.add(worker);
        return worker;
    }

    /** Starts the transfers of the plan, {@code perWave} at a time with {@code pause} in between. */
    void startTransfers(WorkflowClient client, int perWave, Duration pause) throws InterruptedException {
        for (int i = 0; i < transfers.size(); i++) {
            TransferRequest request = transfers.get(i);
            MoneyTransferWorkflow stub = client.newWorkflowStub(MoneyTransferWorkflow.class, WorkflowOptions
                    .newBuilder().setTaskQueue(MoneyTransferDemo.TASK_QUEUE).setWorkflowId(request.transferId())
                    .build());
            WorkflowClient.start(stub::transfer, request);
            if ((i + 1) % perWave == 0) {
                Thread.sleep(pause.toMillis());
            }
        }
    }

    /** Returns how many transfers closed, by listing the store's runs. */
    static long closed(WorkflowClient client) {
        return client.listExecutions(ExecutionFilter.all())
                .filter(run -> run.getStatus() != WorkflowExecutionStatus.RUNNING).count();
    }

    /** Waits until every transfer closed, at most {@code timeout}. */
    void awaitAllClosed(WorkflowClient client, Duration timeout, Supplier<String> diagnostics)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closed(client) < transfers.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(seedNote + ": only " + closed(client) + " of " + transfers.size()
                        + " transfers closed in " + timeout + "; " + diagnostics.get());
            }
            Thread.sleep(100);
        }
    }

    /** Each transfer has one run, closed as completed: it ran once at the workflow level. */
    void assertEachTransferCompletedOnce(WorkflowClient client) {
        Map<String, List<WorkflowExecutionStatus>> runs = client.listExecutions(ExecutionFilter.all())
                .collect(Collectors.groupingBy(run -> run.getExecution().getWorkflowId(), TreeMap::new,
                        Collectors.mapping(WorkflowExecutionMetadata::getStatus, Collectors.toList())));
        Map<String, List<WorkflowExecutionStatus>> expected = new TreeMap<>();
        transfers.forEach(transfer -> expected.put(transfer.transferId(),
                List.of(WorkflowExecutionStatus.COMPLETED)));
        assertThat(runs).as("%s: the runs of each transfer and their status", seedNote).isEqualTo(expected);
    }

    /** Every account holds its opening balance minus what it sent plus what it received; the total is unchanged. */
    void assertMoneyConserved(SqliteBank bank) {
        Map<String, Long> expected = new TreeMap<>();
        accounts.forEach(account -> expected.put(account, OPENING_BALANCE));
        for (TransferRequest transfer : transfers) {
            expected.merge(transfer.fromAccount(), -transfer.amountCents(), Long::sum);
            expected.merge(transfer.toAccount(), transfer.amountCents(), Long::sum);
        }
        Map<String, Long> balances = bank.balances();
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum())
                .as("%s: the total of all balances", seedNote).isEqualTo(OPENING_BALANCE * accounts.size());
        assertThat(balances).as("%s: the balances", seedNote).isEqualTo(expected);
        assertThat(bank.appliedOperations()).as("%s: bank operations applied (a withdraw and a deposit per transfer)",
                seedNote).isEqualTo(2 * transfers.size());
    }

    /** Every history counts its events 1, 2, 3… without gap or repetition, and replays against the code. */
    void assertHistoriesGapFreeAndReplayable(WorkflowClient client) {
        for (TransferRequest transfer : transfers) {
            History history = client.fetchHistory(transfer.transferId());
            List<Long> ids = history.getEvents().stream().map(HistoryEvent::getEventId).toList();
            List<Long> expected = new ArrayList<>();
            for (long id = 1; id <= ids.size(); id++) {
                expected.add(id);
            }
            assertThat(ids).as("%s: the event ids of %s", seedNote, transfer.transferId()).isEqualTo(expected);
            assertThat(history.getEvents().stream().filter(event -> event.getEventType()
                    == EventType.WorkflowExecutionCompleted)).as("%s: completions of %s", seedNote,
                    transfer.transferId()).hasSize(1);
            WorkflowReplayer.replayWorkflowExecution(history, settings.workflowOptions(),
                    MoneyTransferWorkflowImpl.class);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (WorkerProcess worker : started) {
            if (worker.isAlive()) {
                worker.stop();
            }
        }
    }
}
