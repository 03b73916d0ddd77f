package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.execute;
import static dev.hourglass.internal.store.StoreFixtures.open;
import static dev.hourglass.internal.store.StoreFixtures.query;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.internal.store.IncompatibleDatabaseException.Reason;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreSchemaTest {

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);

    @Test
    void opensANewFileWithTheLatestSchemaAndRecordsItsVersion() throws Exception {
        Path file = dir.resolve("hourglass.db");
        try (JdbcStore store = open(file, clock)) {
            assertThat(store.schemaVersion()).isEqualTo(Schema.CURRENT.latestVersion());
        }
        assertThat(query(file, "SELECT version || ' ' || description || ' ' || applied_at FROM hourglass_schema"))
                .containsExactly("1 runs, histories, task queues and timers " + T0);
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'hourglass%'"
                + " ORDER BY name")).containsExactly("hourglass_activity_tasks", "hourglass_buffered_events",
                        "hourglass_history_events", "hourglass_runs", "hourglass_schema", "hourglass_timers",
                        "hourglass_workflow_tasks");
    }

    @Test
    void putsTheFileInWriteAheadLogModeWithForeignKeysOn() throws Exception {
        Path file = dir.resolve("hourglass.db");
        try (JdbcStore store = open(file, clock)) {
            assertThat(query(file, "PRAGMA journal_mode")).containsExactly("wal");
            assertThatThrownBy(() -> execute(file, "PRAGMA foreign_keys = ON",
                    "INSERT INTO hourglass_history_events VALUES ('no-such-run', 1, 'TimerFired', 0, '{}')"))
                    .hasMessageContaining("FOREIGN KEY constraint failed");
        }
    }

    @Test
    void reopeningKeepsTheDataAndAppliesNothingTwice() throws Exception {
        Path file = dir.resolve("hourglass.db");
        WorkflowExecution started;
        try (JdbcStore store = open(file, clock)) {
            started = store.startRun(start("transfer-1"));
        }
        clock.advance(java.time.Duration.ofDays(1));
        try (JdbcStore store = open(file, clock)) {
            assertThat(store.readHistory("transfer-1", null).getRunId()).isEqualTo(started.getRunId());
        }
        assertThat(query(file, "SELECT version || ' ' || applied_at FROM hourglass_schema"))
                .containsExactly("1 " + T0);
    }

    @Test
    void migratesAnOlderSchemaToTheLatestKeepingItsRuns() throws Exception {
        Path file = dir.resolve("hourglass.db");
        List<Schema.Migration> migrations = new ArrayList<>(Schema.CURRENT.migrations());
        migrations.add(new Schema.Migration(2, "run labels", "test-V2__run_labels.sql"));
        try (JdbcStore store = open(file, clock)) {
            WorkflowExecution started = store.startRun(start("transfer-1"));

            int found = store.migrate(new Schema("dev/hourglass/store", migrations));

            assertThat(found).isEqualTo(1);
            assertThat(store.schemaVersion()).isEqualTo(2);
            assertThat(store.readHistory("transfer-1", null).getRunId()).isEqualTo(started.getRunId());
        }
        assertThat(query(file, "SELECT version || ' ' || description FROM hourglass_schema ORDER BY version"))
                .containsExactly("1 runs, histories, task queues and timers", "2 run labels");
        assertThat(query(file, "SELECT COUNT(*) FROM hourglass_run_labels")).containsExactly("0");
    }

    @Test
    void aMigrationThatFailsLeavesTheDatabaseAtItsOldVersion() throws Exception {
        Path file = dir.resolve("hourglass.db");
        List<Schema.Migration> migrations = new ArrayList<>(Schema.CURRENT.migrations());
        migrations.add(new Schema.Migration(2, "fails halfway", "test-V2__fails_halfway.sql"));
        try (JdbcStore store = open(file, clock)) {
            assertThatThrownBy(() -> store.migrate(new Schema("dev/hourglass/store", migrations)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("schema migration to version 2")
                    .hasMessageContaining("hourglass_no_such_table");

            assertThat(store.schemaVersion()).isEqualTo(1);
        }
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE name = 'hourglass_run_labels'")).isEmpty();
    }

    @Test
    void refusesADatabaseOfANewerSchemaAndLeavesItUnchanged() throws Exception {
        Path file = dir.resolve("hourglass.db");
        open(file, clock).close();
        execute(file, "INSERT INTO hourglass_schema VALUES (7, 'from the future', '2030-01-01T00:00:00Z')");

        assertThatThrownBy(() -> open(file, clock))
                .isInstanceOfSatisfying(IncompatibleDatabaseException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.NEWER_SCHEMA))
                .hasMessage("database " + file + " was created by a newer Hourglass (schema 7, this code knows up to"
                        + " 1): upgrade Hourglass to open it; it was left unchanged");
        assertThat(query(file, "SELECT MAX(version) FROM hourglass_schema")).containsExactly("7");
    }

    @Test
    void refusesADatabaseOfAnotherApplicationNamingItsTables() throws Exception {
        Path file = dir.resolve("shop.db");
        execute(file, "CREATE TABLE orders (id INTEGER)", "CREATE TABLE customers (id INTEGER)");

        assertThatThrownBy(() -> open(file, clock))
                .isInstanceOfSatisfying(IncompatibleDatabaseException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.NOT_AN_HOURGLASS_DATABASE))
                .hasMessageContaining("database " + file + " is not an Hourglass store: it holds 2 tables"
                        + " customers, orders but no table hourglass_schema");
        assertThat(query(file, "SELECT name FROM sqlite_master ORDER BY name")).containsExactly("customers", "orders");
    }

    @Test
    void refusesAFileThatIsNotASqliteDatabaseNamingTheFile() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database; ".repeat(100), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> open(file, clock))
                .isInstanceOfSatisfying(IncompatibleDatabaseException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.NOT_A_DATABASE))
                .hasMessageContaining("the store's file " + file + " is not a SQLite database, or it is damaged");
        assertThat(Files.readString(file)).startsWith("these are my notes");
    }

    @Test
    void refusesAFileInADirectoryThatDoesNotExist() {
        Path file = dir.resolve("missing").resolve("hourglass.db");

        assertThatThrownBy(() -> open(file, clock))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open the store " + file + ": its directory " + file.getParent()
                        + " does not exist; create it first");
    }

    @Test
    void storesOpeningOneNewFileAtOnceAllSucceedAndCreateTheSchemaOnce() throws Exception {
        Path file = dir.resolve("hourglass.db");
        int opening = 4;
        CyclicBarrier together = new CyclicBarrier(opening);
        ExecutorService threads = Executors.newFixedThreadPool(opening);
        try {
            List<Future<JdbcStore>> stores = new ArrayList<>();
            for (int i = 0; i < opening; i++) {
                stores.add(threads.submit(() -> {
                    together.await();
                    return open(file, clock);
                }));
            }
            for (Future<JdbcStore> store : stores) {
                try (JdbcStore opened = store.get(60, TimeUnit.SECONDS)) {
                    assertThat(opened.schemaVersion()).isEqualTo(1);
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(query(file, "SELECT COUNT(*) FROM hourglass_schema")).containsExactly("1");
    }
}
