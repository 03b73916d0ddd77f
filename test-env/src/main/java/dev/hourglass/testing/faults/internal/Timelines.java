package dev.hourglass.testing.faults.internal;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The timelines of executions: each workflow id's runs, oldest first, each followed by its child workflows. */
final class Timelines {

    private static final int MAX_HISTORIES = 50;

    private Timelines() {
    }

    static String render(WorkflowClient client, List<String> workflowIds) {
        StringBuilder out = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (String workflowId : workflowIds) {
            List<History> runs = new ArrayList<>();
            try {
                History run = client.fetchHistory(workflowId);
                runs.add(run);
                String previous = continuedFrom(run);
                while (previous != null && runs.size() < MAX_HISTORIES) {
                    run = client.fetchHistory(workflowId, previous);
                    runs.add(0, run);
                    previous = continuedFrom(run);
                }
            } catch (WorkflowNotFoundException e) {
                separate(out).append(workflowId).append(": never started");
                continue;
            } catch (RuntimeException e) {
                separate(out).append(workflowId).append(": history unavailable: ").append(e);
                continue;
            }
            for (History run : runs) {
                append(client, run, seen, out);
            }
        }
        return out.toString();
    }

    private static void append(WorkflowClient client, History history, Set<String> seen, StringBuilder out) {
        if (seen.size() >= MAX_HISTORIES || !seen.add(history.getWorkflowId() + "/" + history.getRunId())) {
            return;
        }
        separate(out).append(HistoryTimeline.format(history));
        for (HistoryEvent event : history.getEvents()) {
            if (event.getAttributes() instanceof ChildWorkflowExecutionStartedAttributes) {
                ChildWorkflowExecutionStartedAttributes child =
                        (ChildWorkflowExecutionStartedAttributes) event.getAttributes();
                try {
                    append(client, client.fetchHistory(child.workflowId(), child.runId()), seen, out);
                } catch (RuntimeException e) {
                    separate(out).append(child.workflowId()).append(": history unavailable: ").append(e);
                }
            }
        }
    }

    private static String continuedFrom(History history) {
        if (history.getEvents().isEmpty()) {
            return null;
        }
        Object attributes = history.getEvents().get(0).getAttributes();
        return attributes instanceof WorkflowExecutionStartedAttributes
                ? ((WorkflowExecutionStartedAttributes) attributes).continuedFromRunId() : null;
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.length() == 0 ? out : out.append("\n\n");
    }
}
