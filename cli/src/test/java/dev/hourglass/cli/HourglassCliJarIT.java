package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar that the build made, run as {@code java -jar} in a process of its own, on a store that this JVM's
 * worker keeps running.
 */
class HourglassCliJarIT {

    /** Set by the build's integration-test phase, after package made the jar. */
    private static final Path JAR = Path.of(System.getProperty("hourglass.cli.jar",
            "the runnable jar: run this test with mvn verify, whose integration-test phase names it"));

    private static OrdersStore store;

    @TempDir
    Path directory;

    @BeforeAll
    static void runAnOrder() throws Exception {
        store = OrdersStore.empty();
        var order = store.start("jar-order-1", "book");
        order.signal("approve", "frank");
        order.getResult(30, TimeUnit.SECONDS, String.class);
    }

    @AfterAll
    static void closeStore() throws IOException {
        store.close();
    }

    @Test
    void theJarIsThere() {
        assertThat(JAR).as("the runnable jar, made by mvn package").isRegularFile();
    }

    @Test
    void listsTheRunsOfAStoreQuietly() throws Exception {
        Result result = run("workflows", "list", "--store", store.location());

        assertThat(result.err()).as("standard error: no log line, no warning of SLF4J").isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith(ListCommandTest.HEADER.replace("STATUS      ", "STATUS     ") + "\n")
                .containsPattern("\njar-order-1  " + ListCommandTest.RUN_ID + "  OrderWorkflow  COMPLETED ");
    }

    @Test
    void showsARunWithItsResult() throws Exception {
        Result result = run("show", "jar-order-1", "--store", store.location());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("WorkflowExecutionCompleted  result=\"R-book S-book approved by frank\"");
    }

    @Test
    void exportsHistoriesThatReadBack() throws Exception {
        Result result = run("export", "--out", directory.toString(), "--store", store.location());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).endsWith("Exported 1 run to " + directory + " (0 open).\n");
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).singleElement()
                    .satisfies(file -> assertThat(dev.hourglass.history.History.read(file).getWorkflowId())
                            .isEqualTo("jar-order-1"));
        }
    }

    @Test
    void reportsAMissingDatabaseFileInOneLineWithExitCode1() throws Exception {
        Path missing = directory.resolve("missing.db");

        Result result = run("list", "--store", "sqlite:" + missing);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("hourglass: no database file " + missing
                + " (check --store; hourglass never creates one)\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void printsItsVersion() throws Exception {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("hourglass \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void servesTheUiUntilSigtermThenExits() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "ui", "--port", "0", "--store", store.location());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).matches("Hourglass UI of " + java.util.regex.Pattern.quote(store.location())
                    + " on http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl-C stops it\\)");
            java.net.URI uri = java.net.URI.create(line.replaceAll(".* on (http://\\S+) .*", "$1"));
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(">jar-order-1</a>");

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(process.exitValue()).as("the exit status of a JVM that SIGTERM ended").isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = directory.resolveSibling(directory.getFileName() + "-out.txt");
        Path err = directory.resolveSibling(directory.getFileName() + "-err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hourglass " + String.join(" ", args) + " did not end within 60 s");
        }
        try {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
