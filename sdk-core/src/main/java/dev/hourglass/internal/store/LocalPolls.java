package dev.hourglass.internal.store;

import dev.hourglass.internal.spi.ServiceClosedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The polls of one JDBC service's workers: when a poller looks at the database, and the tasks handed over to the
 * pollers that wait. A poll queue is a task queue's name after {@link #WORKFLOW} or {@link #ACTIVITY}.
 *
 * <p>The pollers of one queue share their looks at the database: after a look found nothing, none looks again until
 * something changed ({@link #workQueued}: work of this service, or a change the store's watcher saw), queued work the
 * look saw becomes due (a retry's backoff or a lease ends, in this process or another: {@link #looked}), or the idle
 * wait passed. So an idle worker reads each of its queues about once per idle wait, however many pollers it runs and
 * however short their polls. A poll with a zero timeout always looks.
 *
 * <p>Work that a transaction of the service makes due may be claimed in that transaction for a poller that waits
 * ({@link #waiting}), and is then {@linkplain #handOver handed over}: the next poll of its queue takes it.
 */
final class LocalPolls {

    /** The poll queues of workflow tasks and of activity tasks: these prefixes and the task queue's name. */
    static final String WORKFLOW = "workflow:";
    static final String ACTIVITY = "activity:";

    /** A look at a queue that found nothing: the generation of work it saw, when, and when queued work is due. */
    private record EmptyLook(long generation, long atNanos, long nextDueNanos) {

        /** When to look again: after the idle wait, or when queued work becomes due, if that is sooner. */
        long nextLookNanos(long idleWaitNanos) {
            return Math.min(atNanos + idleWaitNanos, nextDueNanos);
        }
    }

    private final long idleWaitNanos;
    private final Object lock = new Object();
    private long generation;
    private boolean closed;
    /** The last look that found nothing, per poll queue. */
    private final Map<String, EmptyLook> emptyLooks = new HashMap<>();
    /** When queued work of a poll queue becomes due, as its last look found, in System.nanoTime. */
    private final Map<String, Long> nextDue = new HashMap<>();
    /** Tasks claimed for the pollers in the transaction that made them due, by poll queue. */
    private final Map<String, ArrayDeque<Object>> handedOver = new HashMap<>();
    /** How many pollers of each poll queue are in a poll now. */
    private final Map<String, Integer> polling = new HashMap<>();
    /** The worker identity the last poller of each activity task queue gave. */
    private final Map<String, String> activityPollers = new HashMap<>();
    private long handOvers;

    LocalPolls(Duration idleWait) {
        this.idleWaitNanos = Math.max(1, idleWait.toNanos());
    }

    /**
     * Claims work of {@code queue} with {@code claim} until it gets some, a task is handed over, or {@code timeout}
     * passes; {@code null} then.
     *
     * @param what the poll as messages name it
     * @throws ServiceClosedException if the service is closed, or closes while the poll waits
     */
    <T> T poll(String queue, String what, Duration timeout, Supplier<T> claim) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            polling.merge(queue, 1, Integer::sum);
        }
        try {
            while (true) {
                long seen;
                synchronized (lock) {
                    if (closed) {
                        throw new ServiceClosedException("cannot " + what + ": the workflow service is closed");
                    }
                    T handed = takeHandedOver(queue);
                    if (handed != null) {
                        return handed;
                    }
                    seen = generation;
                }
                // a poll that may not wait asks the database itself
                long nextLook = timeout.isZero() ? Long.MIN_VALUE : nextLook(queue, seen);
                if (nextLook <= System.nanoTime()) {
                    T task = claim.get();
                    long lookedAt = System.nanoTime();
                    synchronized (lock) {
                        if (task != null) {
                            emptyLooks.remove(queue); // there may be more
                            return task;
                        }
                        Long due = nextDue.remove(queue);
                        EmptyLook look = new EmptyLook(seen, lookedAt, due == null ? Long.MAX_VALUE : due);
                        emptyLooks.put(queue, look);
                        nextLook = look.nextLookNanos(idleWaitNanos);
                    }
                }
                long now = System.nanoTime();
                long remaining = deadline - now;
                if (remaining <= 0) {
                    synchronized (lock) {
                        return takeHandedOver(queue);
                    }
                }
                awaitWork(seen, Math.max(1, Math.min(nextLook - now, remaining)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            synchronized (lock) {
                polling.computeIfPresent(queue, (key, count) -> count == 1 ? null : count - 1);
            }
        }
    }

    /**
     * Notes what a look at a poll queue found, {@code inMillis} being how long until its next queued work becomes due
     * ({@code null}: none waits), for the empty look the poller records. Returns whether work is due now.
     */
    boolean looked(String queue, boolean due, Long inMillis) {
        if (!due && inMillis != null) {
            // a millisecond late rather than early: the store's times are whole milliseconds
            long dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, inMillis) + 1);
            synchronized (lock) {
                nextDue.put(queue, dueNanos);
            }
        }
        return due;
    }

    /**
     * How many more tasks of {@code queue} its pollers that poll now would take: those in a poll, less the tasks
     * handed over already.
     */
    int waiting(String queue) {
        synchronized (lock) {
            ArrayDeque<Object> tasks = handedOver.get(queue);
            return polling.getOrDefault(queue, 0) - (tasks == null ? 0 : tasks.size());
        }
    }

    /** Whether a poller of any poll queue named with {@code prefix} is in a poll now. */
    boolean anyPolling(String prefix) {
        synchronized (lock) {
            return !closed && polling.keySet().stream().anyMatch(queue -> queue.startsWith(prefix));
        }
    }

    /** How many pollers of {@code queue} are in a poll now. */
    int pollers(String queue) {
        synchronized (lock) {
            return polling.getOrDefault(queue, 0);
        }
    }

    /** Notes the worker identity a poller of activity tasks of {@code taskQueue} gave. */
    void activityPoller(String taskQueue, String identity) {
        synchronized (lock) {
            activityPollers.put(taskQueue, identity);
        }
    }

    /** The worker identity the last poller of activity tasks of {@code taskQueue} gave, or {@code null}. */
    String activityPollerIdentity(String taskQueue) {
        synchronized (lock) {
            return activityPollers.get(taskQueue);
        }
    }

    /**
     * Gives a task claimed for the pollers of {@code queue} to them: the next poll of the queue takes it. A task a
     * closing service still holds is left to its lease, which runs out, and the task is due again.
     */
    void handOver(String queue, Object task) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            handedOver.computeIfAbsent(queue, key -> new ArrayDeque<>()).addLast(task);
            handOvers++;
            generation++;
            lock.notifyAll();
        }
    }

    /** How many tasks were handed over. */
    long handOvers() {
        synchronized (lock) {
            return handOvers;
        }
    }

    /** Wakes the pollers: work was queued, or something changed that they or result waits look for. */
    void workQueued() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    /** How many times work was queued so far: a reader that saw the same number has seen every change. */
    long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Ends the polls: those waiting wake up to a {@link ServiceClosedException}; handed-over tasks are dropped. */
    void close() {
        synchronized (lock) {
            closed = true;
            handedOver.clear();
            lock.notifyAll();
        }
    }

    /** A task handed over to the pollers of {@code queue}, or {@code null}; the caller holds the lock. */
    @SuppressWarnings("unchecked") // the queue's name says the task's type: see handOver's callers
    private <T> T takeHandedOver(String queue) {
        ArrayDeque<Object> tasks = handedOver.get(queue);
        if (tasks == null) {
            return null;
        }
        T task = (T) tasks.pollFirst();
        if (tasks.isEmpty()) {
            handedOver.remove(queue);
        }
        return task;
    }

    /** When a poller of {@code queue} that saw generation {@code seen} should look at the database next. */
    private long nextLook(String queue, long seen) {
        synchronized (lock) {
            EmptyLook last = emptyLooks.get(queue);
            return last == null || last.generation() != seen ? Long.MIN_VALUE : last.nextLookNanos(idleWaitNanos);
        }
    }

    private void awaitWork(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            long remaining = nanos;
            while (generation == seen && !closed && remaining > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                remaining = deadline - System.nanoTime();
            }
        }
    }
}
