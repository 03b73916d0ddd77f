package dev.hourglass.internal.store;

import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test database and the JDBC services a test opens on it, closed together, services first. On PostgreSQL without a
 * server, {@link #create} skips the test (see {@link TestDatabase#create}).
 */
final class ServiceFixture implements AutoCloseable {

    private final TestDatabase database;
    private final List<JdbcWorkflowService> services = new ArrayList<>();

    private ServiceFixture(TestDatabase database) {
        this.database = database;
    }

    static ServiceFixture create(Dialect dialect, Path directory) {
        return new ServiceFixture(TestDatabase.create(dialect, directory));
    }

    /** A service on the database, like another process's: a store of its own, with its clock and sweep interval. */
    JdbcWorkflowService open(Clock clock, ServiceOptions options, Duration sweepInterval) {
        JdbcWorkflowService service = new JdbcWorkflowService(database.open(clock), options, sweepInterval);
        services.add(service);
        return service;
    }

    TestDatabase database() {
        return database;
    }

    @Override
    public void close() throws Exception {
        try {
            for (JdbcWorkflowService service : services) {
                service.close();
            }
        } finally {
            database.close();
        }
    }
}
