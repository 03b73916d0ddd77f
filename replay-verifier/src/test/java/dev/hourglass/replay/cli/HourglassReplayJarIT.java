package dev.hourglass.replay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.workflow.Workflow;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar on its own: {@code java -jar <the cli jar> verify ...} in a child JVM, against histories in a
 * directory and workflow classes compiled by this test into directories of their own, given with
 * {@code --classpath}, so that nothing but the jar and those directories is on the child's class path.
 */
class HourglassReplayJarIT {

    private static final String INTERFACES = """
            package com.acme;

            import dev.hourglass.activity.ActivityInterface;
            import dev.hourglass.workflow.WorkflowInterface;
            import dev.hourglass.workflow.WorkflowMethod;

            public final class Transfers {
                private Transfers() {
                }

                @WorkflowInterface
                public interface MoneyTransfer {
                    @WorkflowMethod
                    String transfer(String from, String to, long cents);
                }

                @ActivityInterface
                public interface Accounts {
                    void withdraw(String account, long cents);

                    void deposit(String account, long cents);
                }
            }
            """;

    /** The code of the recorded history; the changed code calls {@code deposit} before {@code withdraw}. */
    private static final String IMPLEMENTATION = """
            package com.acme;

            import dev.hourglass.activity.ActivityOptions;
            import dev.hourglass.workflow.Workflow;
            import java.time.Duration;

            public class TransferImpl implements Transfers.MoneyTransfer {
                private final Transfers.Accounts accounts = Workflow.newActivityStub(Transfers.Accounts.class,
                        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

                @Override
                public String transfer(String from, String to, long cents) {
                    accounts.FIRST;
                    Workflow.sleep(Duration.ofMillis(20));
                    accounts.SECOND;
                    return "moved " + cents + " from " + from + " to " + to;
                }
            }
            """;

    @TempDir
    static Path dir;

    private static Path histories;
    private static Path compatibleClasses;
    private static Path changedClasses;

    @BeforeAll
    static void compileTheWorkflowsAndWriteTheHistories() throws Exception {
        histories = dir.resolve("histories");
        Cli.copyRecorded(histories.resolve("transfer-1.json"));
        Cli.copyRecorded(histories.resolve("eu/2026/transfer-2.json"));
        compatibleClasses = compile("compatible", "withdraw(from, cents)", "deposit(to, cents)");
        changedClasses = compile("changed", "deposit(to, cents)", "withdraw(from, cents)");
    }

    @Test
    void exitsZeroWhenTheClassesReplayEveryHistory() throws Exception {
        Path report = dir.resolve("reports/replay-gate.json");

        Run run = verify("--histories", histories.toString(), "--workflows", "com.acme.TransferImpl",
                "--classpath", compatibleClasses.toString(), "--format", "json", "--output", report.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out.strip()).isEqualTo("2 histories: 2 compatible, 0 incompatible (0 open), 0 in error;"
                + " report in " + report);
        assertThat(run.err).isEmpty();
        assertThat(report).isNotEmptyFile();
    }

    @Test
    void exitsOneAndWritesTheJUnitReportWhenTheChangedClassesCannotReplayTheHistories() throws Exception {
        Path report = dir.resolve("reports/replay-gate.xml");

        Run run = verify("--histories", histories.toString(), "--workflows", "com.acme.TransferImpl",
                "--classpath", changedClasses.toString(), "--format", "junit", "--output", report.toString());

        assertThat(run.exitCode).as(run.err).isEqualTo(1);
        assertThat(run.out.strip()).isEqualTo("2 histories: 0 compatible, 2 incompatible (0 open), 0 in error;"
                + " report in " + report);
        assertThat(Files.readString(report)).contains("failures=\"2\"");
    }

    @Test
    void exitsTwoNamingAClassThatIsNotOnTheClassPath() throws Exception {
        Run run = verify("--histories", histories.toString(), "--workflows", "com.acme.BillingImpl",
                "--classpath", compatibleClasses.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.lines()).singleElement().asString().isEqualTo("hourglass-replay: class com.acme.BillingImpl"
                + " not found in the class path of hourglass-replay and --classpath " + compatibleClasses);
    }

    @Test
    void exitsTwoNamingAMalformedHistoryFile() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("malformed"));
        Path broken = Files.writeString(corpus.resolve("broken.json"), "{ \"format\": ");

        Run run = verify("--histories", corpus.toString(), "--workflows", "com.acme.TransferImpl", "--classpath",
                compatibleClasses.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.lines()).singleElement().asString().startsWith("hourglass-replay: ")
                .contains(broken.toString());
    }

    @Test
    void printsTheVersionOfTheProject() throws Exception {
        Run run = runJar("--version");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.strip()).matches("hourglass-replay \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    private static Run verify(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "--parallelism", "2"));
        args.addAll(List.of(options));
        return runJar(args.toArray(new String[0]));
    }

    private static Run runJar(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("hourglass.replay.cli.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        // a safety net for a hung child, not a timing assertion: the child exits as soon as it has its answer
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("java -jar " + jar + " did not exit; it printed:\n" + Files.readString(out)
                    + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Compiles the workflow with its two activity calls in the given order into a directory of its own. */
    private static Path compile(String name, String first, String second) throws IOException {
        Path sources = dir.resolve("src-" + name + "/com/acme");
        Files.createDirectories(sources);
        Path interfaces = Files.writeString(sources.resolve("Transfers.java"), INTERFACES);
        Path implementation = Files.writeString(sources.resolve("TransferImpl.java"),
                IMPLEMENTATION.replace("FIRST", first).replace("SECOND", second));
        Path classes = Files.createDirectories(dir.resolve("classes-" + name));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null, List.of("--release", "17", "-proc:none",
                "-classpath", sdkCoreClasses(), "-d", classes.toString()), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(interfaces.toFile(),
                        implementation.toFile())).call();
        assertThat(compiled).as("compiling the %s workflow: %s", name, diagnostics).isTrue();
        return classes;
    }

    /** Where the SDK's classes are, for compiling the workflows against them. */
    private static String sdkCoreClasses() {
        try {
            return Path.of(Workflow.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}
