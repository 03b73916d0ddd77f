package dev.hourglass.testing.internal;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.testing.TestWorkflowEnvironment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the JUnit 5 extension and the JUnit 4 rule print when a test fails: the seed, how to rerun with it, and the
 * timeline of every execution the test was handed, with their earlier runs and their child workflows.
 */
public final class EnvironmentReport {

    /** The harness that ran the test: names its builder in the hint to rerun, and what it hands to tests. */
    public enum Harness {
        /** {@code TestWorkflowExtension}, which injects workflow stubs. */
        EXTENSION("TestWorkflowExtension", "no workflow stub was injected into the test"),
        /** {@code TestWorkflowRule}, whose tests start workflows through its stubs or its client. */
        RULE("TestWorkflowRule", "the test started no workflow");

        private final String builderOwner;
        private final String nothingToShow;

        Harness(String builderOwner, String nothingToShow) {
            this.builderOwner = builderOwner;
            this.nothingToShow = nothingToShow;
        }
    }

    private static final int MAX_RUNS_PER_ID = 100;
    private static final int MAX_HISTORIES = 200;

    private EnvironmentReport() {
    }

    /**
     * Prints the report of a failed test to {@code System.err}.
     *
     * @param harness the harness that ran the test
     * @param testName the test's display name
     * @param env the test's environment, still open
     * @param workflowIds the workflow ids handed to the test, in the order they were handed out
     */
    public static void print(Harness harness, String testName, TestWorkflowEnvironment env, List<String> workflowIds) {
        System.err.println(describe(harness, testName, env.getSeed(), env.getWorkflowClient(), workflowIds));
    }

    /**
     * Closes the environment of a test that has run; if closing fails (a self-check replay found nondeterminism)
     * and the test itself had not failed, prints the report first, since the test fails now.
     *
     * @param env the test's environment
     * @param testFailed whether the test failed, in which case its report was printed already
     * @param printReport prints the report of the test
     * @throws AssertionError as {@link TestWorkflowEnvironment#close()} does
     */
    public static void closeAfterTest(TestWorkflowEnvironment env, boolean testFailed, Runnable printReport) {
        try {
            env.close();
        } catch (AssertionError e) {
            if (!testFailed) {
                printReport.run();
            }
            throw e;
        }
    }

    /**
     * Returns {@code handedOut} followed by the other workflow ids of the environment that no parent workflow
     * started, in string order: for a harness whose tests may start workflows with ids of their own.
     *
     * @param env the test's environment, still open
     * @param handedOut the workflow ids the harness handed to the test
     */
    public static List<String> withOtherWorkflowIds(TestWorkflowEnvironment env, List<String> handedOut) {
        Set<String> ids = new LinkedHashSet<>(handedOut);
        if (env instanceof TestWorkflowEnvironmentImpl) {
            for (History history : ((TestWorkflowEnvironmentImpl) env).histories()) {
                if (history.getEvents().isEmpty()) {
                    continue;
                }
                WorkflowExecutionStartedAttributes started = history.getEvents().get(0)
                        .getAttributes(WorkflowExecutionStartedAttributes.class);
                if (started.parentWorkflowId() == null) {
                    ids.add(history.getWorkflowId());
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Returns the report of a failed test.
     *
     * @param harness the harness that ran the test
     * @param testName the test's display name
     * @param seed the environment's seed
     * @param client the environment's client, still open
     * @param workflowIds the workflow ids handed to the test, in the order they were handed out
     */
    public static String describe(Harness harness, String testName, long seed, WorkflowClient client,
            List<String> workflowIds) {
        StringBuilder out = new StringBuilder();
        out.append("Hourglass test environment of ").append(testName).append(" failed with seed ").append(seed)
                .append('\n')
                .append("  to rerun with the same seed: ").append(harness.builderOwner)
                .append(".newBuilder()...setTestEnvironmentOptions(")
                .append("TestEnvironmentOptions.newBuilder().setSeed(").append(seed).append("L).build())");
        if (workflowIds.isEmpty()) {
            out.append("\n  (").append(harness.nothingToShow).append(", so there is no timeline to show)");
            return out.toString();
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<History> pending = new ArrayDeque<>();
        for (String workflowId : workflowIds) {
            if (seen.size() >= MAX_HISTORIES) {
                break;
            }
            List<History> runs;
            try {
                runs = runsOf(client, workflowId);
            } catch (WorkflowNotFoundException e) {
                out.append("\n\n").append(workflowId).append(": never started");
                continue;
            } catch (RuntimeException e) {
                out.append("\n\n").append(workflowId).append(": history unavailable: ").append(e);
                continue;
            }
            pending.addAll(runs);
            while (!pending.isEmpty() && seen.size() < MAX_HISTORIES) {
                History history = pending.removeFirst();
                if (!seen.add(history.getWorkflowId() + "/" + history.getRunId())) {
                    continue;
                }
                out.append("\n\n").append(HistoryTimeline.format(history));
                List<History> children = childrenOf(client, history, out);
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.addFirst(children.get(i));
                }
            }
        }
        if (seen.size() >= MAX_HISTORIES) {
            out.append("\n\n(the report shows at most ").append(MAX_HISTORIES).append(" histories; fetch the"
                    + " others with WorkflowClient.fetchHistory)");
        }
        return out.toString();
    }

    /** The runs of a workflow id, oldest first, found by following continue-as-new links back from the latest. */
    private static List<History> runsOf(WorkflowClient client, String workflowId) {
        List<History> runs = new ArrayList<>();
        History run = client.fetchHistory(workflowId);
        runs.add(run);
        while (runs.size() < MAX_RUNS_PER_ID && !run.getEvents().isEmpty()) {
            String previous = run.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                    .continuedFromRunId();
            if (previous == null) {
                break;
            }
            try {
                run = client.fetchHistory(workflowId, previous);
            } catch (RuntimeException e) {
                break;
            }
            runs.add(0, run);
        }
        return runs;
    }

    private static List<History> childrenOf(WorkflowClient client, History history, StringBuilder out) {
        List<History> children = new ArrayList<>();
        for (HistoryEvent event : history.getEvents()) {
            if (!(event.getAttributes() instanceof ChildWorkflowExecutionStartedAttributes)) {
                continue;
            }
            ChildWorkflowExecutionStartedAttributes started =
                    (ChildWorkflowExecutionStartedAttributes) event.getAttributes();
            String workflowId = started.workflowId();
            String runId = started.runId();
            if (workflowId == null || runId == null) {
                continue;
            }
            try {
                children.add(client.fetchHistory(workflowId, runId));
            } catch (RuntimeException e) {
                out.append("\n\n").append(workflowId).append(" (child of ").append(history.getWorkflowId())
                        .append("): history unavailable: ").append(e);
            }
        }
        return children;
    }
}
