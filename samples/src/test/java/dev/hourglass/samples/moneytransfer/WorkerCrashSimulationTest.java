package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.samples.moneytransfer.TransferWorker.Settings;
import dev.hourglass.service.WorkflowService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 money transfers on one SQLite file, run by two worker processes at a time that are killed with {@code kill -9}
 * at seeded random moments and replaced: while transfers wait in their hold timers, inside a bank operation, and inside
 * a workflow task (slowed for some transfers by {@link CrashTestWorker}). Afterwards every transfer has completed once,
 * the money is conserved, and every history counts its events without gap and replays against the code. The real
 * clock and the scheduling of the processes make each run differ; the seed fixes the plan of transfers and of kills.
 *
 * <p>About 50 s, most of it spent starting worker JVMs. Run it alone with {@code mvn -pl samples -am verify -Dtest=WorkerCrashSimulationTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("simulation")
class WorkerCrashSimulationTest {

    private static final long SEED = 20_261_205L;
    private static final int TRANSFERS = 200;
    private static final int KILLS_OF_EACH_KIND = 2;
    private static final Duration WORKFLOW_TASK_DELAY = Duration.ofMillis(250);
    private static final Duration OPERATION_DELAY = Duration.ofMillis(300);
    private static final Pattern ACTIVITY_STARTED = Pattern.compile("(\\w+) (transfer-\\d+) attempt (\\d+): started");

    /** Where a worker is when it is killed. */
    private enum Moment { WHILE_TRANSFERS_HOLD, INSIDE_A_BANK_OPERATION, INSIDE_A_WORKFLOW_TASK }

    @TempDir
    Path dir;

    private final List<String> killLog = new ArrayList<>();
    private final Map<Moment, Integer> confirmedKills = new EnumMap<>(Moment.class);
    private final List<String> killedAttempts = new ArrayList<>();

    @Test
    void everyTransferCompletesOnceWithTheMoneyConservedWhileWorkersAreKilled() throws Exception {
        Random random = new Random(SEED);
        String note = "seed " + SEED;
        Settings settings = Settings.parse(new String[] {"--store=" + dir.resolve("hourglass.db"),
            "--bank=" + dir.resolve("bank.db"), "--operation-delay=" + OPERATION_DELAY,
            "--workflow-task-timeout=PT1S", "--activity-timeout=PT1.5S", "--sweep-interval=PT0.1S", "--workflow-cache=0"});
        try (TransferFleet fleet = new TransferFleet(settings, WORKFLOW_TASK_DELAY, note);
                WorkflowService service = settings.openService()) {
            SqliteBank bank = fleet.plan(random, 10, TRANSFERS, Duration.ofMillis(300), Duration.ofSeconds(2));
            WorkerProcess[] workers = {fleet.startWorkerProcess(), fleet.startWorkerProcess()};
            WorkflowClient client = WorkflowClient.newInstance(service);
            fleet.startTransfers(client, 40, Duration.ofMillis(500));

            List<Moment> schedule = new ArrayList<>();
            for (Moment moment : Moment.values()) {
                schedule.addAll(Collections.nCopies(KILLS_OF_EACH_KIND, moment));
            }
            Collections.shuffle(schedule, random);
            for (int kill = 0; kill < schedule.size(); kill++) {
                Thread.sleep(200 + random.nextInt(600));
                // the workers take turns, so that each replacement has a turn of the other to start up
                int slot = kill % workers.length;
                kill(TransferFleet.awaitReady(workers[slot]), schedule.get(kill));
                workers[slot] = fleet.startWorkerProcess();
            }
            fleet.awaitAllClosed(client, Duration.ofSeconds(60), () -> "kills: " + killLog);

            String kills = note + ", kills: " + String.join("; ", killLog);
            fleet.assertEachTransferCompletedOnce(client);
            fleet.assertMoneyConserved(bank);
            fleet.assertHistoriesGapFreeAndReplayable(client);
            assertThat(confirmedKills).as("%s: the kills that landed where they were aimed", kills)
                    .containsOnlyKeys(Moment.values());
            assertThat(bank.attempts()).as("%s: the attempts of bank operations that did not end", kills)
                    .filteredOn(attempt -> !attempt.ended())
                    .extracting(attempt -> attempt.workflowId() + " " + attempt.step() + " attempt " + attempt.attempt())
                    .containsAll(killedAttempts);
        }
    }

    private void kill(WorkerProcess worker, Moment moment) throws Exception {
        String where = switch (moment) {
            case WHILE_TRANSFERS_HOLD -> {
                int holding = holdingTransfers();
                long status = worker.kill9();
                yield holding > 0 ? confirm(moment, "while " + holding + " transfers held, status " + status)
                        : "while none held, status " + status;
            }
            case INSIDE_A_BANK_OPERATION -> {
                String line = nextLine(worker, ACTIVITY_STARTED.asPredicate());
                long seen = System.nanoTime();
                long status = worker.kill9();
                long latencyMillis = (System.nanoTime() - seen) / 1_000_000;
                if (line == null || latencyMillis >= OPERATION_DELAY.toMillis()) {
                    yield "after '" + line + "', " + latencyMillis + " ms late, status " + status;
                }
                Matcher started = ACTIVITY_STARTED.matcher(line);
                started.find();
                killedAttempts.add(started.group(2) + " " + started.group(1) + " attempt " + started.group(3));
                yield confirm(moment, "inside '" + line + "' (killed " + latencyMillis + " ms after it began),"
                        + " status " + status);
            }
            case INSIDE_A_WORKFLOW_TASK -> {
                String line = nextLine(worker, text -> text.startsWith(CrashTestWorker.WORKFLOW_TASK));
                long seen = System.nanoTime();
                long status = worker.kill9();
                long latencyMillis = (System.nanoTime() - seen) / 1_000_000;
                yield line != null && latencyMillis < WORKFLOW_TASK_DELAY.toMillis()
                        ? confirm(moment, "inside '" + line + "' (killed " + latencyMillis + " ms after it began),"
                                + " status " + status)
                        : "after '" + line + "', " + latencyMillis + " ms late, status " + status;
            }
        };
        killLog.add("process " + worker.pid() + " " + moment + ": " + where);
    }

    private String confirm(Moment moment, String where) {
        confirmedKills.merge(moment, 1, Integer::sum);
        return where;
    }

    /** Returns the worker's next line that matches, or {@code null} when none comes within 10 s. */
    private static String nextLine(WorkerProcess worker, Predicate<String> matches)
            throws InterruptedException {
        try {
            return worker.awaitLine(worker.lineCount(), matches, Duration.ofSeconds(10));
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Returns how many transfers withdrew and did not deposit yet: those in their hold (or depositing). */
    private int holdingTransfers() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bank.db"));
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM bank_operations w"
                        + " WHERE w.reference_id LIKE '%-withdraw' AND NOT EXISTS (SELECT 1 FROM bank_operations d"
                        + " WHERE d.reference_id = replace(w.reference_id, '-withdraw', '-deposit'))")) {
            count.next();
            return count.getInt(1);
        }
    }
}
