package dev.hourglass.testing.internal;

import dev.hourglass.internal.service.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where virtual time moves. Deadlines (timers, retry backoffs, timeouts, delayed callbacks)
 * wait in a queue ordered by instant and then by the order they were scheduled; the scheduler's thread fires
 * the earliest one only when the service is idle (no workflow task or activity attempt pending) and someone
 * lets time skip (a client waits for a result, or the test sleeps). Deadlines fire under the service lock,
 * so nothing can slip in between the idle check and the firing.
 */
public final class VirtualScheduler implements Scheduler {

    private static final Logger log = LoggerFactory.getLogger(VirtualScheduler.class);

    private final VirtualClock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private ReentrantLock lock;
    private Condition changed;
    private BooleanSupplier idle;
    private long sequence;
    private int skipPermits;
    private boolean skippingEnabled = true;
    private Instant sleepTarget;
    private boolean closed;
    private Thread driver;

    private final class Entry implements Comparable<Entry>, Cancellable {
        final Instant deadline;
        final long order;
        final Runnable action;

        Entry(Instant deadline, long order, Runnable action) {
            this.deadline = deadline;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = deadline.compareTo(other.deadline);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        @Override
        public void cancel() {
            lock.lock();
            try {
                queue.remove(this);
            } finally {
                lock.unlock();
            }
        }
    }

    public VirtualScheduler(VirtualClock clock) {
        this.clock = clock;
    }

    /** Connects the scheduler to the service's lock and idleness, and starts its thread. */
    public void attach(ReentrantLock serviceLock, BooleanSupplier serviceIdle) {
        this.lock = serviceLock;
        this.changed = serviceLock.newCondition();
        this.idle = serviceIdle;
        this.driver = new Thread(this::drive, "hourglass-virtual-time");
        this.driver.setDaemon(true);
        this.driver.start();
    }

    @Override
    public Cancellable schedule(Instant deadline, Runnable action) {
        lock.lock();
        try {
            Entry entry = new Entry(deadline, ++sequence, action);
            queue.add(entry);
            changed.signalAll();
            return entry;
        } finally {
            lock.unlock();
        }
    }

    /** Called by the service (under its lock) when it becomes idle. */
    public void onIdle() {
        changed.signalAll();
    }

    /** Lets time skip while the returned handle is open (a client waiting for a result). */
    public AutoCloseable allowSkipping() {
        lock.lock();
        try {
            skipPermits++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return () -> {
            lock.lock();
            try {
                skipPermits--;
            } finally {
                lock.unlock();
            }
        };
    }

    /** Turns automatic skipping on or off; {@link #sleep} moves time either way. */
    public void setSkippingEnabled(boolean enabled) {
        lock.lock();
        try {
            skippingEnabled = enabled;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Moves virtual time forward by {@code duration}, firing everything due in order, each once idle. */
    public void sleep(Duration duration) {
        lock.lock();
        try {
            Instant target = clock.instant().plus(duration);
            sleepTarget = target;
            changed.signalAll();
            while (sleepTarget != null && !closed) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void drive() {
        lock.lock();
        try {
            while (!closed) {
                if (!idle.getAsBoolean()) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                Entry next = queue.peek();
                boolean skipping = skippingEnabled && skipPermits > 0;
                if (next != null && (!next.deadline.isAfter(clock.instant()) || skipping
                        || (sleepTarget != null && !next.deadline.isAfter(sleepTarget)))) {
                    queue.poll();
                    clock.advanceTo(next.deadline);
                    fire(next);
                    continue;
                }
                if (sleepTarget != null) {
                    clock.advanceTo(sleepTarget);
                    sleepTarget = null;
                    changed.signalAll();
                    continue;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void fire(Entry entry) {
        try {
            entry.action.run();
        } catch (RuntimeException | Error e) {
            log.error("deadline action at {} failed", entry.deadline, e);
        }
    }

    /** The number of deadlines waiting, for tests. */
    public int pendingDeadlines() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
