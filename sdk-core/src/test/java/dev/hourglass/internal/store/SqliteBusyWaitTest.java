package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A SQLite connection whose write lock another connection holds waits for it, and gives up after its timeout. */
class SqliteBusyWaitTest {

    @TempDir
    Path directory;

    @Test
    void aWriterWaitsForTheLockAnotherConnectionHoldsAndTakesItWhenItFrees() throws Exception {
        try (Connection holder = open(); Connection waiter = open()) {
            execute(holder, "BEGIN IMMEDIATE");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    execute(waiter, "BEGIN IMMEDIATE");
                    execute(waiter, "INSERT INTO entries (name) VALUES ('second')");
                    execute(waiter, "COMMIT");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            execute(holder, "INSERT INTO entries (name) VALUES ('first')");
            assertThat(waiting).as("waits while the lock is held").isNotDone();
            execute(holder, "COMMIT");

            waiting.get(10, TimeUnit.SECONDS);
            assertThat(names(holder)).isEqualTo("first,second");
        }
    }

    @Test
    void aWriterGivesUpWithBusyWhenTheLockIsHeldPastItsTimeout() throws Exception {
        try (Connection holder = open(); Connection waiter = open()) {
            BusyHandler.setHandler(waiter, new SqliteBusyWait(50));
            execute(holder, "BEGIN IMMEDIATE");

            assertThatThrownBy(() -> execute(waiter, "BEGIN IMMEDIATE")).isInstanceOf(SQLiteException.class)
                    .satisfies(e -> assertThat(((SQLiteException) e).getResultCode())
                            .isEqualTo(SQLiteErrorCode.SQLITE_BUSY));
            execute(holder, "ROLLBACK");
        }
    }

    private Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("busy.db"));
        Dialect.SQLITE.configure(connection);
        execute(connection, "CREATE TABLE IF NOT EXISTS entries (name TEXT PRIMARY KEY)");
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String names(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT group_concat(name, ',') FROM (SELECT name FROM entries"
                        + " ORDER BY name)")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
