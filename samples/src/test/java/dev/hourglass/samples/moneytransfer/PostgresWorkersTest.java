package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.internal.store.PostgresTestDatabase;
import dev.hourglass.samples.moneytransfer.SqliteBank.Attempt;
import dev.hourglass.samples.moneytransfer.TransferWorker.Settings;
import dev.hourglass.service.WorkflowService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes share the money transfers of one PostgreSQL database: each of them runs some of the work, and
 * no task runs on two of them at once. Every bank operation attempt is recorded with the process that ran it, keyed by
 * workflow, step and attempt (a second run of one attempt fails its transfer); deadlines are long, so that each
 * step runs once, as attempt 1; and the workflow tasks of one transfer, slowed by {@link CrashTestWorker}, begin one after the other.
 *
 * <p>About 15 s. Skipped without a PostgreSQL test database (see {@link PostgresTestDatabase}); run it alone with
 * {@code HOURGLASS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/hourglass_test HOURGLASS_TEST_POSTGRES_USER=...
 * HOURGLASS_TEST_POSTGRES_PASSWORD=... mvn -pl samples -am verify -Dtest=PostgresWorkersTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("simulation")
class PostgresWorkersTest {

    private static final long SEED = 4_242L;
    private static final int TRANSFERS = 60;
    private static final Duration WORKFLOW_TASK_DELAY = Duration.ofMillis(100);
    private static final Pattern WORKFLOW_TASK = Pattern.compile(
            CrashTestWorker.WORKFLOW_TASK + "(transfer-\\d+) at (\\d+)");

    @TempDir
    Path dir;

    @Test
    void threeWorkersShareTheTransfersAndNeverRunOneTaskTwiceAtOnce() throws Exception {
        String note = "seed " + SEED;
        try (PostgresTestDatabase database = PostgresTestDatabase.newSchema()) {
            Settings settings = Settings.parse(new String[] {"--store=" + database.name(),
                "--bank=" + dir.resolve("bank.db"), "--operation-delay=PT0.05S", "--workflow-task-timeout=PT30S",
                "--activity-timeout=PT30S", "--sweep-interval=PT0.1S", "--workflow-cache=0",
                "--postgres-user=" + database.user(), "--postgres-password=" + database.password()});
            try (TransferFleet fleet = new TransferFleet(settings, WORKFLOW_TASK_DELAY, note);
                    WorkflowService service = settings.openService()) {
                SqliteBank bank = fleet.plan(new Random(SEED), 6, TRANSFERS, Duration.ofMillis(100),
                        Duration.ofMillis(500));
                List<WorkerProcess> workers = List.of(fleet.startWorkerProcess(), fleet.startWorkerProcess(),
                        fleet.startWorkerProcess());
                for (WorkerProcess worker : workers) {
                    TransferFleet.awaitReady(worker);
                }
                WorkflowClient client = WorkflowClient.newInstance(service);
                fleet.startTransfers(client, 20, Duration.ofMillis(200));
                fleet.awaitAllClosed(client, Duration.ofSeconds(60), () -> "");

                fleet.assertEachTransferCompletedOnce(client);
                fleet.assertMoneyConserved(bank);
                fleet.assertHistoriesGapFreeAndReplayable(client);
                List<Long> pids = workers.stream().map(WorkerProcess::pid).toList();
                List<Attempt> attempts = bank.attempts();
                assertThat(attempts).as("%s: the worker processes that ran bank operations", note)
                        .extracting(Attempt::workerPid).containsAll(pids);
                assertThat(attempts).as("%s: the attempts of the bank operations; no deadline passed, so none was"
                        + " retried", note).hasSize(2 * TRANSFERS).allSatisfy(attempt -> {
                            assertThat(attempt.attempt()).isEqualTo(1);
                            assertThat(attempt.ended()).isTrue();
                        });
                assertWorkflowTasksSharedAndOneAtATime(workers, note);
            }
        }
    }

    private static void assertWorkflowTasksSharedAndOneAtATime(List<WorkerProcess> workers, String note) {
        Map<String, List<long[]>> startsByTransfer = new TreeMap<>();
        for (int w = 0; w < workers.size(); w++) {
            int tasks = 0;
            for (String line : workers.get(w).lines()) {
                Matcher task = WORKFLOW_TASK.matcher(line);
                if (task.matches()) {
                    tasks++;
                    startsByTransfer.computeIfAbsent(task.group(1), id -> new ArrayList<>())
                            .add(new long[] {Long.parseLong(task.group(2)), w});
                }
            }
            assertThat(tasks).as("%s: slowed workflow tasks run by worker process %d", note, workers.get(w).pid())
                    .isPositive();
        }
        startsByTransfer.forEach((transfer, starts) -> {
            starts.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < starts.size(); i++) {
                assertThat(starts.get(i)[0] - starts.get(i - 1)[0])
                        .as("%s: ms between two workflow tasks of %s (on workers %d and %d), each of which takes %s",
                                note, transfer, starts.get(i - 1)[1], starts.get(i)[1], WORKFLOW_TASK_DELAY)
                        .isGreaterThanOrEqualTo(WORKFLOW_TASK_DELAY.toMillis());
            }
        });
    }
}
