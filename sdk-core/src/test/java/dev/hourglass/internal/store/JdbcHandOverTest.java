package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Work that a transaction makes due is claimed in that transaction for a poller of the same service that waits for
 * it: an activity a workflow task schedules, and the workflow task an activity's outcome makes due. The poller gets it
 * without a transaction of its own; without a waiting poller the work stays queued for any worker.
 */
class JdbcHandOverTest extends OneServiceTestBase {

    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    @Test
    void anActivityScheduledWhileAPollerOfItsQueueWaitsIsStartedForThatPollerInTheSameTransaction()
            throws Exception {
        WorkflowTask first = startTransfer();
        CompletableFuture<ActivityTask> polled = CompletableFuture.supplyAsync(
                () -> service.pollActivityTask("payments", "worker-7", LONG_POLL));
        await().atMost(10, TimeUnit.SECONDS).until(() -> service.activityPollers("payments") == 1);

        service.completeWorkflowTask(first.taskToken(), List.of(new Command(withdraw())));

        assertThat(database.query("SELECT state || ' ' || worker_identity FROM hourglass_activity_tasks"))
                .as("started when the completion committed").containsExactly("RUNNING worker-7");
        assertThat(service.handOvers()).isEqualTo(1);
        ActivityTask attempt = polled.get(10, TimeUnit.SECONDS);
        assertThat(attempt.activityType()).isEqualTo("withdraw");
        assertThat(attempt.attempt()).isEqualTo(1);
        service.completeActivityTask(attempt.taskToken(), Payload.fromJson("\"withdrawn\""));
        assertThat(types()).endsWith(EventType.ActivityTaskStarted, EventType.ActivityTaskCompleted);
    }

    @Test
    void anActivityScheduledWhileNoPollerWaitsStaysQueued() throws Exception {
        WorkflowTask first = startTransfer();

        service.completeWorkflowTask(first.taskToken(), List.of(new Command(withdraw())));

        assertThat(service.activityPollers("payments")).isZero();
        assertThat(service.handOvers()).isZero();
        assertThat(database.query("SELECT state FROM hourglass_activity_tasks")).containsExactly("QUEUED");
        assertThat(service.pollActivityTask("payments", "worker-7", Duration.ZERO)).isNotNull();
    }

    @Test
    void anActivityOutcomeHandsTheRunsWorkflowTaskToAWaitingWorkflowPoller() throws Exception {
        WorkflowTask first = startTransfer();
        service.completeWorkflowTask(first.taskToken(), List.of(new Command(withdraw())));
        ActivityTask attempt = service.pollActivityTask("payments", "worker-7", Duration.ZERO);
        CompletableFuture<WorkflowTask> polled = CompletableFuture.supplyAsync(
                () -> service.pollWorkflowTask("payments", LONG_POLL));
        await().atMost(10, TimeUnit.SECONDS).until(() -> service.workflowPollers("payments") == 1);

        service.completeActivityTask(attempt.taskToken(), Payload.fromJson("\"withdrawn\""));

        assertThat(service.handOvers()).as("claimed when the outcome committed").isEqualTo(1);
        WorkflowTask next = polled.get(10, TimeUnit.SECONDS);
        List<HistoryEvent> events = next.history().getEvents();
        assertThat(events.get(events.size() - 1).getEventType()).isEqualTo(EventType.ActivityTaskCompleted);
        service.completeWorkflowTask(next.taskToken(), List.of());
        assertThat(service.pollWorkflowTask("payments", Duration.ZERO)).as("the task was completed").isNull();
    }

    @Test
    void anActivityOutcomeWithNoWorkflowPollerWaitingLeavesTheTaskQueued() throws Exception {
        WorkflowTask first = startTransfer();
        service.completeWorkflowTask(first.taskToken(), List.of(new Command(withdraw())));
        ActivityTask attempt = service.pollActivityTask("payments", "worker-7", Duration.ZERO);

        service.completeActivityTask(attempt.taskToken(), Payload.fromJson("\"withdrawn\""));

        assertThat(database.query("SELECT CASE WHEN lease_owner IS NULL THEN 'queued' ELSE 'leased' END"
                + " FROM hourglass_workflow_tasks")).containsExactly("queued");
        assertThat(service.handOvers()).isZero();
        assertThat(service.pollWorkflowTask("payments", Duration.ZERO)).isNotNull();
    }

    private WorkflowTask startTransfer() {
        service.startWorkflow(start("transfer-1"));
        return service.pollWorkflowTask("payments", Duration.ZERO);
    }

    private static ActivityTaskScheduledAttributes withdraw() {
        return new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[\"alice\",420]"),
                Duration.ofMinutes(1), null, null, null, null);
    }

    private List<EventType> types() {
        return service.getHistory("transfer-1", null).getEvents().stream().map(HistoryEvent::getEventType).toList();
    }
}
