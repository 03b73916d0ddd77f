package dev.hourglass.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.replay.cli.Cli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code verify} exits with for good input, and what it prints. */
class VerifyCommandExitCodeTest {

    @Test
    void exitsZeroAndPrintsTheTextReportWhenEveryHistoryIsCompatible(@TempDir Path dir) throws Exception {
        Cli.copyRecorded(dir.resolve("a.json"));
        Cli.copyRecorded(dir.resolve("nested/b.json"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Cli.withoutDurations(run.out())).isEqualTo(Cli.textReport(dir, Cli.TRANSFER));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void exitsOneAndReportsTheIncompatibleHistoryWhenTheChangedCodeCannotReplayIt(@TempDir Path dir)
            throws Exception {
        Path history = Cli.copyRecorded(dir.resolve("transfer.json"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.SWAPPED_TRANSFER);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(Cli.withoutDurations(run.out())).isEqualTo(Cli.textReport(dir, Cli.SWAPPED_TRANSFER)).contains(history.toString());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void strictMakesADifferenceOfArgumentsIncompatible(@TempDir Path dir) throws Exception {
        Cli.writeEdited(dir.resolve("transfer.json"), json -> json.replace("\"durationMillis\": 20",
                "\"durationMillis\": 25"));

        Run lenient = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);
        Run strict = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER, "--strict");

        assertThat(lenient.exitCode()).as(lenient.out()).isZero();
        assertThat(strict.exitCode()).as(strict.out()).isEqualTo(1);
    }

    @Test
    void takesSeveralHistoriesArgumentsFilesAndDirectoriesAndReplaysEachFileOnce(@TempDir Path dir)
            throws Exception {
        Path file = Cli.copyRecorded(dir.resolve("one/a.json"));
        Cli.copyRecorded(dir.resolve("two/b.json"));
        Cli.copyRecorded(dir.resolve("two/deeper/c.json"));

        Run run = Cli.run("verify", "--histories", file.toString(), dir.resolve("two").toString(), "--histories",
                dir.toString(), "--workflows", Cli.TRANSFER, "--parallelism", "2", "--output",
                dir.resolve("report.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("3 histories: 3 compatible, 0 incompatible (0 open), 0 in error");
    }

    @Test
    void loadsANestedWorkflowClassNamedAsInSource(@TempDir Path dir) throws Exception {
        Cli.copyRecorded(dir.resolve("a.json"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows",
                Cli.TRANSFER.replace('$', '.'));

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void withoutASubcommandPrintsTheUsageAndExitsTwo() {
        Run run = Cli.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: hourglass-replay").contains("verify");
    }

    @Test
    void helpDescribesEveryOptionAndExitsZero() {
        Run run = Cli.run("verify", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--histories", "--workflows", "--classpath", "--strict", "--format",
                "--output", "--shard", "--parallelism", "Exit codes:");
    }

    @Test
    void versionIsTheProjectVersion() {
        Run run = Cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("hourglass-replay \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
