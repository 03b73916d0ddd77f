package dev.hourglass.testing.internal;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.PendingChildWorkflowInfo;
import dev.hourglass.client.PendingTimerInfo;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code TestWorkflowEnvironment.getDiagnostics()}: the virtual time and what every open execution
 * waits for, read through the same listing and descriptions that clients get.
 */
final class Diagnostics {

    private static final ExecutionFilter OPEN = ExecutionFilter.newBuilder()
            .setStatus(WorkflowExecutionStatus.RUNNING).setPageSize(ExecutionFilter.MAX_PAGE_SIZE).build();

    private Diagnostics() {
    }

    static String render(Instant virtualTime, long seed, WorkflowServiceSpi service) {
        List<WorkflowExecutionMetadata> open = new ArrayList<>();
        String token = null;
        do {
            ExecutionPage page = service.listWorkflowExecutions(OPEN, token);
            open.addAll(page.getExecutions());
            token = page.getNextPageToken().orElse(null);
        } while (token != null);
        StringBuilder out = new StringBuilder();
        out.append("virtual time: ").append(virtualTime).append(" (seed ").append(seed).append(")\n");
        out.append("open executions: ").append(open.isEmpty() ? "none" : String.valueOf(open.size())).append('\n');
        for (WorkflowExecutionMetadata run : open) {
            WorkflowExecutionDescription description = service.describeWorkflow(run.getExecution().getWorkflowId(),
                    run.getExecution().getRunId());
            out.append("  ").append(description.getWorkflowType()).append(' ')
                    .append(description.getExecution().getWorkflowId())
                    .append(" (run ").append(description.getExecution().getRunId()).append(") ")
                    .append(description.getStatus()).append(", task queue '").append(description.getTaskQueue())
                    .append("', started ").append(description.getStartTime()).append(", ")
                    .append(description.getHistoryLength()).append(" events\n");
            if (description.getPendingActivities().isEmpty() && description.getPendingTimers().isEmpty()
                    && description.getPendingChildWorkflows().isEmpty()) {
                out.append("    waits for no activity, timer or child workflow (a signal, or a condition)\n");
            }
            for (PendingActivityInfo activity : description.getPendingActivities()) {
                out.append("    activity ").append(activity.getActivityType()).append(" (id ")
                        .append(activity.getActivityId()).append("): ").append(activity.getState())
                        .append(", attempt ").append(activity.getAttempt());
                activity.getNextAttemptTime().ifPresent(next -> out.append(", next attempt at ").append(next));
                activity.getLastFailureType().ifPresent(type -> out.append(", last failure ").append(type)
                        .append(": ").append(activity.getLastFailureMessage().orElse("")));
                out.append('\n');
            }
            for (PendingTimerInfo timer : description.getPendingTimers()) {
                out.append("    timer ").append(timer.getTimerId()).append(": fires at ").append(timer.getFireTime())
                        .append('\n');
            }
            for (PendingChildWorkflowInfo child : description.getPendingChildWorkflows()) {
                out.append("    child workflow ").append(child.getWorkflowType()).append(' ')
                        .append(child.getWorkflowId())
                        .append(child.getRunId().map(runId -> " (run " + runId + ")").orElse(" (starting)"))
                        .append('\n');
            }
        }
        return out.toString();
    }
}
