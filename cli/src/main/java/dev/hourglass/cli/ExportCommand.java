package dev.hourglass.cli;

import dev.hourglass.cli.ui.Statuses;
import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.history.History;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hourglass workflows export}: writes the history of each run to a file that the replay gate reads. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Writes the history of each run to a file, for the replay gate.",
            "One file <workflowId>_<runId>.json per run, open and closed, oldest first, in history format version 1"
                    + " (docs/history-format.md); a file already there is replaced. The replay gate reads the"
                    + " directory: hourglass-replay verify --histories DIR --workflows ...",
            "Payloads stay as the store holds them (encoded, if payload codecs encoded them) unless --codec decodes"
                    + " them: then the files hold the values in clear."})
final class ExportCommand extends StoreCommand {

    @Option(names = "--out", required = true, paramLabel = "DIR", order = 0,
            description = "The directory to write to, created if missing.")
    Path directory;

    @Mixin
    FilterOptions filterOptions;

    @Mixin
    CodecOptions codecOptions;

    @Option(names = "--limit", paramLabel = "N", order = 6,
            description = "Exports at most N runs, the oldest first (default: every run that matches).")
    Integer limit;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        if (limit != null && limit < 1) {
            throw CliException.usage("--limit must be at least 1, not " + limit);
        }
        ExecutionFilter filter = filterOptions.toFilter(Clock.systemUTC(), ExecutionFilter.DEFAULT_PAGE_SIZE);
        createDirectory();
        Stream<WorkflowExecutionMetadata> runs = client.listExecutions(filter);
        if (limit != null) {
            runs = runs.limit(limit);
        }
        int[] counts = new int[2];
        Table files = new Table("WORKFLOW ID", "RUN ID", "STATUS", "FILE");
        runs.forEachOrdered(run -> {
            History history = codecOptions.decode(
                    client.fetchHistory(run.getExecution().getWorkflowId(), run.getExecution().getRunId()));
            Path file = directory.resolve(history.defaultFileName());
            write(history, file);
            files.add(history.getWorkflowId(), history.getRunId(), Statuses.of(history), file);
            counts[0]++;
            if (!history.isClosed()) {
                counts[1]++;
            }
        });
        if (!files.isEmpty()) {
            files.print(out, "");
        }
        out.println("Exported " + counts[0] + (counts[0] == 1 ? " run" : " runs") + " to " + directory + " ("
                + counts[1] + " open).");
        return HourglassCli.OK;
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw CliException.failed("cannot create the directory " + directory + " to export to: " + e, e);
        }
    }

    private static void write(History history, Path file) {
        try {
            history.write(file);
        } catch (UncheckedIOException e) {
            throw CliException.failed("cannot write " + file + ": " + e.getCause(), e);
        }
    }
}
