package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the in-memory service takes a cancel request, the canceled report and heartbeats of the attempt. */
class ActivityCancellationServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final RealTimeScheduler scheduler = new RealTimeScheduler(clock);
    private final InMemoryWorkflowService service = new InMemoryWorkflowService(clock, scheduler,
            ServiceOptions.getDefaultInstance());
    private int tasks;

    @BeforeEach
    void start() {
        service.startWorkflow(StartWorkflowRequest.of("wf-1", "Recount", "q", Payload.ofArguments(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
    }

    @AfterEach
    void close() {
        service.close();
        scheduler.close();
    }

    /** Completes the next workflow task with {@code commands}; a signal causes one after the first. */
    private void complete(Object... commands) {
        if (tasks++ > 0) {
            service.signalWorkflow("wf-1", null, "stop", Payload.ofArguments());
        }
        WorkflowTask task = service.pollWorkflowTask("q", Duration.ofSeconds(1));
        List<Command> list = new java.util.ArrayList<>();
        for (Object command : commands) {
            list.add(new Command((dev.hourglass.history.EventAttributes) command));
        }
        service.completeWorkflowTask(task.taskToken(), list);
    }

    private static ActivityTaskScheduledAttributes schedule(String taskQueue, Duration scheduleToStart) {
        return new ActivityTaskScheduledAttributes("1", "recount", taskQueue, Payload.ofArguments(),
                Duration.ofSeconds(60), null, null, RetryPolicy.newBuilder().setMaximumAttempts(5).build(),
                scheduleToStart);
    }

    private List<EventType> types() {
        return service.getHistory("wf-1", null).getEvents().stream().map(HistoryEvent::getEventType)
                .collect(Collectors.toList());
    }

    @Test
    void aQueuedActivityIsCanceledAtOnce() {
        complete(schedule("q", null));

        complete(new ActivityTaskCancelRequestedAttributes("1", ActivityCancellationType.WAIT_CANCELLATION_COMPLETED));

        assertThat(types()).endsWith(EventType.ActivityTaskCancelRequested, EventType.ActivityTaskCanceled);
        assertThat(service.pollActivityTask("q", Duration.ZERO)).isNull();
    }

    @Test
    void aRunningAttemptHearsOfTheRequestFromItsHeartbeatAndItsReportCancelsTheActivity() {
        complete(schedule("q", null));
        ActivityTask attempt = service.pollActivityTask("q", Duration.ofSeconds(1));
        assertThat(service.recordActivityHeartbeat(attempt.taskToken(), Payload.of(1)))
                .isEqualTo(ActivityHeartbeatResponse.CONTINUE);

        complete(new ActivityTaskCancelRequestedAttributes("1"));

        assertThat(types()).endsWith(EventType.ActivityTaskCancelRequested);
        assertThat(service.recordActivityHeartbeat(attempt.taskToken(), Payload.of(2)))
                .isEqualTo(ActivityHeartbeatResponse.CANCEL_REQUESTED);
        service.reportActivityTaskCanceled(attempt.taskToken());
        assertThat(types()).endsWith(EventType.ActivityTaskCancelRequested, EventType.ActivityTaskStarted,
                EventType.ActivityTaskCanceled);
        assertThat(service.recordActivityHeartbeat(attempt.taskToken(), Payload.of(3)))
                .isEqualTo(ActivityHeartbeatResponse.ATTEMPT_NOT_FOUND);
    }

    @Test
    void aFailureAfterTheCancelRequestIsNotRetried() {
        complete(schedule("q", null));
        ActivityTask attempt = service.pollActivityTask("q", Duration.ofSeconds(1));
        complete(new ActivityTaskCancelRequestedAttributes("1"));

        service.failActivityTask(attempt.taskToken(), JsonPayload.of(FailureConverter.toJson(
                ApplicationFailure.newFailure("ledger offline", "Offline"))));

        assertThat(types()).endsWith(EventType.ActivityTaskStarted, EventType.ActivityTaskFailed);
    }

    @Test
    void aCanceledReportWithoutARequestCountsAsAFailedAttempt() {
        complete(schedule("q", null));
        ActivityTask attempt = service.pollActivityTask("q", Duration.ofSeconds(1));

        service.reportActivityTaskCanceled(attempt.taskToken());

        assertThat(types()).doesNotContain(EventType.ActivityTaskCanceled, EventType.ActivityTaskFailed);
    }

    @Test
    void anUnpolledAttemptWithAScheduleToStartTimeoutStopsHoldingTheClockWhenItIsAllTheWork() {
        complete(schedule("nobody", Duration.ofMinutes(1)));

        assertThat(service.unpolledWork(Set.of("q"))).isEmpty();

        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void anUnpolledAttemptLetGoOfCanStillBePolledAndCanceled() {
        complete(schedule("nobody", Duration.ofMinutes(1)));
        service.unpolledWork(Set.of("q"));

        ActivityTask attempt = service.pollActivityTask("nobody", Duration.ofSeconds(1));

        assertThat(attempt).isNotNull();
        assertThat(service.isIdle()).isFalse();
    }

    @Test
    void anUnpolledAttemptLetGoOfIsCanceledAtOnce() {
        complete(schedule("nobody", Duration.ofMinutes(1)));
        service.unpolledWork(Set.of("q"));

        complete(new ActivityTaskCancelRequestedAttributes("1"));

        assertThat(types()).endsWith(EventType.ActivityTaskCancelRequested, EventType.ActivityTaskCanceled);
    }

    @Test
    void anUnpolledAttemptWithoutATimeoutIsReportedAsStalled() {
        complete(schedule("nobody", null));

        assertThat(service.unpolledWork(Set.of("q")))
                .containsExactly("activity recount of workflow wf-1 waits on task queue 'nobody'");
    }
}
