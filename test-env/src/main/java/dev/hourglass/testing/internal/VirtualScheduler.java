package dev.hourglass.testing.internal;

import dev.hourglass.internal.schedules.ScheduleWorkflow;
import dev.hourglass.internal.service.Scheduler;
import dev.hourglass.internal.worker.DrivenWorker;
import dev.hourglass.internal.worker.TaskDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where virtual time moves, and the one thread that runs the environment's tasks.
 *
 * <p>Deadlines (timers, retry backoffs, timeouts, delayed callbacks, signals of a fault plan) wait in a queue
 * ordered by instant and then by the order they were scheduled. The scheduler's thread (the driver) loops: while
 * a workflow task, query or activity attempt is queued it runs it itself, in the order the service hands them
 * out (of those queued together, the one {@code SeededTaskOrder} ranks lowest); when the service is
 * idle (nothing queued or running) and someone lets time skip (a client waits for a result, or the test
 * sleeps), it moves the clock to the earliest deadline and fires every deadline due at that instant in one
 * pass, in an order the seeded tie-order PRNG draws: a shuffle of the deadlines due at the same instant, drawn
 * on the driver thread only when two or more are due together. So one seed always gives one order, different
 * seeds explore different orders, and the draws never depend on when other threads schedule deadlines.
 * Deadlines fire under the service lock, so nothing can slip in between the idle check and the firing.
 * Canceling a deadline only marks it; marked entries are dropped when they reach the head of the queue or
 * when they outnumber the live ones.
 *
 * <p>An activity attempt that heartbeats, or that the {@link ActivityWatchdog} finds still running on the
 * driver thread after a while, keeps its thread: a new driver thread takes over and the old one stops driving
 * once the attempt is over. So one thread drives at any time, and a blocking activity holds up nothing but
 * the clock: time does not move while an attempt runs, unless the attempt has a heartbeat timeout and has
 * gone quiet long enough to count as hung (see {@code HungActivities}).
 */
public final class VirtualScheduler implements Scheduler, TaskDriver {

    private static final Logger log = LoggerFactory.getLogger(VirtualScheduler.class);
    private static final int COMPACTION_THRESHOLD = 1024;
    /**
     * The driver threads of all environments: a thread that stops driving goes back to the pool for the next
     * environment, so a test or fuzz trial that opens an environment does not start a thread for it.
     */
    private static final Executor DRIVERS = DaemonThreads.pool("hourglass-virtual-time");

    private final VirtualClock clock;
    /** Draws the order of deadlines due at the same instant; used on the driver thread, under the lock. */
    private final SplittableRandom tieOrder;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final List<DrivenWorker> workers = new CopyOnWriteArrayList<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private ReentrantLock lock;
    private Condition changed;
    private BooleanSupplier idle;
    private Function<Set<String>, List<String>> unpolledWork = polled -> List.of();
    private Consumer<List<String>> onStalled = stalled -> { };
    private volatile Runnable hungActivityCheck = () -> { };
    private long sequence;
    private int canceled;
    private int skipPermits;
    private boolean skippingEnabled = true;
    private boolean workPending = true;
    private Instant sleepTarget;
    private volatile boolean closed;
    /**
     * The thread that drives now; it changes when an activity running on it blocks or heartbeats, and is null
     * between a hand-over and the start of the new driver.
     */
    private volatile Thread driver;
    /** Counts hand-overs: a pooled thread drives only if no newer hand-over happened before it started. */
    private long driverGeneration;
    /** Whether the latest driver is scheduled or running (false once it has left its loop). */
    private boolean driverRunning;
    /** The token of the activity attempt running on the driver thread, 0 if none. */
    private volatile long inlineActivity;
    private long activitySequence;
    private long inlineActivitySeenByWatchdog;

    private final class Entry implements Comparable<Entry>, Cancellable {
        final Instant deadline;
        final long order;
        final Runnable action;
        boolean inQueue = true;
        boolean canceledMark;
        boolean fired;

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
                if (fired || canceledMark) {
                    return;
                }
                canceledMark = true;
                if (inQueue) {
                    canceled++;
                    if (canceled > COMPACTION_THRESHOLD && canceled > queue.size() / 2) {
                        compact();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Creates a scheduler over {@code clock} whose ties (deadlines due at the same instant) fire in an order drawn
     * from {@code tieSeed}. The PRNG is a {@link SplittableRandom}, whose first draws differ well even for seeds
     * 1, 2, 3 (those of {@link java.util.Random} do not), and nothing else draws from it.
     */
    public VirtualScheduler(VirtualClock clock, long tieSeed) {
        this.clock = clock;
        this.tieOrder = new SplittableRandom(tieSeed);
    }

    /** Connects the scheduler to the service's lock and idleness, and starts its thread. */
    public void attach(ReentrantLock serviceLock, BooleanSupplier serviceIdle) {
        this.lock = serviceLock;
        this.changed = serviceLock.newCondition();
        this.idle = serviceIdle;
        lock.lock();
        try {
            startDriver();
        } finally {
            lock.unlock();
        }
        ActivityWatchdog.watch(this);
    }

    /**
     * Hands the driver role to a new thread of the shared pool, which takes it from the current one at once: from
     * here until the new thread starts, no thread drives (the current one stops at its next check), and the new
     * one finds the work pending. Called under the lock.
     */
    private void startDriver() {
        long generation = ++driverGeneration;
        driver = null;
        driverRunning = true;
        workPending = true;
        DRIVERS.execute(() -> drive(generation));
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

    /** Called by the service (under its lock) when a workflow task, query or activity attempt is queued. */
    public void onWorkQueued() {
        if (!workPending) {
            workPending = true;
            if (!isDriving()) {
                changed.signalAll();
            }
        }
    }

    @Override
    public void register(DrivenWorker worker) {
        workers.add(worker);
        wake();
    }

    @Override
    public void unregister(DrivenWorker worker) {
        workers.remove(worker);
    }

    @Override
    public void wake() {
        lock.lock();
        try {
            workPending = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isDriving() {
        return Thread.currentThread() == driver;
    }

    @Override
    public long activityStarted() {
        long token = ++activitySequence; // only the driver thread runs attempts it starts
        inlineActivity = token;
        return token;
    }

    @Override
    public void activityEnded(long token) {
        if (inlineActivity == token) {
            inlineActivity = 0;
        }
    }

    @Override
    public void handOver() {
        if (Thread.currentThread() != driver) {
            return;
        }
        lock.lock();
        try {
            if (!closed && Thread.currentThread() == driver) {
                inlineActivity = 0;
                startDriver();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void released(Thread thread) {
        lock.lock();
        try {
            if (!closed && driver == thread) {
                log.debug("workflow code that does not yield holds the virtual-time thread; driving on another thread");
                inlineActivity = 0;
                startDriver();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the {@link ActivityWatchdog} now and then: an activity attempt that has been running on the
     * driver thread since the previous call gets the driver role taken away from under it, so that a blocking
     * activity cannot stop workflow tasks or other activities for long; then the hung-activity check runs.
     */
    void watchdogTick() {
        handOverIfStuck();
        hungActivityCheck.run();
    }

    /** Sets what the {@link ActivityWatchdog} runs for this environment on each look, after the hand-over. */
    void setHungActivityCheck(Runnable check) {
        this.hungActivityCheck = check;
    }

    private void handOverIfStuck() {
        long running = inlineActivity;
        if (running != 0 && running == inlineActivitySeenByWatchdog) {
            lock.lock();
            try {
                if (!closed && inlineActivity == running) {
                    log.debug("an activity attempt has blocked the virtual-time thread for a while; driving on"
                            + " another thread");
                    inlineActivity = 0;
                    startDriver();
                }
            } finally {
                lock.unlock();
            }
        }
        inlineActivitySeenByWatchdog = running;
    }

    /**
     * Runs {@code action} on the driver thread once it holds no lock and has finished the task it is running
     * (called on the driver thread), or at once (called on any other thread).
     */
    public void runOutsideTask(Runnable action) {
        if (!isDriving()) {
            action.run();
            return;
        }
        synchronized (deferred) {
            deferred.add(action);
        }
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
        if (isDriving()) {
            throw new IllegalStateException("TestWorkflowEnvironment.sleep was called on the environment's own"
                    + " thread (from a delayed callback or an activity), which is the thread that moves time: call"
                    + " it from the test, or register another delayed callback for the later instant");
        }
        lock.lock();
        try {
            Instant target = clock.instant().plus(duration);
            sleepTarget = target;
            changed.signalAll();
            while (sleepTarget != null && !closed) {
                changed.awaitUninterruptibly();
            }
            if (sleepTarget != null) {
                throw new IllegalStateException("the test environment was closed while TestWorkflowEnvironment.sleep"
                        + " waited for virtual time to reach " + target);
            }
        } finally {
            lock.unlock();
        }
    }

    private void drive(long generation) {
        lock.lock();
        try {
            if (generation != driverGeneration) {
                return; // another thread took the role before this one started
            }
            driver = Thread.currentThread();
            drive();
        } finally {
            if (generation == driverGeneration) {
                driver = null; // the pooled thread may drive another environment next
                driverRunning = false;
                changed.signalAll();
            }
            lock.unlock();
        }
    }

    /** The driver's loop; runs under the lock (released while tasks run) until closed or another thread drives. */
    private void drive() {
        while (!closed && isDriving()) {
            if (workPending) {
                workPending = false;
                lock.unlock();
                try {
                    runQueuedWork();
                } finally {
                    lock.lock();
                }
                continue;
            }
            if (!idle.getAsBoolean()) {
                reportIfStalled();
                if (!idle.getAsBoolean()) { // looking may have let go of work that only waits for a timeout
                    changed.awaitUninterruptibly();
                }
                continue;
            }
            Entry next = head();
            boolean skipping = skippingEnabled && skipPermits > 0;
            if (next != null && (!next.deadline.isAfter(clock.instant()) || skipping
                    || (sleepTarget != null && !next.deadline.isAfter(sleepTarget)))) {
                clock.advanceTo(next.deadline);
                fireAllDueAt(next.deadline);
                runDeferred();
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
    }

    /**
     * Sets how to find work that no registered worker can take ({@code unpolledWork}, given the task queues the
     * workers poll, called under the lock) and whom to tell when a client waits while that is all the work
     * there is ({@code onStalled}, called outside the lock): the environment would otherwise wait forever.
     */
    public void setStallHandling(Function<Set<String>, List<String>> unpolledWork, Consumer<List<String>> onStalled) {
        this.unpolledWork = unpolledWork;
        this.onStalled = onStalled;
    }

    /** Tells of stalled work while a client waits; called under the lock by the driver. */
    private void reportIfStalled() {
        if (skipPermits == 0) {
            return;
        }
        Set<String> polled = new TreeSet<>();
        workers.forEach(worker -> polled.add(worker.getTaskQueue()));
        List<String> stalled = unpolledWork.apply(polled);
        if (!stalled.isEmpty()) {
            List<String> report = new ArrayList<>(stalled);
            Set<String> shown = new TreeSet<>(polled);
            shown.remove(ScheduleWorkflow.TASK_QUEUE); // every environment polls it; naming it would only distract
            report.add("the workers of this environment poll " + shown);
            deferred(() -> onStalled.accept(report));
            lock.unlock();
            try {
                runDeferred();
            } finally {
                lock.lock();
            }
        }
    }

    private void deferred(Runnable action) {
        synchronized (deferred) {
            deferred.add(action);
        }
    }

    /** Takes queued work until there is none; runs with the lock released. */
    private void runQueuedWork() {
        boolean worked = true;
        while (worked && !closed && isDriving()) {
            worked = false;
            for (DrivenWorker worker : workers) {
                try {
                    worked |= worker.runAvailable();
                } catch (RuntimeException | Error e) {
                    log.error("running a task of task queue '{}' failed", worker.getTaskQueue(), e);
                }
                if (!isDriving()) {
                    return; // an activity ran too long here: another thread drives now
                }
                runDeferred();
            }
        }
    }

    private void runDeferred() {
        while (true) {
            List<Runnable> actions;
            synchronized (deferred) {
                if (deferred.isEmpty()) {
                    return;
                }
                actions = new ArrayList<>(deferred);
                deferred.clear();
            }
            boolean held = lock.isHeldByCurrentThread();
            if (held) {
                lock.unlock();
            }
            try {
                for (Runnable action : actions) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        log.error("deferred action failed", e);
                    }
                }
            } finally {
                if (held) {
                    lock.lock();
                }
            }
        }
    }

    /** The earliest live entry, dropping canceled ones from the head; called under the lock. */
    private Entry head() {
        Entry next = queue.peek();
        while (next != null && next.canceledMark) {
            queue.poll().inQueue = false;
            canceled--;
            next = queue.peek();
        }
        return next;
    }

    /**
     * Fires every live deadline due at {@code instant} (or before) that was scheduled before this pass began,
     * earlier deadlines first and those due at the same instant in the order {@link #tieOrder} shuffles them
     * to; deadlines scheduled meanwhile for the same instant wait for the next pass.
     */
    private void fireAllDueAt(Instant instant) {
        List<Entry> due = new ArrayList<>();
        Entry next = head();
        while (next != null && !next.deadline.isAfter(instant)) {
            Entry entry = queue.poll();
            entry.inQueue = false;
            due.add(entry);
            next = head();
        }
        shuffleTies(due);
        for (Entry entry : due) {
            if (entry.canceledMark) {
                continue; // canceled by a deadline fired earlier in this pass
            }
            entry.fired = true;
            try {
                entry.action.run();
            } catch (RuntimeException | Error e) {
                log.error("deadline action at {} failed", entry.deadline, e);
            }
        }
    }

    /**
     * Shuffles each run of deadlines due at the same instant in {@code due} (which is in deadline, then
     * scheduling order) with a Fisher-Yates shuffle drawn from {@link #tieOrder}; draws nothing for a deadline
     * alone at its instant, the common case.
     */
    private void shuffleTies(List<Entry> due) {
        int start = 0;
        while (start < due.size()) {
            int end = start + 1;
            while (end < due.size() && due.get(end).deadline.equals(due.get(start).deadline)) {
                end++;
            }
            for (int i = end - 1; i > start; i--) {
                int j = start + tieOrder.nextInt(i - start + 1);
                Entry swapped = due.get(i);
                due.set(i, due.get(j));
                due.set(j, swapped);
            }
            start = end;
        }
    }

    private void compact() {
        List<Entry> live = new ArrayList<>(queue.size() - canceled);
        for (Entry entry : queue) {
            if (entry.canceledMark) {
                entry.inQueue = false;
            } else {
                live.add(entry);
            }
        }
        queue.clear();
        queue.addAll(live);
        canceled = 0;
    }

    /** The number of deadlines waiting (canceled ones excluded), for tests. */
    public int pendingDeadlines() {
        lock.lock();
        try {
            return queue.size() - canceled;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the driver; waits a little for the task it is running, unless called on the driver itself or the
     * driver runs an activity (which may block for good). Closing again does nothing.
     */
    @Override
    public void close() {
        ActivityWatchdog.unwatch(this);
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            canceled = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (isDriving() || inlineActivity != 0) {
            return;
        }
        lock.lock();
        try {
            long left = TimeUnit.SECONDS.toNanos(5);
            while (driverRunning && inlineActivity == 0 && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
