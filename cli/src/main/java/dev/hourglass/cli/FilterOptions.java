package dev.hourglass.cli;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowExecutionStatus;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The options that choose runs: by status, workflow type and start time. */
final class FilterOptions {

    @Option(names = "--status", paramLabel = "STATUS", order = 1,
            description = "Only runs of this status: ${COMPLETION-CANDIDATES} (any case).")
    WorkflowExecutionStatus status;

    @Option(names = "--type", paramLabel = "TYPE", order = 2, description = "Only runs of this workflow type.")
    String workflowType;

    @Option(names = "--since", paramLabel = "WHEN", order = 3,
            description = "Only runs started at or after WHEN: an age such as 7d, 12h, 30m or 1h30m, or a UTC"
                    + " instant such as 2026-01-31T00:00:00Z.")
    String since;

    /** The filter of these options, with pages of {@code pageSize} runs. */
    ExecutionFilter toFilter(Clock clock, int pageSize) {
        ExecutionFilter.Builder filter = ExecutionFilter.newBuilder().setPageSize(pageSize);
        if (status != null) {
            filter.setStatus(status);
        }
        if (workflowType != null) {
            filter.setWorkflowType(workflowType);
        }
        if (since != null) {
            filter.setStartTimeFrom(Times.since(since, clock));
        }
        return filter.build();
    }
}
