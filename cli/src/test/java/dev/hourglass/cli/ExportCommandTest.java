package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.replay.ReplayGate;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.replay.ReplayResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(OrdersStoreExtension.class)
class ExportCommandTest {

    @TempDir
    Path directory;

    @Test
    void writesOneHistoryFilePerRunNamedByWorkflowIdAndRunId(OrdersStore store) throws IOException {
        Path out = directory.resolve("histories");

        Cli cli = Cli.run("workflows", "export", "--out", out.toString(), "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        List<String> expected = Stream.of("order-1", "order-2", "order-3", "order-4", "order-5")
                .map(id -> id + "_" + store.client().fetchHistory(id).getRunId() + ".json").toList();
        assertThat(fileNames(out)).containsExactlyElementsOf(expected);
        for (String workflowId : List.of("order-1", "order-3")) {
            History fetched = store.client().fetchHistory(workflowId);
            assertThat(History.read(out.resolve(workflowId + "_" + fetched.getRunId() + ".json"))).isEqualTo(fetched);
        }
    }

    @Test
    void listsTheFilesItWroteAndCountsTheOpenRuns(OrdersStore store) {
        Path out = directory.resolve("histories");

        Cli cli = Cli.run("export", "--out", out.toString(), "--store", store.location());

        assertThat(cli.lines()).hasSize(7);
        assertThat(cli.lines().get(0)).matches("WORKFLOW ID  RUN ID {32}STATUS      FILE");
        assertThat(cli.lines().get(3)).matches("order-3      " + ListCommandTest.RUN_ID + "  RUNNING     "
                + java.util.regex.Pattern.quote(out.toString()) + ".order-3_" + ListCommandTest.RUN_ID + "\\.json");
        assertThat(cli.lines().get(6)).isEqualTo("Exported 5 runs to " + out + " (2 open).");
    }

    @Test
    void writesTheCorpusThatTheReplayGateReadsAndFindsCompatibleWithTheCodeThatRecordedIt(OrdersStore store) {
        Cli.run("export", "--out", directory.toString(), "--store", store.location());

        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
                .addHistories(directory).build().run();

        assertThat(report.isCompatible()).as(report.toText()).isTrue();
        assertThat(report.getResults()).extracting(ReplayResult::getWorkflowId)
                .containsExactlyInAnyOrder("order-1", "order-2", "order-3", "order-4", "order-5");
        assertThat(report.getResults()).filteredOn(ReplayResult::isOpen).extracting(ReplayResult::getWorkflowId)
                .containsExactlyInAnyOrder("order-2", "order-3");
    }

    @Test
    void writesACorpusOnWhichTheReplayGateCatchesAnIncompatibleChange(OrdersStore store) {
        Cli.run("export", "--out", directory.toString(), "--status", "completed", "--store", store.location());

        ReplayReport report = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(ImpatientOrderWorkflowImpl.class)
                .addHistories(directory).build().run();

        assertThat(report.isCompatible()).isFalse();
        assertThat(report.getResults(ReplayResult.Status.INCOMPATIBLE)).extracting(ReplayResult::getWorkflowId)
                .containsExactly("order-1");
    }

    @Test
    void exportsOnlyTheRunsThatTheFilterKeeps(OrdersStore store) throws IOException {
        Cli cli = Cli.run("export", "--out", directory.toString(), "--status", "RUNNING", "--type", "OrderWorkflow",
                "--since", "1d", "--store", store.location());

        assertThat(cli.lines()).last().isEqualTo("Exported 2 runs to " + directory + " (2 open).");
        assertThat(fileNames(directory)).allMatch(name -> name.startsWith("order-2_") || name.startsWith("order-3_"))
                .hasSize(2);
    }

    @Test
    void exportsOnlyTheRunsWhoseWorkflowIdContainsTheText(OrdersStore store) throws IOException {
        Cli cli = Cli.run("export", "--out", directory.toString(), "--id-contains", "ORDER-4", "--status", "failed",
                "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.lines()).last().isEqualTo("Exported 1 run to " + directory + " (0 open).");
        assertThat(fileNames(directory)).singleElement().asString().startsWith("order-4_");
    }

    @Test
    void refusesAnEmptyIdSearchAndWritesNothing(OrdersStore store) {
        Path out = directory.resolve("histories");

        Cli cli = Cli.run("export", "--out", out.toString(), "--id-contains", "", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: --id-contains must not be empty: give the text that the workflow"
                + " ids must contain, or leave it out to keep every workflow id\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void exportsAtMostTheLimitOldestFirst(OrdersStore store) throws IOException {
        Cli cli = Cli.run("export", "--out", directory.toString(), "--limit", "1", "--store", store.location());

        assertThat(cli.lines()).last().isEqualTo("Exported 1 run to " + directory + " (0 open).");
        assertThat(fileNames(directory)).singleElement().asString().startsWith("order-1_");
    }

    @Test
    void exportsNothingWhenNoRunMatches(OrdersStore store) throws IOException {
        Cli cli = Cli.run("export", "--out", directory.toString(), "--since", "2099-01-01T00:00:00Z",
                "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("Exported 0 runs to " + directory + " (0 open).\n");
        assertThat(fileNames(directory)).isEmpty();
    }

    @Test
    void saysWhenTheOutputDirectoryCannotBeCreated(OrdersStore store) throws IOException {
        Path file = Files.writeString(directory.resolve("taken"), "not a directory");

        Cli cli = Cli.run("export", "--out", file.toString(), "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("hourglass: cannot create the directory " + file + " to export to: ")
                .hasLineCount(1);
    }

    @Test
    void needsTheOutputDirectory(OrdersStore store) {
        Cli cli = Cli.run("export", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: Missing required option: '--out=DIR' (see 'hourglass export"
                + " --help')\n");
    }

    @Test
    void refusesAnAgeItCannotRead(OrdersStore store) {
        Cli cli = Cli.run("export", "--out", directory.toString(), "--since", "last week", "--store",
                store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: bad --since 'last week': expected an age such as 7d, 12h or 30m,"
                + " or an instant such as 2026-01-31T00:00:00Z\n");
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
