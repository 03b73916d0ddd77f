package dev.hourglass.cli;

import dev.hourglass.cli.ui.Statuses;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryTimeline;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hourglass workflows show}: the history of a run, one line per event. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Shows the history of a run, one line per event.",
            "The latest run of the workflow id, or the run of --run-id: one line per event with its id, time (UTC),"
                    + " type and details (activity, attempt, inputs, results), each failure followed by its causes"
                    + " and their stack traces.",
            "Payloads encoded by payload codecs show as 'encoded with NAMES' unless --codec decodes them."})
final class ShowCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id.")
    String workflowId;

    @Option(names = "--run-id", paramLabel = "RUN_ID", order = 1,
            description = "Shows this run of the workflow rather than its latest.")
    String runId;

    @Option(names = "--compact", order = 2,
            description = "One short line per event, times relative to the first event, long values abbreviated and"
                    + " failures without stack traces.")
    boolean compact;

    @Option(names = "--json", order = 3,
            description = "Prints the history as JSON, in the history format that export writes.")
    boolean json;

    @Mixin
    CodecOptions codecOptions;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        if (compact && json) {
            throw CliException.usage("--compact and --json exclude each other");
        }
        History history = codecOptions.decode(
                runId == null ? client.fetchHistory(workflowId) : client.fetchHistory(workflowId, runId));
        if (json) {
            out.println(history.toJson());
        } else if (compact) {
            out.println(HistoryTimeline.format(history));
        } else {
            printHeader(history, out);
            out.println();
            EventLines.print(history, out);
        }
        return HourglassCli.OK;
    }

    private static void printHeader(History history, PrintWriter out) {
        Table header = new Table("Workflow", history.getWorkflowId());
        header.add("Run", history.getRunId());
        header.add("Type", history.getWorkflowType());
        header.add("Task queue", history.getTaskQueue());
        header.add("Status", Statuses.of(history));
        if (!history.getEvents().isEmpty()) {
            header.add("Started", Times.format(history.getEvents().get(0).getEventTime()));
            HistoryEvent last = history.getLastEvent();
            header.add("Closed", history.isClosed() ? Times.format(last.getEventTime()) : null);
        }
        header.add("Events", history.getEvents().size());
        SearchAttributeText.addIfAny(header, "Search attributes", SearchAttributeText.format(SearchAttributeText.current(history)));
        SearchAttributeText.addIfAny(header, "Memo", SearchAttributeText.memo(history));
        header.print(out, "");
    }
}
