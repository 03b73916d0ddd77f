package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.internal.store.TestDatabase.SqliteFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a write costs on SQLite is mostly the pages it changes, each written to the log at its commit: a write
 * changes the rows and index entries it must, and no more.
 */
class SqliteWrittenPagesTest {

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private SqliteFile database;
    private JdbcStore store;

    @BeforeEach
    void open() {
        database = new SqliteFile(dir.resolve("hourglass.db"));
        store = database.open(clock);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void anEventThatLeavesTheRunOpenChangesTwoPagesItsRunsRowAndItsOwn() throws Exception {
        String runId = store.startRun(start("transfer-1")).getRunId();

        int pages = pagesWrittenBy(() -> store.appendEvents(runId, 2, List.of(scheduled())));

        assertThat(pages).as("no entry of the indexes on the run's status and close time is rewritten").isEqualTo(2);
    }

    /** The pages the log holds after {@code write}, written into a log emptied before it. */
    private int pagesWrittenBy(Runnable write) throws Exception {
        database.query("PRAGMA wal_checkpoint(TRUNCATE)");
        write.run();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            checkpoint.next();
            return checkpoint.getInt(2); // busy, frames in the log, frames checkpointed
        }
    }

    private static EventAttributes scheduled() {
        return new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[\"alice\",420]"),
                Duration.ofMinutes(1), null, null, null, null);
    }
}
