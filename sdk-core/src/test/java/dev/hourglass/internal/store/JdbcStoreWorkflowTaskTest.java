package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Handing out workflow tasks under leases, the same on every dialect. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcStoreWorkflowTaskTest {

    @Parameter
    Dialect dialect;


    private static final Duration LEASE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private TestDatabase database;
    private JdbcStore store;

    @BeforeEach
    void openStore() {
        database = TestDatabase.create(dialect, dir);
        store = database.open(clock);
    }

    @AfterEach
    void closeStore() throws Exception {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void aQueuedTaskIsHandedToItsClaimerForTheLease() {
        WorkflowExecution run = store.startRun(start("transfer-1"));

        Optional<WorkflowTaskLease> lease = store.claimWorkflowTask("payments", "worker-a", LEASE);

        assertThat(lease).hasValueSatisfying(claimed -> {
            assertThat(claimed.runId()).isEqualTo(run.getRunId());
            assertThat(claimed.owner()).isEqualTo("worker-a");
            assertThat(claimed.claim()).isEqualTo(1);
            assertThat(claimed.expiresAt()).isEqualTo(T0.plus(LEASE));
        });
    }

    @Test
    void aTaskHeldUnderALeaseIsNotHandedToAnotherClaimer() {
        store.startRun(start("transfer-1"));
        store.claimWorkflowTask("payments", "worker-a", LEASE);
        clock.advance(LEASE.minusMillis(1));

        assertThat(store.claimWorkflowTask("payments", "worker-b", LEASE)).isEmpty();
    }

    @Test
    void aTaskWhoseLeaseRanOutIsHandedToAnotherClaimer() {
        WorkflowExecution run = store.startRun(start("transfer-1"));
        store.claimWorkflowTask("payments", "worker-a", LEASE);
        clock.advance(LEASE);

        Optional<WorkflowTaskLease> again = store.claimWorkflowTask("payments", "worker-b", LEASE);

        assertThat(again).hasValueSatisfying(claimed -> {
            assertThat(claimed.runId()).isEqualTo(run.getRunId());
            assertThat(claimed.owner()).isEqualTo("worker-b");
            assertThat(claimed.claim()).isEqualTo(2);
        });
    }

    @Test
    void theHolderOfALeaseThatRanOutCannotCompleteTheTask() throws Exception {
        store.startRun(start("transfer-1"));
        WorkflowTaskLease first = store.claimWorkflowTask("payments", "worker-a", LEASE).orElseThrow();
        clock.advance(LEASE);
        WorkflowTaskLease second = store.claimWorkflowTask("payments", "worker-b", LEASE).orElseThrow();

        assertThat(store.completeWorkflowTask(first)).isFalse();
        assertThat(store.completeWorkflowTask(second)).isTrue();
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_workflow_tasks")).containsExactly("0");
    }

    @Test
    void aLeaseThatRanOutCompletesNothingEvenBeforeAnotherClaim() {
        store.startRun(start("transfer-1"));
        WorkflowTaskLease lease = store.claimWorkflowTask("payments", "worker-a", LEASE).orElseThrow();
        clock.advance(LEASE);

        assertThat(store.completeWorkflowTask(lease)).isFalse();
        assertThat(store.claimWorkflowTask("payments", "worker-b", LEASE)).isPresent();
    }

    @Test
    void tasksAreHandedOutInTheOrderTheyWereQueued() {
        WorkflowExecution first = store.startRun(start("transfer-1"));
        WorkflowExecution second = store.startRun(start("transfer-2"));

        assertThat(store.claimWorkflowTask("payments", "worker-a", LEASE).orElseThrow().runId())
                .isEqualTo(first.getRunId());
        assertThat(store.claimWorkflowTask("payments", "worker-a", LEASE).orElseThrow().runId())
                .isEqualTo(second.getRunId());
    }

    @Test
    void aClaimTakesOnlyTasksOfItsTaskQueue() {
        store.startRun(start("transfer-1"));

        assertThat(store.claimWorkflowTask("shipping", "worker-a", LEASE)).isEmpty();
    }

    @Test
    void claimersOfSeveralStoresAtOnceEachGetADifferentTask() throws Exception {
        int claimers = 4;
        List<String> queued = new ArrayList<>();
        for (int i = 1; i <= claimers; i++) {
            queued.add(store.startRun(start("transfer-" + i)).getRunId());
        }
        List<JdbcStore> stores = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            stores.add(database.open(clock));
        }
        CyclicBarrier together = new CyclicBarrier(claimers);
        ExecutorService threads = Executors.newFixedThreadPool(claimers);
        List<String> claimed = new ArrayList<>();
        try {
            List<Future<Optional<WorkflowTaskLease>>> claims = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                JdbcStore each = stores.get(i);
                String owner = "worker-" + i;
                claims.add(threads.submit(() -> {
                    together.await();
                    return each.claimWorkflowTask("payments", owner, LEASE);
                }));
            }
            for (Future<Optional<WorkflowTaskLease>> claim : claims) {
                claimed.add(claim.get(60, TimeUnit.SECONDS).orElseThrow().runId());
            }
        } finally {
            threads.shutdownNow();
            stores.forEach(JdbcStore::close);
        }
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(queued);
    }
}
