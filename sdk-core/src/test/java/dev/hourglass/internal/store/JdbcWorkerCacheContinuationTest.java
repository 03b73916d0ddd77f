package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC service hands out, with each workflow task, the number of events the history had right after the run's
 * last completed task, as the in-memory service does, so that a worker that cached the execution there goes on from
 * there instead of replaying the run from its start.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkerCacheContinuationTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestDatabase database;
    private ServicePair services;

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, dir);
        services = new ServicePair(database);
        services.start(StartWorkflowRequest.of("meter-1", "Meter", "meters", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (services != null) {
                services.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** Both services' counts, checked alike; returns the JDBC one. */
    private int completedEventCount(ServicePair.Tasks tasks) {
        assertThat(tasks.jdbc().completedEventCount()).as("the JDBC service's count, compared with the in-memory one")
                .isEqualTo(tasks.memory().completedEventCount());
        return tasks.jdbc().completedEventCount();
    }

    @Test
    void theFirstTaskOfARunStartsFromNothing() {
        assertThat(completedEventCount(services.poll("meters"))).isZero();
    }

    @Test
    void aTaskAfterACompletedOneStartsWhereThatOneEndedAsInMemory() {
        services.pollAndComplete("meters", new TimerStartedAttributes("t1", Duration.ofHours(1)),
                new MarkerRecordedAttributes("SideEffect", "1", Payload.of(1)));
        services.signal("meter-1", "reading");

        assertThat(completedEventCount(services.poll("meters"))).isEqualTo(3);
    }

    @Test
    void eventsThatArrivedDuringATaskComeAfterWhereItEnded() {
        ServicePair.Tasks running = services.poll("meters");
        services.signal("meter-1", "reading");
        services.complete(running, new TimerStartedAttributes("t1", Duration.ofHours(1)));

        ServicePair.Tasks next = services.poll("meters");

        assertThat(completedEventCount(next)).isEqualTo(2);
        assertThat(next.jdbc().history().getEvents()).hasSize(3);
    }

    @Test
    void aFailedTaskLeavesTheCountWhereTheLastCompletedTaskLeftIt() {
        services.pollAndComplete("meters", new TimerStartedAttributes("t1", Duration.ofHours(1)));
        services.signal("meter-1", "reading");
        ServicePair.Tasks failing = services.poll("meters");
        services.both(service -> service.failWorkflowTask(service == services.memory ? failing.memory().taskToken()
                : failing.jdbc().taskToken(), new IllegalStateException("a bug in the workflow")));
        services.clock.advance(Duration.ofMinutes(1));
        services.signal("meter-1", "reading");

        assertThat(completedEventCount(services.poll("meters"))).isEqualTo(2);
    }

    @Test
    void theFirstTaskOfAContinuedRunStartsFromNothing() {
        services.pollAndComplete("meters", new TimerStartedAttributes("t1", Duration.ofHours(1)));
        services.signal("meter-1", "reading");
        services.pollAndComplete("meters", new WorkflowExecutionContinuedAsNewAttributes(null,
                Payload.fromJson("[]"), null, null));

        assertThat(completedEventCount(services.poll("meters"))).isZero();
    }
}
