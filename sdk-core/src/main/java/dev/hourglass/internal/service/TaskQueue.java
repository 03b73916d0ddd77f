package dev.hourglass.internal.service;

import dev.hourglass.history.Payload;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The pending workflow tasks, queries and activity attempts of one task queue; guarded by the service lock. */
final class TaskQueue {

    /** A query waiting for a worker. */
    record QueryItem(String token, Run run, String queryType, Payload args) {
    }

    /** An activity attempt waiting for a worker. */
    record AttemptItem(ActivityState activity, String token, long rank) {
    }

    /** Workflow tasks ({@link Run}s) and {@link QueryItem}s, in the order they were queued. */
    final PendingTasks<Object> workflowItems = new PendingTasks<>();
    final PendingTasks<AttemptItem> attempts = new PendingTasks<>();
    final Condition workflowAvailable;
    final Condition activityAvailable;

    TaskQueue(ReentrantLock lock) {
        this.workflowAvailable = lock.newCondition();
        this.activityAvailable = lock.newCondition();
    }

    /**
     * Takes the next workflow task or query, {@code null} if none waits: of the workflow tasks queued before the
     * first waiting query, the one {@code order} ranks lowest. A query waits for the workflow tasks queued before
     * it (so that it sees what they record, a signal sent before it for one), and the tasks queued after it wait
     * for the query.
     */
    Object takeWorkflowItem(TaskOrder order) {
        int best = 0;
        if (order != TaskOrder.FIFO && workflowItems.size() > 1 && workflowItems.get(0) instanceof Run) {
            long lowest = ((Run) workflowItems.get(0)).taskRank;
            for (int i = 1; i < workflowItems.size(); i++) {
                Object item = workflowItems.get(i);
                if (!(item instanceof Run)) {
                    break;
                }
                if (((Run) item).taskRank < lowest) {
                    lowest = ((Run) item).taskRank;
                    best = i;
                }
            }
        }
        return workflowItems.take(best);
    }

    /**
     * Counts the workflow tasks, queries and activity attempts waiting for a worker, leaving out the entries that a
     * take would skip (a run whose task is no longer queued, an attempt that is no longer current).
     */
    long dueCount() {
        long count = 0;
        for (Object item : workflowItems) {
            if (!(item instanceof Run) || ((Run) item).task.state() == WorkflowTaskLifecycle.State.SCHEDULED) {
                count++;
            }
        }
        for (AttemptItem item : attempts) {
            if (item.token().equals(item.activity().currentToken) && item.activity().attemptState.isQueued()) {
                count++;
            }
        }
        return count;
    }

    /** Queues the workflow task of {@code run}. */
    void addWorkflowTask(Run run) {
        workflowItems.add(run);
    }

    /** Queues {@code query}, after the workflow tasks queued so far. */
    void addQuery(QueryItem query) {
        workflowItems.add(query);
    }

    /** Takes the queued activity attempt that {@code order} ranks lowest; {@code null} if none waits. */
    AttemptItem takeAttempt(TaskOrder order) {
        int best = 0;
        if (order != TaskOrder.FIFO && attempts.size() > 1) {
            long lowest = attempts.get(0).rank();
            for (int i = 1; i < attempts.size(); i++) {
                if (attempts.get(i).rank() < lowest) {
                    lowest = attempts.get(i).rank();
                    best = i;
                }
            }
        }
        return attempts.take(best);
    }
}
