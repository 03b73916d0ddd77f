package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writes of a SQLite store's threads share transactions, and each keeps the outcome it would have had alone: its
 * result, or its exception with its own writes undone.
 */
class GroupWriterTest {

    @TempDir
    Path directory;

    private ConnectionPool pool;
    private GroupWriter writer;
    private ExecutorService threads;

    @BeforeEach
    void openDatabase() throws SQLException {
        String url = "jdbc:sqlite:" + directory.resolve("group.db");
        pool = new ConnectionPool(() -> DriverManager.getConnection(url), Dialect.SQLITE, 2);
        Connection connection = pool.borrow();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entries (name TEXT PRIMARY KEY)");
        }
        pool.release(connection, true);
        writer = new GroupWriter(pool, Dialect.SQLITE);
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void closeDatabase() {
        threads.shutdownNow();
        writer.close();
        pool.close();
    }

    @Test
    void unitsQueuedWhileATransactionRunsJoinIt() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<String> first = firstUnitHolding(releaseFirst);
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "queued-" + i;
            queued.add(threads.submit(() -> writer.write(connection -> insert(connection, name))));
        }
        awaitQueued(5);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (Future<String> unit : queued) {
            assertThat(unit.get(10, TimeUnit.SECONDS)).startsWith("queued-");
        }
        assertThat(names()).containsExactlyInAnyOrder("first", "queued-0", "queued-1", "queued-2", "queued-3",
                "queued-4");
        assertThat(writer.transactions()).isEqualTo(1);
    }

    @Test
    void aFailingUnitLosesOnlyItsOwnWritesAndGetsItsOwnException() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<String> first = firstUnitHolding(releaseFirst);
        Future<String> before = threads.submit(() -> writer.write(connection -> insert(connection, "before")));
        awaitQueued(1);
        Future<String> failing = threads.submit(() -> writer.write(connection -> {
            insert(connection, "half-written");
            throw new IllegalStateException("the unit's own failure");
        }));
        awaitQueued(2);
        Future<String> after = threads.submit(() -> writer.write(connection -> insert(connection, "after")));
        awaitQueued(3);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the unit's own failure");
        assertThat(names()).containsExactlyInAnyOrder("first", "before", "after");
        assertThat(writer.transactions()).isEqualTo(1);
    }

    @Test
    void aUnitAloneThatFailsWritesNothing() {
        assertThatThrownBy(() -> writer.write(connection -> {
            insert(connection, "half-written");
            return insert(connection, "half-written"); // the primary key refuses the second
        })).isInstanceOf(SQLException.class);

        assertThat(names()).isEmpty();
    }

    @Test
    void aUnitThatBreaksTheSharedTransactionFailsEveryUnitOfItAndNothingIsWritten() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<String> first = firstUnitHolding(releaseFirst);
        Future<String> breaking = threads.submit(() -> writer.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK"); // ends the transaction, savepoints and all
            }
            return "broke";
        }));
        awaitQueued(1);
        releaseFirst.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> breaking.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
        assertThat(names()).isEmpty();
        String later = writer.write(connection -> insert(connection, "later"));
        assertThat(later).isEqualTo("later");
        assertThat(names()).containsExactly("later");
    }

    @Test
    void aClosedWriterRefusesWork() {
        writer.close();

        assertThatThrownBy(() -> writer.write(connection -> insert(connection, "late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static String insert(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entries (name) VALUES (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
        return name;
    }

    private List<String> names() {
        try {
            Connection connection = pool.borrow();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM entries ORDER BY name")) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            } finally {
                pool.release(connection, true);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Starts a unit that inserts "first" once {@code release} counts down; returns when it runs, holding the writer. */
    private Future<String> firstUnitHolding(CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> writer.write(connection -> {
            running.countDown();
            awaitRelease(release);
            return insert(connection, "first");
        }));
        running.await();
        return first;
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code count} units wait behind the running transaction. */
    private void awaitQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.queued() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + writer.queued() + " of " + count + " units queued");
            }
            Thread.sleep(1);
        }
    }
}
