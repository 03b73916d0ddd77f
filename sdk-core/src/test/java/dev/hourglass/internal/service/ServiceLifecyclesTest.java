package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.ServiceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service's workflow tasks and activity attempts through the paths that real time makes rare: a task held
 * past its timeout, a failed task's retry that comes while another task runs or after the run closed, attempts
 * that end while queued, while waiting for a retry, or after they were let go of as hung. Deadlines fire when
 * the test says, on a clock the test moves; through all of it, work in progress is what the states say (the
 * service checks that on every transition, assertions being on in tests).
 */
class ServiceLifecyclesTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final InMemoryWorkflowService service = new InMemoryWorkflowService(clock, scheduler,
            ServiceOptions.newBuilder().setWorkflowTaskTimeout(Duration.ofSeconds(10))
                    .setWorkflowTaskRetryInterval(Duration.ofSeconds(1)).build());

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void aWorkflowTaskHeldPastItsTimeoutIsHandedOutAgain() {
        start();
        WorkflowTask first = service.pollWorkflowTask("q", Duration.ZERO);

        scheduler.advanceTo(START.plusSeconds(10));

        WorkflowTask again = service.pollWorkflowTask("q", Duration.ZERO);
        assertThat(again).isNotNull();
        assertThat(again.taskToken()).isNotEqualTo(first.taskToken());
        service.completeWorkflowTask(first.taskToken(), List.of());
        assertThat(service.isIdle()).as("the stale completion ends nothing").isFalse();
    }

    @Test
    void theRetryOfAFailedTaskThatComesWhileAnotherRunsQueuesNoSecondTask() {
        start();
        service.failWorkflowTask(service.pollWorkflowTask("q", Duration.ZERO).taskToken(), new IllegalStateException());
        service.signalWorkflow("wf-1", null, "nudge", Payload.ofArguments());
        WorkflowTask running = service.pollWorkflowTask("q", Duration.ZERO);

        scheduler.advanceTo(START.plusSeconds(1));

        assertThat(service.pollWorkflowTask("q", Duration.ZERO)).isNull();
        service.completeWorkflowTask(running.taskToken(), List.of());
        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void theRetryOfAFailedTaskAfterItsRunClosedDoesNothing() {
        start();
        service.failWorkflowTask(service.pollWorkflowTask("q", Duration.ZERO).taskToken(), new IllegalStateException());
        service.terminateWorkflow("wf-1", null, "done");

        scheduler.advanceTo(START.plusSeconds(1));

        assertThat(service.pollWorkflowTask("q", Duration.ZERO)).isNull();
        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void aWorkflowTaskStillQueuedWhenItsRunIsTerminatedEndsWithIt() {
        start();

        service.terminateWorkflow("wf-1", null, "done");

        assertThat(service.pollWorkflowTask("q", Duration.ZERO)).isNull();
        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void anAttemptStillQueuedWhenItsRunIsTerminatedEndsWithIt() {
        scheduleActivity(RetryPolicy.getDefaultInstance(), null);

        service.terminateWorkflow("wf-1", null, "done");

        assertThat(service.pollActivityTask("q", Duration.ZERO)).isNull();
        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void anActivityWaitingForItsRetryEndsWithItsRun() {
        scheduleActivity(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMinutes(1)).build(), null);
        failAttempt(service.pollActivityTask("q", Duration.ZERO));
        assertThat(service.isIdle()).as("an activity waiting for its retry is no work in progress").isTrue();

        service.terminateWorkflow("wf-1", null, "done");
        scheduler.advanceTo(START.plus(Duration.ofMinutes(2)));

        assertThat(service.pollActivityTask("q", Duration.ZERO)).isNull();
        assertThat(service.isIdle()).isTrue();
    }

    @Test
    void aHungAttemptThatTimesOutIsRetried() {
        scheduleActivity(RetryPolicy.newBuilder().setInitialInterval(Duration.ofSeconds(1)).build(),
                Duration.ofSeconds(5));
        ActivityTask first = service.pollActivityTask("q", Duration.ZERO);
        service.setActivityAttemptHoldsClock(first.taskToken(), false);

        scheduler.advanceTo(START.plusSeconds(6));

        ActivityTask second = service.pollActivityTask("q", Duration.ZERO);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(service.isIdle()).isFalse();
    }

    @Test
    void holdingAnAttemptThatHoldsTheClockOrLettingGoTwiceChangesNothing() {
        scheduleActivity(RetryPolicy.getDefaultInstance(), null);
        ActivityTask attempt = service.pollActivityTask("q", Duration.ZERO);

        assertThat(service.setActivityAttemptHoldsClock(attempt.taskToken(), true)).isTrue();
        assertThat(service.isIdle()).isFalse();
        service.setActivityAttemptHoldsClock(attempt.taskToken(), false);
        assertThat(service.setActivityAttemptHoldsClock(attempt.taskToken(), false)).isTrue();
        assertThat(service.isIdle()).isTrue();
    }

    private void start() {
        service.startWorkflow(StartWorkflowRequest.of("wf-1", "Transfer", "q", Payload.ofArguments(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
    }

    /** Starts the workflow and has its first task schedule one activity, whose attempt is then queued. */
    private void scheduleActivity(RetryPolicy retryPolicy, Duration heartbeatTimeout) {
        start();
        WorkflowTask task = service.pollWorkflowTask("q", Duration.ZERO);
        service.completeWorkflowTask(task.taskToken(), List.of(new Command(new ActivityTaskScheduledAttributes("1",
                "withdraw", "q", Payload.ofArguments(), Duration.ofMinutes(10), null, heartbeatTimeout,
                retryPolicy))));
    }

    private void failAttempt(ActivityTask attempt) {
        service.failActivityTask(attempt.taskToken(), Payload.fromJson(
                "{\"message\":\"down\",\"kind\":\"application\",\"type\":\"Unavailable\",\"nonRetryable\":false}"));
        List<HistoryEvent> events = service.getHistory("wf-1", null).getEvents();
        assertThat(events.get(events.size() - 1).getEventType()).isNotEqualTo(EventType.ActivityTaskFailed);
    }

    /** A clock that stands still until the scheduler moves it. */
    private final class ManualClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Holds deadlines until {@link #advanceTo} moves the clock past them, then runs them in deadline order. */
    private final class ManualScheduler implements Scheduler {
        private record Deadline(Instant at, long order, Runnable action, boolean[] canceled) {
        }

        private final List<Deadline> pending = new ArrayList<>();
        private long order;

        @Override
        public Cancellable schedule(Instant deadline, Runnable action) {
            boolean[] canceled = {false};
            pending.add(new Deadline(deadline, order++, action, canceled));
            return () -> canceled[0] = true;
        }

        void advanceTo(Instant target) {
            while (true) {
                Deadline next = pending.stream().filter(d -> !d.at().isAfter(target))
                        .min(Comparator.comparing(Deadline::at).thenComparingLong(Deadline::order)).orElse(null);
                if (next == null) {
                    break;
                }
                pending.remove(next);
                clock.now = next.at();
                if (!next.canceled()[0]) {
                    next.action().run();
                }
            }
            clock.now = target;
        }

        @Override
        public void close() {
            pending.clear();
        }
    }
}
