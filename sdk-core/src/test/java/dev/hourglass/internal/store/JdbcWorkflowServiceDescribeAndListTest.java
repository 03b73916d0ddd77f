package dev.hourglass.internal.store;

import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** Describing and listing runs on the JDBC service over SQLite: as in memory ({@link DescribeAndListContract}). */
class JdbcWorkflowServiceDescribeAndListTest extends DescribeAndListContract {

    @TempDir
    Path directory;

    @Override
    WorkflowServiceSpi open(SettableClock clock) {
        // a sweeper that never runs on its own: nothing here is due
        return new JdbcWorkflowService(StoreFixtures.open(directory.resolve("hourglass.db"), clock),
                ServiceOptions.getDefaultInstance(), Duration.ofDays(1));
    }
}
