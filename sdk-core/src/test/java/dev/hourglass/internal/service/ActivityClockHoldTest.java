package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.ServiceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A running activity attempt counts as pending work unless it is let go of (the test environment's hung attempts). */
class ActivityClockHoldTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final RealTimeScheduler scheduler = new RealTimeScheduler(clock);
    private final InMemoryWorkflowService service = new InMemoryWorkflowService(clock, scheduler,
            ServiceOptions.getDefaultInstance());
    private ActivityTask attempt;

    @BeforeEach
    void startAnActivityAttempt() {
        service.startWorkflow(StartWorkflowRequest.of("wf-1", "Transfer", "q", Payload.ofArguments(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        WorkflowTask task = service.pollWorkflowTask("q", Duration.ofSeconds(1));
        ActivityTaskScheduledAttributes schedule = new ActivityTaskScheduledAttributes("1", "withdraw", "q",
                Payload.ofArguments(), Duration.ofSeconds(60), null, Duration.ofSeconds(10), null);
        service.completeWorkflowTask(task.taskToken(), List.of(new Command(schedule)));
        attempt = service.pollActivityTask("q", Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        service.close();
        scheduler.close();
    }

    @Test
    void aRunningAttemptKeepsTheServiceBusy() {
        assertThat(attempt).isNotNull();
        assertThat(service.isIdle()).isFalse();
    }

    @Test
    void anAttemptLetGoOfNoLongerKeepsTheServiceBusy() {
        assertThat(service.setActivityAttemptHoldsClock(attempt.taskToken(), false)).isTrue();

        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void anAttemptTakenBackKeepsTheServiceBusyAgain() {
        service.setActivityAttemptHoldsClock(attempt.taskToken(), false);

        service.setActivityAttemptHoldsClock(attempt.taskToken(), true);

        assertThat(service.isIdle()).isFalse();
    }

    @Test
    void theOutcomeOfAnAttemptLetGoOfStillCountsAndEndsItsWorkOnlyOnce() {
        service.setActivityAttemptHoldsClock(attempt.taskToken(), false);

        service.completeActivityTask(attempt.taskToken(), Payload.of("done"));

        assertThat(service.getHistory("wf-1", null).getEvents()).extracting(e -> e.getEventType())
                .contains(EventType.ActivityTaskCompleted);
        WorkflowTask next = service.pollWorkflowTask("q", Duration.ofSeconds(1));
        assertThat(service.isIdle()).as("busy with the workflow task the completion scheduled").isFalse();
        service.completeWorkflowTask(next.taskToken(), List.of());
        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void anAttemptThatIsNoLongerCurrentCannotBeHeldOrLetGo() {
        service.completeActivityTask(attempt.taskToken(), Payload.of("done"));

        assertThat(service.setActivityAttemptHoldsClock(attempt.taskToken(), false)).isFalse();
    }
}
