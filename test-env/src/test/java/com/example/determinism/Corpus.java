package com.example.determinism;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import java.util.function.Consumer;

/** Runs a scenario of the corpus in a fresh test environment and returns what it threw. */
final class Corpus {

    static final String QUEUE = "determinism";

    private Corpus() {
    }

    /** A started environment whose worker runs {@code implementation}, with activities if any. */
    static TestWorkflowEnvironment environment(Class<? extends Scenario> implementation, Object... activities) {
        initialize(implementation);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(implementation);
        if (activities.length > 0) {
            worker.registerActivitiesImplementations(activities);
        }
        env.start();
        return env;
    }

    /**
     * Runs the static initialiser of {@code implementation} now, on the test thread: some of the corpus's classes
     * build JDK clients there (an {@code HttpClient} loads the key store), which on a busy machine can take longer
     * than the deadlock detector lets workflow code go without calling Hourglass.
     */
    static void initialize(Class<?> implementation) {
        try {
            Class.forName(implementation.getName(), true, implementation.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario stub(TestWorkflowEnvironment env, String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(Scenario.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    }

    /** The {@link NondeterministicCallError} in the cause chain of {@code thrown}, or {@code null}. */
    static NondeterministicCallError violation(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof NondeterministicCallError) {
                return (NondeterministicCallError) cause;
            }
        }
        return null;
    }

    /** What running {@code action} threw, or {@code null}. */
    static Throwable thrownBy(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    static void withEnvironment(Class<? extends Scenario> implementation, Consumer<TestWorkflowEnvironment> test) {
        try (TestWorkflowEnvironment env = environment(implementation)) {
            test.accept(env);
        }
    }
}
