package dev.hourglass.internal.replay;

import dev.hourglass.failure.NondeterministicCallError;
import java.util.function.Supplier;

/**
 * What the determinism agent asks the engine: whether the calling thread runs workflow code that must be
 * deterministic now, and where to report a nondeterministic call so that it fails the workflow task.
 *
 * <p>Workflow code is the code of a workflow thread (workflow methods, signal handlers, {@code Workflow.async}
 * bodies, {@code Workflow.await} conditions, and whatever they call), what runs while an event is delivered to
 * the code (the callbacks of a promise it completes, such as the function of {@code Promise.thenApply}), and the
 * code of a query method, of an execution whose checks are on; {@link #exempt} lifts the check for code the
 * engine runs on purpose outside determinism, the supplier of {@code Workflow.sideEffect}. Checks cost two
 * thread-local reads when the caller is not workflow code.
 */
public final class DeterminismGuard {

    private static final ThreadLocal<int[]> EXEMPT = ThreadLocal.withInitial(() -> new int[1]);

    private DeterminismGuard() {
    }

    /** The execution whose workflow code the calling thread runs with checks on, or {@code null}. */
    public static WorkflowExecutor checkedExecution() {
        WorkflowExecutor executor = runningExecutor();
        if (executor == null || !executor.isDeterminismChecked() || EXEMPT.get()[0] > 0) {
            return null;
        }
        return executor;
    }

    /** Whether the calling thread runs workflow code that must be deterministic now. */
    public static boolean isChecked() {
        return checkedExecution() != null;
    }

    /**
     * Records a nondeterministic call on the execution the calling thread runs: its workflow task fails with
     * {@code error} even if the workflow code catches it. Does nothing outside checked workflow code, nor in a
     * query method: a query is no part of a workflow task, and the error it throws fails the query alone.
     */
    public static void violated(NondeterministicCallError error) {
        WorkflowExecutor executor = checkedExecution();
        if (executor != null && WorkflowExecutor.queryingExecutor() != executor) {
            executor.nondeterministicCall(error);
        }
    }

    /**
     * The workflow implementation class of an execution, for messages that name the line of workflow code that
     * led to a call.
     */
    public static Class<?> workflowClass(WorkflowExecutor executor) {
        return executor.implementation.implementationClass();
    }

    /** Runs {@code body} without checks on the calling thread: for code that may be nondeterministic on purpose. */
    public static <T> T exempt(Supplier<T> body) {
        int[] depth = EXEMPT.get();
        depth[0]++;
        try {
            return body.get();
        } finally {
            depth[0]--;
        }
    }

    private static WorkflowExecutor runningExecutor() {
        WorkflowThread thread = WorkflowThread.current();
        if (thread != null) {
            return thread.executor();
        }
        // a query method, or the delivery of an event (a promise's callbacks run then, off any workflow thread)
        return WorkflowExecutor.deliveringExecutor();
    }
}
