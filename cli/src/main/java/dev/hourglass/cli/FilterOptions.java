package dev.hourglass.cli;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowExecutionStatus;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose runs: by status, workflow type, workflow id, start time and search attributes. */
final class FilterOptions {

    @Option(names = "--status", paramLabel = "STATUS", order = 1,
            description = "Only runs of this status: ${COMPLETION-CANDIDATES} (any case).")
    WorkflowExecutionStatus status;

    @Option(names = "--type", paramLabel = "TYPE", order = 2, description = "Only runs of this workflow type.")
    String workflowType;

    @Option(names = "--id-contains", paramLabel = "TEXT", order = 3,
            description = "Only runs whose workflow id contains TEXT; ASCII letters match in either case.")
    String workflowIdContains;

    @Option(names = "--since", paramLabel = "WHEN", order = 4,
            description = "Only runs started at or after WHEN: an age such as 7d, 12h, 30m or 1h30m, or a UTC"
                    + " instant such as 2026-01-31T00:00:00Z.")
    String since;

    @Option(names = "--search", paramLabel = "NAME[:TYPE]=VALUE", order = 5,
            description = "Only runs whose search attribute NAME has VALUE; repeat to require several. Without a TYPE,"
                    + " true/false is a Bool, a whole number a Long, a decimal a Double, an ISO-8601 time with offset"
                    + " a Datetime, anything else a Keyword; TYPE is one of Keyword, Text, Long, Double, Bool,"
                    + " Datetime, KeywordList (matches the lists that contain VALUE).")
    List<String> search = List.of();

    /** The filter of these options, with pages of {@code pageSize} runs, oldest first. */
    ExecutionFilter toFilter(Clock clock, int pageSize) {
        return toBuilder(clock).setPageSize(pageSize).build();
    }

    /**
     * A builder of the filter of these options, for a command to add its order and page size to.
     *
     * @throws CliException a usage error if {@code --type} is blank or {@code --id-contains} is empty
     */
    ExecutionFilter.Builder toBuilder(Clock clock) {
        ExecutionFilter.Builder filter = ExecutionFilter.newBuilder();
        if (status != null) {
            filter.setStatus(status);
        }
        if (workflowType != null) {
            if (workflowType.isBlank()) {
                throw CliException.usage("--type must not be blank, was '" + workflowType + "': give a workflow type"
                        + " ('hourglass types' lists them), or leave it out to keep every type");
            }
            filter.setWorkflowType(workflowType);
        }
        if (workflowIdContains != null) {
            if (workflowIdContains.isEmpty()) {
                throw CliException.usage("--id-contains must not be empty: give the text that the workflow ids"
                        + " must contain, or leave it out to keep every workflow id");
            }
            filter.setWorkflowIdContains(workflowIdContains);
        }
        if (since != null) {
            filter.setStartTimeFrom(Times.since(since, clock));
        }
        search.forEach(spec -> SearchAttributeText.addCondition(filter, spec));
        return filter;
    }
}
