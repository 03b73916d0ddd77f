package dev.hourglass.internal.store;

import dev.hourglass.service.IncompatibleDatabaseException;
import dev.hourglass.service.StoreException;
import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.service.IncompatibleDatabaseException.Reason;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** Creating, versioning and refusing schemas, the same on every dialect; SQLite's files: {@link JdbcStoreSqliteFileTest}. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcStoreSchemaTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, dir);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void opensANewDatabaseWithTheLatestSchemaAndRecordsItsVersion() throws Exception {
        try (JdbcStore store = database.open(clock)) {
            assertThat(store.schemaVersion()).isEqualTo(Schema.CURRENT.latestVersion());
        }
        assertThat(database.query("SELECT version || ' ' || description || ' ' || applied_at FROM hourglass_schema"))
                .containsExactly("1 runs, histories, task queues and timers " + T0, "2 runs by close time " + T0,
                        "3 search attributes " + T0, "4 updates " + T0,
                        "5 updates across continue-as-new " + T0);
        assertThat(database.tables()).containsExactly("hourglass_activity_tasks", "hourglass_buffered_events",
                "hourglass_history_events", "hourglass_queries", "hourglass_runs", "hourglass_schema",
                "hourglass_search_attributes", "hourglass_timers", "hourglass_updates", "hourglass_workflow_tasks");
    }

    @Test
    void enforcesTheForeignKeysOfHistories() {
        String orphan = "INSERT INTO hourglass_history_events VALUES ('no-such-run', 1, 'TimerFired', 0, '{}')";
        database.open(clock).close();

        // SQLite checks foreign keys on connections that ask for it, as the store's do
        assertThatThrownBy(() -> {
            if (dialect == Dialect.SQLITE) {
                database.execute("PRAGMA foreign_keys = ON", orphan);
            } else {
                database.execute(orphan);
            }
        }).hasMessageContaining(dialect == Dialect.SQLITE ? "FOREIGN KEY constraint failed"
                : "violates foreign key constraint");
    }

    @Test
    void reopeningKeepsTheDataAndAppliesNothingTwice() throws Exception {
        WorkflowExecution started;
        try (JdbcStore store = database.open(clock)) {
            started = store.startRun(start("transfer-1"));
        }
        clock.advance(java.time.Duration.ofDays(1));
        try (JdbcStore store = database.open(clock)) {
            assertThat(store.readHistory("transfer-1", null).getRunId()).isEqualTo(started.getRunId());
        }
        assertThat(database.query("SELECT version || ' ' || applied_at FROM hourglass_schema"))
                .containsExactly("1 " + T0, "2 " + T0, "3 " + T0, "4 " + T0, "5 " + T0);
    }

    @Test
    void migratesAnOlderSchemaToTheLatestKeepingItsRuns() throws Exception {
        List<Schema.Migration> migrations = new ArrayList<>(Schema.CURRENT.migrations());
        int next = Schema.CURRENT.latestVersion() + 1;
        migrations.add(new Schema.Migration(next, "run labels", "test-next__run_labels.sql"));
        try (JdbcStore store = database.open(clock)) {
            WorkflowExecution started = store.startRun(start("transfer-1"));

            int found = store.migrate(new Schema("dev/hourglass/store", migrations));

            assertThat(found).isEqualTo(next - 1);
            assertThat(store.schemaVersion()).isEqualTo(next);
            assertThat(store.readHistory("transfer-1", null).getRunId()).isEqualTo(started.getRunId());
        }
        assertThat(database.query("SELECT version || ' ' || description FROM hourglass_schema ORDER BY version"))
                .containsExactly("1 runs, histories, task queues and timers", "2 runs by close time",
                        "3 search attributes", "4 updates", "5 updates across continue-as-new",
                        next + " run labels");
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_run_labels")).containsExactly("0");
    }

    @Test
    void aMigrationThatFailsLeavesTheDatabaseAtItsOldVersion() throws Exception {
        List<Schema.Migration> migrations = new ArrayList<>(Schema.CURRENT.migrations());
        int next = Schema.CURRENT.latestVersion() + 1;
        migrations.add(new Schema.Migration(next, "fails halfway", "test-next__fails_halfway.sql"));
        try (JdbcStore store = database.open(clock)) {
            assertThatThrownBy(() -> store.migrate(new Schema("dev/hourglass/store", migrations)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("schema migration to version " + next)
                    .hasMessageContaining("hourglass_no_such_table");

            assertThat(store.schemaVersion()).isEqualTo(next - 1);
        }
        assertThat(database.tables()).doesNotContain("hourglass_run_labels");
    }

    @Test
    void refusesADatabaseOfANewerSchemaAndLeavesItUnchanged() throws Exception {
        database.open(clock).close();
        database.execute("INSERT INTO hourglass_schema VALUES (7, 'from the future', '2030-01-01T00:00:00Z')");

        assertThatThrownBy(() -> database.open(clock))
                .isInstanceOfSatisfying(IncompatibleDatabaseException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.NEWER_SCHEMA))
                .hasMessage("database " + database.name() + " was created by a newer Hourglass (schema 7, this code"
                        + " knows up to " + Schema.CURRENT.latestVersion() + "): upgrade Hourglass to open it; it was left unchanged");
        assertThat(database.query("SELECT MAX(version) FROM hourglass_schema")).containsExactly("7");
    }

    @Test
    void refusesADatabaseOfAnotherApplicationNamingItsTables() throws Exception {
        database.execute("CREATE TABLE orders (id INTEGER)", "CREATE TABLE customers (id INTEGER)");

        assertThatThrownBy(() -> database.open(clock))
                .isInstanceOfSatisfying(IncompatibleDatabaseException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.NOT_AN_HOURGLASS_DATABASE))
                .hasMessageContaining("database " + database.name() + " is not an Hourglass store: it holds 2 tables"
                        + " customers, orders but no table hourglass_schema");
        assertThat(database.tables()).containsExactly("customers", "orders");
    }

    @Test
    void storesOpeningOneNewDatabaseAtOnceAllSucceedAndCreateTheSchemaOnce() throws Exception {
        int opening = 4;
        CyclicBarrier together = new CyclicBarrier(opening);
        ExecutorService threads = Executors.newFixedThreadPool(opening);
        try {
            List<Future<JdbcStore>> stores = new ArrayList<>();
            for (int i = 0; i < opening; i++) {
                stores.add(threads.submit(() -> {
                    together.await();
                    return database.open(clock);
                }));
            }
            for (Future<JdbcStore> store : stores) {
                try (JdbcStore opened = store.get(60, TimeUnit.SECONDS)) {
                    assertThat(opened.schemaVersion()).isEqualTo(Schema.CURRENT.latestVersion());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_schema"))
                .containsExactly(String.valueOf(Schema.CURRENT.latestVersion()));
    }
}
