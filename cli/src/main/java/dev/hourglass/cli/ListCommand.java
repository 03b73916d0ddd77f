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

/** {@code hourglass workflows list}: the runs of a store, one line each, oldest first; or only how many there are. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Lists workflow runs, open and closed, oldest first.",
            "One line per run: workflow id, run id, type, status, start and close time (UTC), history length;"
                    + " ordered by start time, then workflow id, then run id (--newest-first: the reverse).",
            "With --count, prints only the number of runs that match."})
final class ListCommand extends StoreCommand {

    private static final String LIMIT = "--limit";
    private static final String NEWEST_FIRST = "--newest-first";

    @Mixin
    FilterOptions filterOptions;

    @Option(names = NEWEST_FIRST, order = 6,
            description = "Lists the newest runs first: by start time, then workflow id, then run id, descending.")
    boolean newestFirst;

    @Option(names = LIMIT, paramLabel = "N", defaultValue = "100", order = 7,
            description = "Lists at most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--count", order = 8,
            description = "Prints only the number of runs that match, counted by the store, however many they are.")
    boolean count;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        if (count) {
            return count(client, out);
        }
        if (limit < 1) {
            throw CliException.usage("--limit must be at least 1, not " + limit);
        }
        ExecutionFilter filter = filterOptions.toBuilder(Clock.systemUTC()).setNewestFirst(newestFirst)
                .setPageSize((int) Math.min(limit + 1L, ExecutionFilter.MAX_PAGE_SIZE)).build();
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

    /** Prints the number of matching runs; the options that shape a listing have no sense here and are refused. */
    private int count(WorkflowClient client, PrintWriter out) {
        for (String option : List.of(LIMIT, NEWEST_FIRST)) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw CliException.usage("--count prints only how many runs match, so it takes no " + option
                        + ", which shapes a listing: leave out one or the other");
            }
        }
        out.println(client.countExecutions(filterOptions.toBuilder(Clock.systemUTC()).build()));
        return HourglassCli.OK;
    }
}
