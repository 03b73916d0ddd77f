package dev.hourglass.internal.replay;

import dev.hourglass.failure.PotentialDeadlockException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the workflow threads of one execution one at a time, in creation order, until every one of them is
 * blocked in the Hourglass API or done, and delivers the next input event when they all are.
 *
 * <p>Control is a token held by one thread at a time: the thread that runs a workflow task (the task thread)
 * or one workflow thread. Whoever holds it also runs the scheduling loop ({@link WorkflowExecutor#nextToRun()}):
 * a workflow thread that blocks picks the next thread to run, and if all are blocked delivers the next input
 * event itself, so control moves to another OS thread only when another workflow thread must run or the task
 * is over. A workflow task of a single-threaded workflow therefore costs two hand-offs however many events it
 * delivers. Hand-offs go through semaphores, which also publish each side's writes to the other.
 *
 * <p>While a task runs, the {@link DeadlockDetector} may watch it: every pass through the scheduling loop, and
 * every start or resumption of a workflow thread, counts as progress. Workflow code that holds control without
 * calling the Hourglass API makes none; past the timeout the task is abandoned: it fails with a
 * {@link PotentialDeadlockException}, the thread that waits for the task is let go, and the stuck thread unwinds
 * whenever it comes back to the API.
 */
final class DeterministicRunner {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService POOL = newPool();
    private static final VarHandle PROGRESS;

    static {
        try {
            PROGRESS = MethodHandles.lookup().findVarHandle(DeterministicRunner.class, "passes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WorkflowExecutor executor;
    private final List<WorkflowThread> threads = new ArrayList<>();
    private final Semaphore yielded = new Semaphore(0);
    private int scanIndex;
    private boolean progress;
    private boolean idle = true;
    private long handOffs;
    private boolean taskOver;
    /** The thread that runs on the task thread itself, if any; it is unwound when the task is over. */
    private WorkflowThread inlineThread;
    /** Counts passes through the runner; written by the holder of control only, read by the deadlock detector. */
    @SuppressWarnings("unused") // through PROGRESS
    private long passes;
    /** The workflow thread that took control last, for the deadlock report. */
    private volatile WorkflowThread holder;
    /** Set once when the deadlock detector gives up on the running task. */
    private volatile PotentialDeadlockException abandoned;
    /** The thread that was stuck when the task was abandoned. */
    private volatile WorkflowThread stuck;
    /** Whether a task is running; guarded by {@code this}, so that a task ends or is abandoned, not both. */
    private boolean taskRunning;

    /**
     * Workflow threads are virtual threads where the JDK has them (21 and later): a blocked workflow thread
     * then parks no OS thread. On 17 they come from a cached pool of daemon threads.
     */
    private static ExecutorService newPool() {
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Object virtual = Thread.class.getMethod("ofVirtual").invoke(null);
            virtual = builder.getMethod("name", String.class, long.class).invoke(virtual, "hourglass-workflow-", 1L);
            java.util.concurrent.ThreadFactory threads = (java.util.concurrent.ThreadFactory) builder
                    .getMethod("factory").invoke(virtual);
            return (ExecutorService) Executors.class
                    .getMethod("newThreadPerTaskExecutor", java.util.concurrent.ThreadFactory.class)
                    .invoke(null, threads);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "hourglass-workflow-" + THREAD_NUMBER.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    DeterministicRunner(WorkflowExecutor executor) {
        this.executor = executor;
    }

    WorkflowExecutor executor() {
        return executor;
    }

    ExecutorService pool() {
        return POOL;
    }

    WorkflowThread newThread(String name, CancellationScopeImpl scope, Runnable body) {
        WorkflowThread thread = new WorkflowThread(this, name, scope, body);
        threads.add(thread);
        return thread;
    }

    /**
     * Runs one workflow task from the task thread: runs the workflow threads and delivers events until the
     * task is over (all threads blocked with no event left, or the executor stopped).
     *
     * <p>With {@code rootOnCallingThread}, the first thread (the workflow method) runs on the calling thread
     * itself, so that a workflow with a single thread is replayed with no hand-off at all; where it is still
     * blocked when the task is over, it is unwound, so the execution can only be destroyed afterwards.
     */
    void runTask(boolean rootOnCallingThread) {
        runTask(rootOnCallingThread, null, stuck -> { });
    }

    /**
     * Runs one workflow task like {@link #runTask(boolean)}, watched by the deadlock detector when
     * {@code deadlockTimeout} is set: {@code onStuck} hears (on the detector's thread) of a task abandoned because
     * its code held control that long without yielding.
     */
    void runTask(boolean rootOnCallingThread, Duration deadlockTimeout, Consumer<PotentialDeadlockException> onStuck) {
        idle = true;
        taskOver = false;
        synchronized (this) {
            taskRunning = true;
        }
        DeadlockDetector.Watch watch = DeadlockDetector.watch(this, deadlockTimeout, onStuck);
        try {
            WorkflowThread next = schedule();
            if (next != null && rootOnCallingThread && inlineThread == null && !next.isStarted()) {
                inlineThread = next;
                next.runOnCallingThread();
                next = taskOver || abandoned != null ? null : schedule();
            }
            if (next != null) {
                handTo(next);
                awaitYield();
            }
        } finally {
            DeadlockDetector.unwatch(watch);
            synchronized (this) {
                taskRunning = false;
            }
        }
    }

    /** The progress counter, read by the deadlock detector. */
    long progress() {
        return (long) PROGRESS.getOpaque(this);
    }

    /** Counts a pass of the holder of control through the runner; only the holder calls it. */
    private void madeProgress() {
        PROGRESS.setOpaque(this, (long) PROGRESS.getOpaque(this) + 1);
    }

    /**
     * Counts progress while the holder of control waits on purpose outside workflow code (a local activity the
     * worker runs), so that the deadlock detector does not take the wait for stuck code; only the holder calls it.
     */
    void keepAlive() {
        madeProgress();
    }

    /** Called by a workflow thread that has just taken control. */
    void running(WorkflowThread thread) {
        holder = thread;
        madeProgress();
    }

    /**
     * Gives up on the running task because its code has not yielded for {@code timeout}: records the report,
     * lets the thread that waits for the task go, and returns the report; {@code null} if the task ended first.
     * Called by the deadlock detector's thread.
     */
    PotentialDeadlockException abandonStuck(Duration timeout) {
        WorkflowThread stuck = holder;
        PotentialDeadlockException report = executor.deadlockReport(stuck, timeout);
        synchronized (this) {
            if (!taskRunning || abandoned != null) {
                return null;
            }
            abandoned = report;
            this.stuck = stuck;
        }
        yielded.release();
        return report;
    }

    /** Whether the thread found stuck when the task was abandoned has not come back yet. */
    boolean isStillStuck() {
        WorkflowThread thread = stuck;
        return abandoned != null && thread != null && !thread.isDone();
    }

    /** The deadlock report of an abandoned task, or {@code null}. */
    PotentialDeadlockException abandoned() {
        return abandoned;
    }

    /**
     * The scheduling loop, run by the holder of control: the next thread to run, or {@code null} when the task
     * is over.
     */
    WorkflowThread schedule() {
        madeProgress();
        WorkflowThread next = executor.nextToRun();
        if (next == null) {
            taskOver = true;
            if (inlineThread != null && !inlineThread.isDone()) {
                // the workflow method is about to be unwound: nothing it does while unwinding may count
                executor.inlineTaskOver();
            }
        }
        return next;
    }

    /** After an event was delivered: the threads are scanned again from the first. */
    void eventDelivered() {
        idle = false;
        progress = false;
        scanIndex = 0;
    }

    /**
     * The next thread to run, or {@code null} once every thread is blocked or done (or the executor stopped).
     * Threads are scanned in creation order, in passes; a pass that ran some thread is followed by another
     * one, and each pass continues after the thread that ran last, so the order is that of a loop over the
     * threads repeated until one whole pass runs nothing.
     */
    WorkflowThread nextRunnable() {
        if (idle) {
            return null;
        }
        while (true) {
            while (scanIndex < threads.size() && !executor.isStopped()) {
                WorkflowThread thread = threads.get(scanIndex++);
                if (thread.isRunnable()) {
                    progress = true;
                    return thread;
                }
            }
            threads.removeIf(WorkflowThread::isDone);
            if (!progress || executor.isStopped()) {
                idle = true;
                return null;
            }
            progress = false;
            scanIndex = 0;
        }
    }

    /**
     * Passes control to {@code next}, or back to the task thread when {@code next} is {@code null}. The caller
     * must not touch the execution's state afterwards until control comes back to it.
     */
    void handTo(WorkflowThread next) {
        handOffs++;
        if (next == null) {
            if (inlineThread != null && !inlineThread.isDone()) {
                inlineThread.endTask();
            } else {
                yielded.release();
            }
        } else {
            next.resume();
        }
    }

    /** How many times control moved between OS threads, for tests. */
    long handOffs() {
        return handOffs;
    }

    /** Threads not yet done, in creation order. */
    List<WorkflowThread> liveThreads() {
        List<WorkflowThread> live = new ArrayList<>();
        for (WorkflowThread thread : threads) {
            if (!thread.isDone()) {
                live.add(thread);
            }
        }
        return live;
    }

    /**
     * Unwinds every thread; afterwards no OS thread is parked for this execution. After an abandoned task the
     * stuck thread is not waited for: it unwinds whenever it comes back to the Hourglass API.
     */
    void destroy() {
        for (WorkflowThread thread : new ArrayList<>(threads)) {
            if (abandoned != null) {
                thread.requestDestroy();
            } else {
                thread.destroy();
            }
        }
        threads.clear();
    }

    void threadYielded() {
        yielded.release();
    }

    void awaitYield() {
        yielded.acquireUninterruptibly();
    }
}
