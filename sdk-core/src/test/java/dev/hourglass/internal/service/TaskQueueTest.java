package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class TaskQueueTest {

    /** Ranks a workflow task by the number at the end of its run id, descending: the newest first. */
    private static final TaskOrder NEWEST_FIRST = (runId, activityId, number) -> -Long.parseLong(runId.substring(4));

    private final TaskQueue queue = new TaskQueue(new ReentrantLock());

    private void queueRuns(TaskOrder order, int from, int to) {
        for (int i = from; i < to; i++) {
            Run run = new Run("workflow-" + i, "run-" + i, "Type", "queue", null, null, null, null);
            run.taskRank = order.rank(run.runId, null, 1);
            queue.addWorkflowTask(run);
        }
    }

    private List<String> takeAll(TaskOrder order) {
        List<String> taken = new ArrayList<>();
        for (Object item = queue.takeWorkflowItem(order); item != null; item = queue.takeWorkflowItem(order)) {
            taken.add(item instanceof Run ? ((Run) item).runId : "query");
        }
        return taken;
    }

    @Test
    void firstInFirstOutTakesWorkflowTasksInTheOrderTheyWereQueued() {
        queueRuns(TaskOrder.FIFO, 0, 3);

        assertThat(takeAll(TaskOrder.FIFO)).containsExactly("run-0", "run-1", "run-2");
    }

    @Test
    void takesTheLowestRankedOfTheWorkflowTasksQueuedTogether() {
        queueRuns(NEWEST_FIRST, 0, 3);

        assertThat(takeAll(NEWEST_FIRST)).containsExactly("run-2", "run-1", "run-0");
    }

    @Test
    void aQueryIsTakenAfterTheWorkflowTasksQueuedBeforeItAndBeforeThoseQueuedAfterIt() {
        queueRuns(NEWEST_FIRST, 0, 2);
        queue.addQuery(new TaskQueue.QueryItem("q-1", null, "status", null));
        queueRuns(NEWEST_FIRST, 2, 4);

        assertThat(takeAll(NEWEST_FIRST)).containsExactly("run-1", "run-0", "query", "run-3", "run-2");
    }

    @Test
    void takesTheLowestRankedActivityAttempt() {
        queue.attempts.add(new TaskQueue.AttemptItem(null, "at-1", 5));
        queue.attempts.add(new TaskQueue.AttemptItem(null, "at-2", -3));
        queue.attempts.add(new TaskQueue.AttemptItem(null, "at-3", 7));

        assertThat(queue.takeAttempt((runId, activityId, number) -> 0).token()).isEqualTo("at-2");
    }
}
