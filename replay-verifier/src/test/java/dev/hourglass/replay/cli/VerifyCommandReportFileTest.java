package dev.hourglass.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hourglass.replay.cli.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format} and {@code --output}: the report goes to the file, and one summary line to standard output. */
class VerifyCommandReportFileTest {

    @TempDir
    Path dir;

    @Test
    void junitFormatWritesTheXmlReportToTheFileAndTheSummaryLineToStandardOutput() throws Exception {
        Path history = Cli.copyRecorded(dir.resolve("histories/transfer.json"));
        Path report = dir.resolve("reports/replay-gate.xml");

        Run run = Cli.run("verify", "--histories", dir.resolve("histories").toString(), "--workflows",
                Cli.SWAPPED_TRANSFER, "--format", "junit", "--output", report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("1 history: 0 compatible, 1 incompatible (0 open), 0 in error; report in "
                + report + System.lineSeparator());
        assertThat(Files.readString(report)).startsWith("<?xml").contains("<testsuite ").contains(history.toString())
                .contains("<failure ");
    }

    @Test
    void jsonFormatWritesTheJsonReportToTheFileAndTheSummaryLineToStandardOutput() throws Exception {
        Path a = Cli.copyRecorded(dir.resolve("histories/a.json"));
        Path b = Cli.copyRecorded(dir.resolve("histories/b.json"));
        Path report = dir.resolve("replay-gate.json");

        Run run = Cli.run("verify", "--histories", dir.resolve("histories").toString(), "--workflows", Cli.TRANSFER,
                "--format", "json", "--output", report.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("2 histories: 2 compatible, 0 incompatible (0 open), 0 in error; report in "
                + report + System.lineSeparator());
        assertThat(new ObjectMapper().readTree(report.toFile()).toString()).contains(a.toString(), b.toString());
    }

    @Test
    void jsonFormatWithoutOutputPrintsOnlyTheJsonReport() throws Exception {
        Path history = Cli.copyRecorded(dir.resolve("a.json"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER, "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).toString()).contains(history.toString());
    }

    @Test
    void aReportFileThatCannotBeWrittenIsBadInputNamingIt() throws Exception {
        Cli.copyRecorded(dir.resolve("histories/a.json"));
        Path directory = Files.createDirectories(dir.resolve("taken"));

        Run run = Cli.run("verify", "--histories", dir.resolve("histories").toString(), "--workflows", Cli.TRANSFER,
                "--output", directory.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("hourglass-replay: cannot write the report to " + directory);
    }
}
