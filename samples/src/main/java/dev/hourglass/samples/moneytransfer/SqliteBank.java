package dev.hourglass.samples.moneytransfer;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.failure.ApplicationFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Accounts kept in a SQLite file of their own: an {@link AccountActivities} implementation that several worker
 * processes share, and that survives any of them being killed.
 *
 * <p>Each operation is one transaction that first records its reference id (the transfer id and the step, such as
 * {@code transfer-1-withdraw}) in {@code bank_operations}, whose key it is, and then changes the balance: an attempt
 * that a new worker retries after the last one was killed finds the reference id recorded if that attempt had
 * committed, and changes nothing. Every attempt is also written down in {@code bank_attempts}, keyed by workflow id,
 * step and attempt number, with the process that ran it and when it started and ended, so that one can tell which
 * worker ran what; an attempt recorded twice fails with the type {@code "DuplicateAttempt"}.
 *
 * <p>Failures are non-retryable {@link ApplicationFailure}s whose type says what was wrong: {@code "AccountNotFound"}
 * or {@code "InsufficientFunds"}. Methods called outside an activity (opening accounts, reading balances) may run in
 * any process. Thread-safe: each call opens a connection of its own.
 */
public final class SqliteBank implements AccountActivities {

    private static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final String url;
    private final Duration operationDelay;
    private final Consumer<String> progress;

    /**
     * Opens the bank in {@code file}, creating the file and its tables when they do not exist.
     *
     * @param file the bank's database file; its directory must exist
     * @param operationDelay how long each operation works before it applies its change, as a remote bank would
     *     take; {@link Duration#ZERO} for none
     * @param progress told a line when an attempt starts and when it ends; never {@code null}
     */
    public SqliteBank(Path file, Duration operationDelay, Consumer<String> progress) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.operationDelay = Objects.requireNonNull(operationDelay, "operationDelay");
        this.progress = Objects.requireNonNull(progress, "progress");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("CREATE TABLE IF NOT EXISTS bank_accounts (account TEXT PRIMARY KEY,"
                    + " balance INTEGER NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS bank_operations (reference_id TEXT PRIMARY KEY,"
                    + " account TEXT NOT NULL, cents INTEGER NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS bank_attempts (workflow_id TEXT NOT NULL,"
                    + " step TEXT NOT NULL, attempt INTEGER NOT NULL, worker_pid INTEGER NOT NULL,"
                    + " started_at INTEGER NOT NULL, ended_at INTEGER, PRIMARY KEY (workflow_id, step, attempt))");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the bank in " + file + ": " + e.getMessage(), e);
        }
    }

    /** One attempt of a bank operation: which worker process ran it, and whether it ended. */
    public record Attempt(String workflowId, String step, int attempt, long workerPid, long startedAtMillis,
            Long endedAtMillis) {

        /** Returns whether the attempt ran to its end (its worker was not killed inside it). */
        public boolean ended() {
            return endedAtMillis != null;
        }
    }

    /** Opens an account with a balance, or sets the balance of one that exists; returns this bank. */
    public SqliteBank openAccount(String account, long cents) {
        update("INSERT INTO bank_accounts (account, balance) VALUES (?, ?)"
                + " ON CONFLICT (account) DO UPDATE SET balance = excluded.balance", account, cents);
        return this;
    }

    /** Returns every balance in cents, by account name. */
    public Map<String, Long> balances() {
        Map<String, Long> balances = new TreeMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT account, balance FROM bank_accounts")) {
            while (rows.next()) {
                balances.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the balances: " + e.getMessage(), e);
        }
        return balances;
    }

    /** Returns how many operations were applied: each reference id counts once. */
    public int appliedOperations() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM bank_operations")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the operations: " + e.getMessage(), e);
        }
    }

    /** Returns every attempt recorded, ordered by workflow id, step and attempt. */
    public List<Attempt> attempts() {
        List<Attempt> attempts = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT workflow_id, step, attempt, worker_pid, started_at,"
                        + " ended_at FROM bank_attempts ORDER BY workflow_id, step, attempt")) {
            while (rows.next()) {
                long endedAt = rows.getLong(6);
                Long ended = rows.wasNull() ? null : endedAt;
                attempts.add(new Attempt(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getLong(4),
                        rows.getLong(5), ended));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the attempts: " + e.getMessage(), e);
        }
        return attempts;
    }

    @Override
    public void withdraw(String account, long cents, String referenceId) {
        apply("withdraw", account, -cents, referenceId);
    }

    @Override
    public void deposit(String account, long cents, String referenceId) {
        apply("deposit", account, cents, referenceId);
    }

    @Override
    public void refund(String account, long cents, String referenceId) {
        apply("refund", account, cents, referenceId);
    }

    private void apply(String step, String account, long change, String referenceId) {
        ActivityInfo info = Activity.getExecutionContext().getInfo();
        String attempt = step + " " + info.getWorkflowId() + " attempt " + info.getAttempt();
        recordStart(info, step);
        progress.accept(attempt + ": started");
        pause();
        boolean applied;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            applied = applyOnce(connection, account, change, referenceId);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(attempt + " could not reach the bank: " + e.getMessage(), e);
        }
        update("UPDATE bank_attempts SET ended_at = ? WHERE workflow_id = ? AND step = ? AND attempt = ?",
                System.currentTimeMillis(), info.getWorkflowId(), step, info.getAttempt());
        progress.accept(attempt + (applied ? ": applied" : ": already applied by an earlier attempt, nothing to do"));
    }

    /**
     * Records the reference id, then changes the balance, in the caller's transaction; returns {@code false} when
     * the reference id was recorded already (and changes nothing).
     */
    private static boolean applyOnce(Connection connection, String account, long change, String referenceId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bank_operations"
                + " (reference_id, account, cents) VALUES (?, ?, ?) ON CONFLICT (reference_id) DO NOTHING")) {
            insert.setString(1, referenceId);
            insert.setString(2, account);
            insert.setLong(3, change);
            if (insert.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE bank_accounts SET balance = balance + ?"
                + " WHERE account = ? AND balance + ? >= 0")) {
            update.setLong(1, change);
            update.setString(2, account);
            update.setLong(3, change);
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        connection.rollback();
        Long balance = balance(connection, account);
        if (balance == null) {
            throw ApplicationFailure.newNonRetryableFailure("there is no account " + account, "AccountNotFound");
        }
        throw ApplicationFailure.newNonRetryableFailure("account " + account + " holds " + balance
                + " cents, cannot withdraw " + -change, "InsufficientFunds");
    }

    private static Long balance(Connection connection, String account) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT balance FROM bank_accounts WHERE account = ?")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private void recordStart(ActivityInfo info, String step) {
        int inserted = update("INSERT INTO bank_attempts (workflow_id, step, attempt, worker_pid, started_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", info.getWorkflowId(), step, info.getAttempt(),
                ProcessHandle.current().pid(), System.currentTimeMillis());
        if (inserted == 0) {
            throw ApplicationFailure.newNonRetryableFailure("attempt " + info.getAttempt() + " of " + step + " for "
                    + info.getWorkflowId() + " ran before: the service handed it out twice", "DuplicateAttempt");
        }
    }

    private void pause() {
        if (operationDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(operationDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the bank", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the bank failed to run " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            // in WAL mode, NORMAL loses no commit when a process is killed (only on a power loss), and spares a sync
            statement.execute("PRAGMA synchronous = NORMAL");
        }
        return connection;
    }
}
