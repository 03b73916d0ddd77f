package dev.hourglass.internal.service;

import dev.hourglass.history.Payload;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The pending workflow tasks, queries and activity attempts of one task queue; guarded by the service lock. */
final class TaskQueue {

    /** A query waiting for a worker. */
    record QueryItem(String token, Run run, String queryType, Payload args) {
    }

    /** An activity attempt waiting for a worker. */
    record AttemptItem(ActivityState activity, String token) {
    }

    final ArrayDeque<Object> workflowItems = new ArrayDeque<>();
    final ArrayDeque<AttemptItem> attempts = new ArrayDeque<>();
    final Condition workflowAvailable;
    final Condition activityAvailable;

    TaskQueue(ReentrantLock lock) {
        this.workflowAvailable = lock.newCondition();
        this.activityAvailable = lock.newCondition();
    }
}
