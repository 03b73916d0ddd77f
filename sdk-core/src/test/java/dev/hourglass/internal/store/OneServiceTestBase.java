package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;

import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tests of one service over a new database of each dialect, on a clock that moves only when told, with default
 * options and a sweep interval of a day (so that no sweep runs unless a test asks for one).
 */
@ParameterizedClass
@EnumSource(Dialect.class)
abstract class OneServiceTestBase {

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    final SettableClock clock = new SettableClock(T0);
    ServiceFixture fixture;
    TestDatabase database;
    JdbcWorkflowService service;

    @BeforeEach
    void openService() {
        fixture = ServiceFixture.create(dialect, directory);
        database = fixture.database();
        service = fixture.open(clock, ServiceOptions.getDefaultInstance(), Duration.ofDays(1));
    }

    @AfterEach
    void closeService() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }
}
