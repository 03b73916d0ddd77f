package dev.hourglass.testing.internal;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the JUnit extension prints when a test fails: the seed, how to rerun with it, and the timeline of
 * every execution the test was handed, with their earlier runs and their child workflows.
 */
public final class EnvironmentReport {

    private static final int MAX_RUNS_PER_ID = 100;
    private static final int MAX_HISTORIES = 200;

    private EnvironmentReport() {
    }

    /**
     * Returns the report of a failed test.
     *
     * @param testName the test's display name
     * @param seed the environment's seed
     * @param client the environment's client, still open
     * @param workflowIds the workflow ids handed to the test, in the order they were handed out
     */
    public static String describe(String testName, long seed, WorkflowClient client, List<String> workflowIds) {
        StringBuilder out = new StringBuilder();
        out.append("Hourglass test environment of ").append(testName).append(" failed with seed ").append(seed)
                .append('\n')
                .append("  to rerun with the same seed: TestWorkflowExtension.newBuilder()...setTestEnvironmentOptions(")
                .append("TestEnvironmentOptions.newBuilder().setSeed(").append(seed).append("L).build())");
        if (workflowIds.isEmpty()) {
            out.append("\n  (no workflow stub was injected into the test, so there is no timeline to show)");
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
