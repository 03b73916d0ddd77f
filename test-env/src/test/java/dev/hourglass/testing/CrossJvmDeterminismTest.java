package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed reproduces a run byte for byte across JVM launches, not only within one JVM: hash orders that change
 * from one launch to the next ({@code Map.copyOf}, {@code Set.of}, {@code Class.getMethods()}) and ids drawn
 * from unseeded randomness would show up here as different histories.
 */
class CrossJvmDeterminismTest {

    private static final long SEED = 4242L;

    @TempDir
    Path outputs;

    @Test
    void theSameSeedPrintsTheSameHistoriesInTwoFreshJvms() {
        String first = runInFreshJvm(SEED, "first");
        String second = runInFreshJvm(SEED, "second");

        assertThat(first.lines()).first().isEqualTo("seed " + SEED);
        assertThat(first).contains("\"eventType\": \"MarkerRecorded\"")
                .contains("activity type 'teleport' is not registered")
                .containsPattern("registered: \\[alpha, bravo, charlie, delta, echo, foxtrot, golf, hotel\\]");
        assertThat(first.split("\"format\": \"hourglass-history\"", -1)).hasSize(SeededScenario.EXECUTIONS + 1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedPrintsOtherHistories() {
        List<String> one = SeededScenario.run(SEED);
        List<String> other = SeededScenario.run(SEED + 1);

        assertThat(other.subList(1, other.size())).doesNotContainAnyElementsOf(one.subList(1, one.size()));
    }

    /** Runs {@link SeededScenario} in a new JVM on this test's class path and returns what it printed. */
    private String runInFreshJvm(long seed, String name) {
        Path out = outputs.resolve(name + ".out");
        Path err = outputs.resolve(name + ".err");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, SeededScenario.class.getName(), Long.toString(seed))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        try {
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the scenario in a fresh JVM did not end within 2 minutes; it printed to"
                        + " stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            assertThat(process.exitValue())
                    .as("exit code of the scenario in a fresh JVM; it printed to stderr:%n%s",
                            Files.readString(err, StandardCharsets.UTF_8))
                    .isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the scenario ran", e);
        }
    }
}
