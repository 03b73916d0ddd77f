package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.open;
import static dev.hourglass.internal.store.StoreFixtures.query;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreWorkflowTaskTest {

    private static final Duration LEASE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private Path file;
    private JdbcStore store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("hourglass.db");
        store = open(file, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
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
        assertThat(query(file, "SELECT COUNT(*) FROM hourglass_workflow_tasks")).containsExactly("0");
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
}
