package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Stores in two schemas of one PostgreSQL database share the notification channel of their triggers: a change in one
 * schema must not wake the idle workers of the other, or a busy neighbour makes every idle worker read its tables over
 * and over.
 */
class PostgresChangeWatcherSchemasTest {

    @Test
    void aChangeInAnotherSchemaOfTheDatabaseWakesNoWatcherOfThisOne() throws Exception {
        try (PostgresTestDatabase mine = PostgresTestDatabase.newSchema();
                PostgresTestDatabase other = PostgresTestDatabase.newSchema();
                JdbcStore myStore = mine.open(Clock.systemUTC());
                JdbcStore otherStore = other.open(Clock.systemUTC())) {
            AtomicInteger wakeUps = new AtomicInteger();
            try (ChangeWatcher watcher = ChangeWatcher.start(myStore, wakeUps::incrementAndGet)) {
                AtomicInteger runs = new AtomicInteger();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    myStore.startRun(start("mine-" + runs.incrementAndGet()));
                    return wakeUps.get() > 0; // the watcher listens: a change in its own schema wakes it
                });
                Thread.sleep(200);
                wakeUps.set(0);

                for (int i = 0; i < 5; i++) {
                    otherStore.startRun(start("other-" + i));
                }
                Thread.sleep(1_000);

                assertThat(wakeUps.get()).as("wake-ups of the watcher of %s by 5 runs started in %s", mine, other)
                        .isZero();
            }
        }
    }
}
