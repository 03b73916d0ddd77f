package dev.hourglass.internal.store;

import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.WorkflowService;

/** The in-memory service against {@link DescribeAndListContract}: the behaviour the JDBC service must match. */
class InMemoryDescribeAndListTest extends DescribeAndListContract {

    @Override
    WorkflowServiceSpi open(SettableClock clock) {
        return WorkflowServiceSpi.of(WorkflowService.inMemory(clock));
    }
}
