package dev.hourglass.internal.store;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the store's tests share: a clock they move and requests. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123Z");

    private StoreFixtures() {
    }

    /** A store in a SQLite file, with seeded ids; tests of both dialects use {@link TestDatabase#open} instead. */
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
