package dev.hourglass.samples.replaygate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the samples' replay corpus again, replacing the committed files; runs only when asked:
 *
 * <pre>
 * mvn -pl samples -am verify -Dtest=RerecordSampleHistoriesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhourglass.recordHistories=true
 * </pre>
 *
 * <p>Re-record only on purpose: the corpus stands for executions recorded by the code as it was, and a
 * re-recording makes the gate check the current code against itself.
 */
@EnabledIfSystemProperty(named = "hourglass.recordHistories", matches = "true")
class RerecordSampleHistoriesTest {

    @Test
    void recordsTheCorpusAgain(@TempDir Path recording) throws IOException {
        // in a fresh JVM (see SampleHistories), and first, so that a failure leaves the corpus as it is
        Path directory = Files.createDirectory(recording.resolve("histories"));
        FreshJvm.run(SampleHistories.class, recording, directory.toString());
        List<Path> recorded = historyFiles(directory);
        Files.createDirectories(SampleHistories.CORPUS);
        for (Path old : historyFiles(SampleHistories.CORPUS)) {
            Files.delete(old);
        }
        for (Path file : recorded) {
            Files.move(file, SampleHistories.CORPUS.resolve(file.getFileName()));
        }

        assertThat(historyFiles(SampleHistories.CORPUS)).containsExactlyInAnyOrderElementsOf(recorded.stream()
                .map(file -> SampleHistories.CORPUS.resolve(file.getFileName())).collect(Collectors.toList()));
    }

    private static List<Path> historyFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".json.gz"))
                    .collect(Collectors.toList());
        }
    }
}
