package dev.hourglass.internal.store;

import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Describing and listing runs on the JDBC service on every dialect: as in memory ({@link DescribeAndListContract}). */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkflowServiceDescribeAndListTest extends DescribeAndListContract {

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private TestDatabase database;

    @Override
    WorkflowServiceSpi open(SettableClock clock) {
        database = TestDatabase.create(dialect, directory);
        // a sweeper that never runs on its own: nothing here is due
        return new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(), Duration.ofDays(1));
    }

    @Override
    void afterClose() throws Exception {
        if (database != null) {
            database.close();
        }
    }
}
