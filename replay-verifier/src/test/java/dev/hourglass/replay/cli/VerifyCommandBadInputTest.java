package dev.hourglass.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.replay.cli.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and usage exit 2 with one line on standard error that names what is wrong and where. */
class VerifyCommandBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aMissingHistoriesDirectoryIsBadInputNamingIt() {
        Path missing = dir.resolve("nowhere");

        Run run = Cli.run("verify", "--histories", missing.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, "no history file or directory " + missing);
    }

    @Test
    void aDirectoryWithoutHistoryFilesIsBadInputNamingIt() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a history");

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, "no history file (*.json, *.json.gz) in " + dir);
    }

    @Test
    void anUnknownClassIsBadInputNamingTheClassAndWhereItWasLookedFor() throws Exception {
        Cli.copyRecorded(dir.resolve("a.json"));
        Path classes = Files.createDirectories(dir.resolve("classes"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", "com.acme.TransferImpl",
                "--classpath", classes.toString());

        assertBadInput(run, "class com.acme.TransferImpl not found in the class path of hourglass-replay and"
                + " --classpath " + classes);
    }

    @Test
    void aMissingClassPathEntryIsBadInputNamingIt() throws Exception {
        Cli.copyRecorded(dir.resolve("a.json"));
        Path missing = dir.resolve("missing.jar");

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER, "--classpath",
                missing.toString());

        assertBadInput(run, "class path entry " + missing + " does not exist");
    }

    @Test
    void aClassThatIsNotAWorkflowImplementationIsBadInputWithTheGatesMessage() throws Exception {
        Cli.copyRecorded(dir.resolve("a.json"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", "java.lang.String");

        assertBadInput(run, "java.lang.String", "@WorkflowInterface");
    }

    @Test
    void aMalformedFileIsBadInputNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{ not json");

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, file.toString());
    }

    @Test
    void aTruncatedFileIsBadInputNamingIt() throws Exception {
        String json = Files.readString(Cli.RECORDED);
        Path file = Files.writeString(dir.resolve("truncated.json"), json.substring(0, json.length() / 2));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, file.toString());
    }

    @Test
    void aCorruptGzipFileIsBadInputNamingIt() throws Exception {
        Path file = Files.write(dir.resolve("corrupt.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, file.toString(), "gzip");
    }

    @Test
    void aFileOfAnotherFormatVersionIsBadInputNamingIt() throws Exception {
        Path file = Cli.writeEdited(dir.resolve("future.json"), json -> json.replace("\"version\": 1,",
                "\"version\": 2,"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, file.toString(), "version 2");
    }

    @Test
    void anUnknownEventTypeIsBadInputNamingTheFileAndTheType() throws Exception {
        Path file = Cli.writeEdited(dir.resolve("unknown-event.json"), json -> json.replace("\"TimerFired\"",
                "\"TimerExploded\""));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, file.toString(), "TimerExploded");
    }

    @Test
    void aGapInEventIdsIsBadInputNamingTheFile() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Cli.RECORDED.toFile());
        ((ArrayNode) root.get("events")).remove(2);
        Path file = Files.writeString(dir.resolve("gap.json"), JSON.writeValueAsString(root));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER);

        assertBadInput(run, file.toString(), "eventId 3");
    }

    @Test
    void aHistoryOfATypeNoGivenClassImplementsIsBadInputNamingTheFileAndTheType() throws Exception {
        Path file = Cli.copyRecorded(dir.resolve("transfer.json"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.GREETING);

        assertBadInput(run, file.toString(), "'MoneyTransfer'");
    }

    @Test
    void aHistoryInErrorMakesTheRunBadInputEvenWhenAnotherIsIncompatible() throws Exception {
        Cli.copyRecorded(dir.resolve("a.json"));
        Path broken = Files.writeString(dir.resolve("b.json"), "{ not json");

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.SWAPPED_TRANSFER);

        assertBadInput(run, broken.toString());
        assertThat(Cli.withoutDurations(run.out())).isEqualTo(Cli.textReport(dir, Cli.SWAPPED_TRANSFER));
    }

    @Test
    void shardZeroIsAUsageError() {
        assertShardRejected("0/3");
    }

    @Test
    void aShardAboveItsCountIsAUsageError() {
        assertShardRejected("4/3");
    }

    @Test
    void aShardThatIsNotANumberIsAUsageError() {
        assertShardRejected("x");
    }

    @Test
    void aShardOfZeroShardsIsAUsageError() {
        assertShardRejected("0/0");
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheFormats() {
        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER, "--format", "xml");

        assertBadInput(run, "--format", "xml", "text, junit, json");
    }

    @Test
    void noWorkflowsIsAUsageError() {
        Run run = Cli.run("verify", "--histories", dir.toString());

        assertBadInput(run, "Missing required option", "--workflows");
    }

    @Test
    void aParallelismBelowOneIsBadInput() throws Exception {
        Cli.copyRecorded(dir.resolve("a.json"));

        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER, "--parallelism",
                "0");

        assertBadInput(run, "--parallelism must be at least 1, not 0");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        Run run = Cli.run("check");

        assertBadInput(run, "'check'");
    }

    private void assertShardRejected(String shard) {
        Run run = Cli.run("verify", "--histories", dir.toString(), "--workflows", Cli.TRANSFER, "--shard", shard);

        assertBadInput(run, "--shard", "expected i/n, shard i of n numbered from 1 (1 <= i <= n), as in 2/4, not '"
                + shard + "'");
    }

    private static void assertBadInput(Run run, String... reasonFragments) {
        assertThat(run.exitCode()).as("exit code; out:%n%s%nerr:%n%s", run.out(), run.err()).isEqualTo(2);
        assertThat(run.errLines()).as("standard error").hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("hourglass-replay").contains(reasonFragments);
    }
}
