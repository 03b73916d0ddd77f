package dev.hourglass.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.replay.cli.Cli.Run;
import dev.hourglass.replay.cli.HistoryFiles.HistoryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --shard i/n}: the n shards of a corpus hold every history file exactly once, the same on every machine. */
class ShardTest {

    /** A fixed corpus of 20 history files in nested directories, with names that are not history files among them. */
    private static final List<String> CORPUS = List.of("transfer-1.json", "transfer-2.json", "transfer-3.json.gz",
            "eu/transfer-4.json", "eu/transfer-5.json", "eu/2026/transfer-6.json", "eu/2026/transfer-7.json",
            "eu/2026/11/transfer-8.json.gz", "eu/2026/11/transfer-9.json", "us/order-1.json", "us/order-2.json",
            "us/orders/order-3.json.gz", "us/orders/order-4.json", "us/orders/old/order-5.json",
            "us/orders/old/order-6.json", "billing/subscription-1.json", "billing/subscription-2.json",
            "billing/a b/subscription-3.json", "billing/a b/subscription-4.json", "billing/x/y/z/subscription-5.json");

    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) histor(?:y|ies) \\(shard (\\d)/(\\d)\\): ");

    @Test
    void theShardsOfACorpusPartitionItExactlyForOneToFourShards(@TempDir Path root) throws Exception {
        List<HistoryFile> all = HistoryFiles.list(List.of(corpus(root)));
        assertThat(all).extracting(HistoryFile::relativePath).containsExactlyInAnyOrderElementsOf(CORPUS);

        for (int n = 1; n <= 4; n++) {
            List<String> seen = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                HistoryFiles.select(all, new Shard(i, n)).forEach(file -> seen.add(file.relativePath()));
            }
            assertThat(seen).as("the files of shards 1/%d to %d/%d", n, n, n).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(CORPUS);
        }
    }

    @Test
    void everyShardOfFourHoldsSomeOfTheCorpus(@TempDir Path root) throws Exception {
        List<HistoryFile> all = HistoryFiles.list(List.of(corpus(root)));

        for (int i = 1; i <= 4; i++) {
            assertThat(HistoryFiles.select(all, new Shard(i, 4))).as("shard %d/4", i).isNotEmpty();
        }
    }

    @Test
    void aFilesShardIsTheCrc32OfItsSlashSeparatedRelativePathModuloTheCountPlusOne() {
        assertThat(List.of(Shard.of("transfer-1.json", 2), Shard.of("transfer-1.json", 3),
                Shard.of("transfer-1.json", 4))).containsExactly(1, 1, 3);
        assertThat(List.of(Shard.of("eu/2026/transfer-7.json", 2), Shard.of("eu/2026/transfer-7.json", 3),
                Shard.of("eu/2026/transfer-7.json", 4))).containsExactly(2, 1, 4);
        assertThat(Shard.of("us/orders/order-3.json.gz", 4)).isEqualTo(2);
    }

    @Test
    void aFileIsInTheSameShardWhereverTheCorpusIs(@TempDir Path dir) throws Exception {
        List<HistoryFile> here = HistoryFiles.list(List.of(corpus(dir.resolve("here"))));
        List<HistoryFile> there = HistoryFiles.list(List.of(corpus(dir.resolve("elsewhere/deeper/there"))));

        for (int i = 1; i <= 3; i++) {
            assertThat(relativePaths(HistoryFiles.select(there, new Shard(i, 3))))
                    .isEqualTo(relativePaths(HistoryFiles.select(here, new Shard(i, 3))));
        }
    }

    @Test
    void aFileUnderTwoHistoriesArgumentsIsListedOnceUnderTheFirst(@TempDir Path root) throws Exception {
        corpus(root);

        List<HistoryFile> files = HistoryFiles.list(List.of(root.resolve("eu"), root));

        assertThat(files).hasSize(CORPUS.size());
        assertThat(files.get(0).relativePath()).isEqualTo("2026/11/transfer-8.json.gz");
    }

    @Test
    void theCommandVerifiesOnlyTheFilesOfItsShard(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("histories");
        for (int k = 1; k <= 6; k++) {
            Cli.copyRecorded(root.resolve("region-" + (k % 2) + "/transfer-" + k + ".json"));
        }
        List<HistoryFile> all = HistoryFiles.list(List.of(root));
        List<String> verified = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<HistoryFile> shard = HistoryFiles.select(all, new Shard(i, 3));
            Path report = dir.resolve("reports/shard-" + i + ".json");

            Run run = Cli.run("verify", "--histories", root.toString(), "--workflows", Cli.TRANSFER, "--shard",
                    i + "/3", "--format", "json", "--output", report.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            Matcher summary = SUMMARY.matcher(run.out());
            assertThat(summary.find()).as(run.out()).isTrue();
            assertThat(summary.group(1)).isEqualTo(Integer.toString(shard.size()));
            assertThat(summary.group(2)).isEqualTo(Integer.toString(i));
            String written = Files.readString(report);
            for (HistoryFile file : all) {
                if (shard.contains(file)) {
                    assertThat(written).as("report of shard %d/3", i).contains(file.path().toString());
                    verified.add(file.relativePath());
                } else {
                    assertThat(written).as("report of shard %d/3", i).doesNotContain(file.path().toString());
                }
            }
        }
        assertThat(verified).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void anEmptyShardOfAGoodCorpusExitsZero(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("histories");
        Cli.copyRecorded(root.resolve("transfer-1.json"));
        Path report = dir.resolve("shard-2.xml");

        Run run = Cli.run("verify", "--histories", root.toString(), "--workflows", Cli.TRANSFER, "--shard", "2/2",
                "--format", "junit", "--output", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("0 histories (shard 2/2): 0 compatible");
    }

    @Test
    void parsesIOfN() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse("1/1")).isEqualTo(Shard.ALL);
    }

    @Test
    void rejectsNegativeAndMalformedShards() {
        for (String text : List.of("-1/3", "1/-3", "1/", "/3", "1/3/5", "", "1:3")) {
            assertThatThrownBy(() -> Shard.parse(text)).as(text)
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("not '" + text + "'");
        }
    }

    private static Path corpus(Path root) throws Exception {
        for (String file : CORPUS) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "{}");
        }
        Files.writeString(root.resolve("eu/README.md"), "not a history");
        Files.writeString(root.resolve("us/orders/order-9.json.bak"), "not a history");
        return root;
    }

    private static List<String> relativePaths(List<HistoryFile> files) {
        return files.stream().map(HistoryFile::relativePath).collect(Collectors.toList());
    }
}
