package dev.hourglass.internal.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the workflow threads of one execution one at a time, in creation order, until every one of them is
 * blocked in the Hourglass API or done. Control passes between the runner and a thread with semaphores,
 * which also publish each side's writes to the other.
 */
final class DeterministicRunner {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService POOL = newPool();

    private final WorkflowExecutor executor;
    private final List<WorkflowThread> threads = new ArrayList<>();
    private final Semaphore yielded = new Semaphore(0);

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

    /** Runs threads until none can make progress or the executor stops (closed or failed task). */
    void runUntilAllBlocked() {
        boolean progress = true;
        while (progress && !executor.isStopped()) {
            progress = false;
            for (int i = 0; i < threads.size() && !executor.isStopped(); i++) {
                WorkflowThread thread = threads.get(i);
                if (thread.isRunnable()) {
                    thread.runOnce();
                    progress = true;
                }
            }
            threads.removeIf(WorkflowThread::isDone);
        }
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

    /** Unwinds every thread; afterwards no OS thread is parked for this execution. */
    void destroy() {
        for (WorkflowThread thread : new ArrayList<>(threads)) {
            thread.destroy();
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
