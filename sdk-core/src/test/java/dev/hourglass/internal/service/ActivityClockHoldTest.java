package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.service.ActivityTask;
import dev.hourglass.service.Command;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.StartWorkflowRequest;
import dev.hourglass.service.WorkflowTask;
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
        service.startWorkflow(StartWorkflowRequest.of("wf-1", "Transfer", "q", JsonNodeFactory.instance.arrayNode(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        WorkflowTask task = service.pollWorkflowTask("q", Duration.ofSeconds(1));
        ObjectNode schedule = JsonNodeFactory.instance.objectNode();
        schedule.put("activityId", "1");
        schedule.put("activityType", "withdraw");
        schedule.put("taskQueue", "q");
        schedule.set("input", JsonNodeFactory.instance.arrayNode());
        schedule.put("startToCloseTimeoutMillis", 60_000);
        schedule.put("heartbeatTimeoutMillis", 10_000);
        service.completeWorkflowTask(task.taskToken(), List.of(new Command(EventType.ActivityTaskScheduled, schedule)));
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

        service.completeActivityTask(attempt.taskToken(), JsonNodeFactory.instance.textNode("done"));

        assertThat(service.getHistory("wf-1", null).getEvents()).extracting(e -> e.getEventType())
                .contains(EventType.ActivityTaskCompleted);
        WorkflowTask next = service.pollWorkflowTask("q", Duration.ofSeconds(1));
        assertThat(service.isIdle()).as("busy with the workflow task the completion scheduled").isFalse();
        service.completeWorkflowTask(next.taskToken(), List.of());
        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void anAttemptThatIsNoLongerCurrentCannotBeHeldOrLetGo() {
        service.completeActivityTask(attempt.taskToken(), JsonNodeFactory.instance.textNode("done"));

        assertThat(service.setActivityAttemptHoldsClock(attempt.taskToken(), false)).isFalse();
    }
}
