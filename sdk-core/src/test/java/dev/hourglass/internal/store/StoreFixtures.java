package dev.hourglass.internal.store;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What the store's tests share: a clock they move, seeded ids, requests, and plain JDBC looks at a file. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123Z");

    private StoreFixtures() {
    }

    static JdbcStore open(Path file, Clock clock) {
        return JdbcStore.sqlite(file, clock, IdGenerator.seeded(42));
    }

    static StartWorkflowRequest start(String workflowId, WorkflowIdReusePolicy policy) {
        return StartWorkflowRequest.of(workflowId, "MoneyTransfer", "payments",
                Payload.fromJson("[\"alice\",\"bob\",420.00]"), policy, null);
    }

    static StartWorkflowRequest start(String workflowId) {
        return start(workflowId, WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY);
    }

    /** The rows of a one-column query on the file, through a connection of its own. */
    static List<String> query(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Runs statements on the file, through a connection of its own. */
    static void execute(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A clock that moves only when told. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
