package dev.hourglass.cli;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hourglass workflows list}: the runs of a store, one line each, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Lists workflow runs, open and closed, oldest first.",
            "One line per run: workflow id, run id, type, status, start and close time (UTC), history length;"
                    + " ordered by start time, then workflow id, then run id."})
final class ListCommand extends StoreCommand {

    @Mixin
    FilterOptions filterOptions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", order = 5,
            description = "Lists at most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        if (limit < 1) {
            throw CliException.usage("--limit must be at least 1, not " + limit);
        }
        ExecutionFilter filter = filterOptions.toFilter(Clock.systemUTC(),
                (int) Math.min(limit + 1L, ExecutionFilter.MAX_PAGE_SIZE));
        List<WorkflowExecutionMetadata> runs = client.listExecutions(filter).limit(limit + 1L)
                .collect(Collectors.toList());
        if (runs.isEmpty()) {
            out.println("No workflow runs match.");
            return HourglassCli.OK;
        }
        Table table = new Table("WORKFLOW ID", "RUN ID", "TYPE", "STATUS", "STARTED", "CLOSED", "EVENTS");
        for (WorkflowExecutionMetadata run : runs.subList(0, Math.min(limit, runs.size()))) {
            table.add(run.getExecution().getWorkflowId(), run.getExecution().getRunId(), run.getWorkflowType(),
                    run.getStatus(), Times.format(run.getStartTime()),
                    run.getCloseTime().map(Times::format).orElse(null), run.getHistoryLength());
        }
        table.print(out, "");
        if (runs.size() > limit) {
            out.println("(the first " + limit + " runs; more match: raise --limit)");
        }
        return HourglassCli.OK;
    }
}
