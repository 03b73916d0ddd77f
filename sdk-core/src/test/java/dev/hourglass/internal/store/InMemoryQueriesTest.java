package dev.hourglass.internal.store;

import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;

/** The in-memory service against {@link QueriesContract}: the behaviour the JDBC service must match. */
class InMemoryQueriesTest extends QueriesContract {

    @Override
    WorkflowServiceSpi open(SettableClock clock, ServiceOptions options) {
        return WorkflowServiceSpi.of(WorkflowService.inMemory(clock, options));
    }
}
