package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpointer copies the SQLite log into the database file on a thread of its own, once per interval in which
 * the process wrote; the writer connection, which does not checkpoint, leaves the pages in the log until then.
 */
class SqliteCheckpointerTest {

    private static final int ROWS = 100;
    private static final int ROW_BYTES = 4096;

    @TempDir
    Path directory;

    private Path file;
    private ConnectionPool pool;
    private Connection writer;
    private final AtomicLong writes = new AtomicLong();

    @BeforeEach
    void open() throws Exception {
        file = directory.resolve("hourglass.db");
        pool = new ConnectionPool(() -> DriverManager.getConnection("jdbc:sqlite:" + file), Dialect.SQLITE, 2);
        writer = pool.open();
        Dialect.execute(writer, "PRAGMA wal_autocheckpoint = 0");
        Dialect.execute(writer, "CREATE TABLE payloads (payload BLOB NOT NULL)");
    }

    @AfterEach
    void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void aCheckpointCopiesWhatTheWriterLeftInTheLogIntoTheDatabaseFile() throws Exception {
        try (SqliteCheckpointer checkpointer = new SqliteCheckpointer(pool, writes::get, Duration.ofDays(1))) {
            write();
            long before = Files.size(file);

            checkpointer.checkpoint();

            assertThat(Files.size(file)).as("the rows' pages are in the database file now")
                    .isGreaterThanOrEqualTo(before + (long) ROWS * ROW_BYTES);
            assertThat(checkpointer.checkpoints()).isEqualTo(1);
        }
    }

    @Test
    void noCheckpointRunsWhenNothingWasWrittenSinceTheLast() throws Exception {
        try (SqliteCheckpointer checkpointer = new SqliteCheckpointer(pool, writes::get, Duration.ofDays(1))) {
            checkpointer.checkpoint();
            assertThat(checkpointer.checkpoints()).as("nothing written since it started").isZero();

            write();
            checkpointer.checkpoint();
            checkpointer.checkpoint();

            assertThat(checkpointer.checkpoints()).isEqualTo(1);
        }
    }

    @Test
    void itsThreadCheckpointsEveryIntervalInWhichTheProcessWrote() throws Exception {
        try (SqliteCheckpointer checkpointer = new SqliteCheckpointer(pool, writes::get, Duration.ofMillis(10))) {
            write();

            await().atMost(10, TimeUnit.SECONDS).until(() -> checkpointer.checkpoints() == 1);
        }
    }

    /** Writes rows of a page each, as one transaction of the process (as the group writer counts them). */
    private void write() throws Exception {
        writer.setAutoCommit(false);
        for (int i = 0; i < ROWS; i++) {
            Dialect.execute(writer, "INSERT INTO payloads VALUES (randomblob(" + ROW_BYTES + "))");
        }
        writer.commit();
        writer.setAutoCommit(true);
        writes.incrementAndGet();
    }
}
