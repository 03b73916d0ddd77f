package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A completion can take the next due task of its queue in its own transaction, so that a busy worker goes from one
 * task to the next without a transaction that only claims: for workflow tasks, and for activity attempts.
 */
class JdbcTakeNextTest extends OneServiceTestBase {

    @Test
    void completingAWorkflowTaskTakesTheNextDueTaskOfItsQueue() throws Exception {
        service.startWorkflow(start("transfer-1"));
        service.startWorkflow(start("transfer-2"));
        WorkflowTask first = service.pollWorkflowTask("payments", Duration.ZERO);

        WorkflowTask next = service.completeWorkflowTaskAndTakeNext(first.taskToken(),
                List.of(new Command(withdraw())), "payments");

        assertThat(types("transfer-1")).endsWith(EventType.ActivityTaskScheduled);
        assertThat(next.history().getWorkflowId()).isEqualTo("transfer-2");
        assertThat(database.query("SELECT CASE WHEN lease_owner IS NULL THEN 'queued' ELSE 'leased' END"
                + " FROM hourglass_workflow_tasks")).as("claimed with the completion").containsExactly("leased");
        assertThat(service.pollWorkflowTask("payments", Duration.ZERO)).as("nothing else is due").isNull();
    }

    @Test
    void aTaskTakenWithACompletionIsCompletedLikeAPolledOne() throws Exception {
        service.startWorkflow(start("transfer-1"));
        service.startWorkflow(start("transfer-2"));
        WorkflowTask first = service.pollWorkflowTask("payments", Duration.ZERO);
        WorkflowTask next = service.completeWorkflowTaskAndTakeNext(first.taskToken(),
                List.of(new Command(withdraw())), "payments");

        WorkflowTask none = service.completeWorkflowTaskAndTakeNext(next.taskToken(),
                List.of(new Command(withdraw())), "payments");

        assertThat(none).as("no workflow task is due: the activities are on their own queue").isNull();
        assertThat(types("transfer-2")).endsWith(EventType.ActivityTaskScheduled);
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_workflow_tasks")).containsExactly("0");
    }

    @Test
    void completingAnAttemptTakesTheNextDueAttemptOfItsQueueForTheSameWorker() throws Exception {
        scheduleWithdrawal("transfer-1");
        scheduleWithdrawal("transfer-2");
        ActivityTask first = service.pollActivityTask("payments", "worker-7", Duration.ZERO);

        ActivityTask next = service.completeActivityTaskAndTakeNext(first.taskToken(),
                Payload.fromJson("\"withdrawn\""), "payments", "worker-7");

        assertThat(types(first.workflowId())).endsWith(EventType.ActivityTaskStarted, EventType.ActivityTaskCompleted);
        assertThat(next.workflowId()).isNotEqualTo(first.workflowId());
        assertThat(next.attempt()).isEqualTo(1);
        assertThat(database.query("SELECT state || ' ' || worker_identity FROM hourglass_activity_tasks"))
                .containsExactly("RUNNING worker-7");
        assertThat(service.completeActivityTaskAndTakeNext(next.taskToken(), Payload.fromJson("\"withdrawn\""),
                "payments", "worker-7")).as("no attempt is left").isNull();
        assertThat(types(next.workflowId())).endsWith(EventType.ActivityTaskCompleted);
    }

    @Test
    void aStaleCompletionRecordsNothingButStillTakesTheNextAttempt() throws Exception {
        scheduleWithdrawal("transfer-1");
        scheduleWithdrawal("transfer-2");
        ActivityTask first = service.pollActivityTask("payments", "worker-7", Duration.ZERO);
        service.completeActivityTask(first.taskToken(), Payload.fromJson("\"withdrawn\""));

        ActivityTask next = service.completeActivityTaskAndTakeNext(first.taskToken(),
                Payload.fromJson("\"again\""), "payments", "worker-7");

        assertThat(types(first.workflowId())).filteredOn(type -> type == EventType.ActivityTaskCompleted)
                .hasSize(1);
        assertThat(next.workflowId()).isNotEqualTo(first.workflowId());
    }

    private void scheduleWithdrawal(String workflowId) {
        service.startWorkflow(start(workflowId));
        WorkflowTask task = service.pollWorkflowTask("payments", Duration.ZERO);
        service.completeWorkflowTask(task.taskToken(), List.of(new Command(withdraw())));
    }

    private static ActivityTaskScheduledAttributes withdraw() {
        return new ActivityTaskScheduledAttributes("1", "withdraw", "payments", Payload.fromJson("[\"alice\",420]"),
                Duration.ofMinutes(1), null, null, null, null);
    }

    private List<EventType> types(String workflowId) {
        return service.getHistory(workflowId, null).getEvents().stream().map(HistoryEvent::getEventType).toList();
    }
}
