package dev.hourglass.internal.service;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.internal.spi.ExecutionPageToken;
import dev.hourglass.internal.spi.ExecutionViews;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Descriptions and listings of runs for clients, read from the runs' state; called with the service lock
 * held. The timers and child workflows come from {@link ExecutionViews}, as in every store.
 */
final class Descriptions {

    private Descriptions() {
    }

    static WorkflowExecutionDescription describe(Run run) {
        List<PendingActivityInfo> activities = new ArrayList<>();
        if (run.isOpen()) {
            for (ActivityState activity : run.activities.values()) { // in the order they were scheduled
                activities.add(pendingActivity(activity));
            }
        }
        return new WorkflowExecutionDescription(metadata(run), activities,
                ExecutionViews.pendingChildWorkflows(run.events), ExecutionViews.pendingTimers(run.events));
    }

    private static PendingActivityInfo pendingActivity(ActivityState activity) {
        // while backing off, the attempt that failed is behind it: report the one that comes next
        int attempt = activity.attemptState.state() == ActivityAttemptLifecycle.State.WAITING ? activity.attempt + 1
                : activity.attempt;
        return ExecutionViews.pendingActivity(activity.activityId, activity.activityType,
                activity.attemptState.isRunning(), attempt, activity.scheduledTime, activity.nextAttemptTime,
                activity.lastFailure);
    }

    static WorkflowExecutionMetadata metadata(Run run) {
        return ExecutionViews.metadata(run.workflowId, run.runId, run.workflowType, run.taskQueue, run.events);
    }

    static ExecutionPage list(Collection<Run> runs, ExecutionFilter filter, ExecutionPageToken after) {
        List<WorkflowExecutionMetadata> matching = new ArrayList<>();
        for (Run run : runs) {
            WorkflowExecutionMetadata metadata = metadata(run);
            if (filter.matches(metadata) && (after == null || after.precedes(metadata, filter.isNewestFirst()))) {
                matching.add(metadata);
            }
        }
        matching.sort(ExecutionPageToken.order(filter.isNewestFirst()));
        if (matching.size() <= filter.getPageSize()) {
            return new ExecutionPage(matching, null);
        }
        List<WorkflowExecutionMetadata> page = matching.subList(0, filter.getPageSize());
        return new ExecutionPage(page, ExecutionPageToken.after(page.get(page.size() - 1)).encode());
    }

    /** How many of {@code runs} match {@code filter}, its page size aside. */
    static long count(Collection<Run> runs, ExecutionFilter filter) {
        long count = 0;
        for (Run run : runs) {
            if (filter.matches(metadata(run))) {
                count++;
            }
        }
        return count;
    }

    /** The distinct workflow types of {@code runs}, in the natural order of strings. */
    static List<String> workflowTypes(Collection<Run> runs) {
        TreeSet<String> types = new TreeSet<>();
        for (Run run : runs) {
            types.add(run.workflowType);
        }
        return List.copyOf(types);
    }
}
