package dev.hourglass.internal.replay;

import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One thread of workflow code. It runs only when the {@link DeterministicRunner} hands it control and gives
 * control back only inside the Hourglass API ({@link #yieldUntil}), so the code of an execution runs one
 * thread at a time, in an order fixed by the history.
 */
public final class WorkflowThread {

    private static final ThreadLocal<WorkflowThread> CURRENT = new ThreadLocal<>();

    private final DeterministicRunner runner;
    private final String name;
    private final Runnable body;
    private final Semaphore permit = new Semaphore(0);
    private CancellationScopeImpl scope;
    private BooleanSupplier blockedOn;
    private String blockedReason;
    private Thread javaThread;
    private boolean started;
    private boolean onCallingThread;
    private volatile boolean done;
    private volatile boolean destroyRequested;

    WorkflowThread(DeterministicRunner runner, String name, CancellationScopeImpl scope, Runnable body) {
        this.runner = runner;
        this.name = name;
        this.scope = scope;
        this.body = body;
    }

    /** The workflow thread the caller runs in, or {@code null} outside workflow code. */
    public static WorkflowThread current() {
        return CURRENT.get();
    }

    /** The current workflow thread, or an {@link IllegalStateException} naming the operation. */
    public static WorkflowThread requireCurrent(String operation) {
        WorkflowThread thread = CURRENT.get();
        if (thread == null) {
            throw new IllegalStateException(operation + " may only be called from workflow code (a workflow"
                    + " method, signal handler or Workflow.async function), not from " + Thread.currentThread()
                    .getName() + "; blocking inside a Promise callback is not allowed either");
        }
        return thread;
    }

    /** The executor this thread belongs to. */
    public WorkflowExecutor executor() {
        return runner.executor();
    }

    String name() {
        return name;
    }

    CancellationScopeImpl scope() {
        return scope;
    }

    void setScope(CancellationScopeImpl scope) {
        this.scope = scope;
    }

    /**
     * Blocks this workflow thread until {@code condition} holds, letting the other threads run meanwhile.
     *
     * <p>While blocked, this thread keeps control and runs the scheduling loop itself (delivering the next
     * input events if every thread is blocked); it passes control to another OS thread only when another
     * workflow thread must run or the task is over.
     */
    public void yieldUntil(String reason, BooleanSupplier condition) {
        if (CURRENT.get() != this) {
            throw new IllegalStateException(reason + " called from a thread other than its workflow thread");
        }
        while (!condition.getAsBoolean()) {
            if (destroyRequested) {
                throw new WorkflowTaskAbort("workflow thread '" + name + "' destroyed");
            }
            blockedOn = condition;
            blockedReason = reason;
            WorkflowThread next;
            CURRENT.set(null);
            try {
                next = runner.schedule();
            } finally {
                CURRENT.set(this);
            }
            if (next == null && onCallingThread) {
                destroyRequested = true;
            } else if (next != this) {
                runner.handTo(next);
                permit.acquireUninterruptibly();
                runner.running(this);
            }
            if (destroyRequested) {
                throw new WorkflowTaskAbort("workflow thread '" + name + "' destroyed");
            }
        }
        blockedOn = null;
        blockedReason = null;
    }

    boolean isDone() {
        return done;
    }

    /** Whether the runner should hand control to this thread now. */
    boolean isRunnable() {
        if (done) {
            return false;
        }
        if (!started) {
            return true;
        }
        WorkflowThread previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return blockedOn != null && blockedOn.getAsBoolean();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** Gives control to this thread: starts it, or wakes it where it blocked; called by the control holder. */
    void resume() {
        if (!started) {
            started = true;
            runner.pool().execute(this::main);
        } else {
            permit.release();
        }
    }

    /** Runs this thread on the calling (task) thread until it ends, or until the task is over if it blocks. */
    void runOnCallingThread() {
        started = true;
        onCallingThread = true;
        main();
    }

    /** Unwinds this thread, blocked on the task thread, because the task is over; called by the control holder. */
    void endTask() {
        destroyRequested = true;
        permit.release();
    }

    boolean isStarted() {
        return started;
    }

    private void main() {
        javaThread = Thread.currentThread();
        CURRENT.set(this);
        runner.running(this);
        try {
            if (!destroyRequested) {
                body.run();
            }
        } catch (WorkflowTaskAbort e) {
            // unwound on purpose: eviction or a failed task
        } catch (Throwable t) {
            try {
                runner.executor().threadFailed(this, t);
            } catch (WorkflowTaskAbort e) {
                // the closing command did not match the history; the task failure is recorded
            }
        } finally {
            done = true;
            javaThread = null;
            CURRENT.remove();
            // on the calling thread, the runner goes on with the task itself once this returns
            if (!onCallingThread) {
                if (destroyRequested) {
                    runner.threadYielded();
                } else {
                    runner.handTo(runner.schedule());
                }
            }
        }
    }

    /** Asks the thread to unwind when it next comes back to the Hourglass API, without waiting for it. */
    void requestDestroy() {
        destroyRequested = true;
        if (started) {
            permit.release();
        } else {
            done = true;
        }
    }

    /** Where the thread is now (the stack of its OS thread), or {@code null} if it is not running. */
    StackTraceElement[] currentStack() {
        return blockedStack();
    }

    /** Unwinds a blocked thread so that no OS thread stays parked for it. */
    void destroy() {
        if (!started) {
            done = true;
            return;
        }
        destroyRequested = true;
        while (!done) {
            permit.release();
            runner.awaitYield();
        }
    }

    /** Where the thread is blocked, for error messages; {@code null} if unknown. */
    StackTraceElement[] blockedStack() {
        Thread thread = javaThread;
        return thread == null ? null : thread.getStackTrace();
    }

    String blockedReason() {
        return blockedReason;
    }

    @Override
    public String toString() {
        return "WorkflowThread[" + name + (done ? ", done" : blockedReason == null ? "" : ", in " + blockedReason)
                + "]";
    }
}
