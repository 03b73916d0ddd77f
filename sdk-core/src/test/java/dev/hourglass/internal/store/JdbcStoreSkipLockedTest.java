package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's claims pass over the tasks that other claimers' transactions hold ({@code FOR UPDATE SKIP LOCKED})
 * instead of waiting for them; SQLite has one writer at a time and nothing to pass over.
 */
class JdbcStoreSkipLockedTest {

    private static final Duration LEASE = Duration.ofSeconds(10);

    private final SettableClock clock = new SettableClock(T0);
    private PostgresTestDatabase database;
    private JdbcStore store;

    @BeforeEach
    void openStore() {
        database = PostgresTestDatabase.newSchema();
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
    void aClaimPassesOverATaskThatAnotherClaimerHoldsInItsTransaction() throws Exception {
        WorkflowExecution first = store.startRun(start("transfer-1"));
        WorkflowExecution second = store.startRun(start("transfer-2"));
        try (Connection other = database.connect()) {
            other.setAutoCommit(false);
            // the first statement of another store's claim, its transaction still open
            try (PreparedStatement select = other.prepareStatement("SELECT run_id FROM hourglass_workflow_tasks"
                    + " WHERE task_queue = 'payments' ORDER BY visible_at, task_id LIMIT 1 FOR UPDATE SKIP LOCKED");
                    ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(first.getRunId());
            }

            Optional<WorkflowTaskLease> claimed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> store.claimWorkflowTask("payments", "worker-b", LEASE));

            assertThat(claimed).hasValueSatisfying(lease -> assertThat(lease.runId()).isEqualTo(second.getRunId()));
            other.rollback();
        }
        assertThat(store.claimWorkflowTask("payments", "worker-a", LEASE))
                .hasValueSatisfying(lease -> assertThat(lease.runId()).isEqualTo(first.getRunId()));
    }
}
