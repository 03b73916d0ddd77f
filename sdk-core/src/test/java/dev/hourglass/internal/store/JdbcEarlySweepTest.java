package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sweep that sees an activity deadline coming before the next sweep plans a sweep for that deadline: the lease of
 * an attempt whose worker died ends on time, not up to a sweep interval late.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcEarlySweepTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(T0);
    private ServiceFixture fixture;
    private JdbcWorkflowService service;

    private void open(Duration sweepInterval) {
        fixture = ServiceFixture.create(dialect, directory);
        service = fixture.open(clock, ServiceOptions.getDefaultInstance(), sweepInterval);
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aLeaseEndingBeforeTheNextSweepPlansASweepAtItsEnd() {
        open(Duration.ofMinutes(5));
        startAttempt(Duration.ofMinutes(1));

        service.sweepTimers();

        assertThat(service.plannedSweep()).isEqualTo(T0.plus(Duration.ofMinutes(1)).plusMillis(1));
    }

    @Test
    void aLeaseEndingAfterTheNextSweepIsLeftToThatSweep() {
        open(Duration.ofSeconds(30));
        startAttempt(Duration.ofMinutes(1));

        service.sweepTimers();

        assertThat(service.plannedSweep()).isNull();
    }

    @Test
    void withoutActivitiesNoSweepIsPlanned() {
        open(Duration.ofMinutes(5));

        service.sweepTimers();

        assertThat(service.plannedSweep()).isNull();
    }

    /** Starts a run whose activity attempt runs, with {@code startToClose} as its lease. */
    private void startAttempt(Duration startToClose) {
        service.startWorkflow(start("transfer-1"));
        WorkflowTask task = service.pollWorkflowTask("payments", Duration.ZERO);
        service.completeWorkflowTask(task.taskToken(), List.of(new Command(new ActivityTaskScheduledAttributes("1",
                "withdraw", "payments", Payload.fromJson("[]"), startToClose, null, null, null, null))));
        assertThat(service.pollActivityTask("payments", "worker", Duration.ZERO)).isNotNull();
    }
}
