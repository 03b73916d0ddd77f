package com.example.agentit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.DeterminismAgent;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/**
 * The {@code -javaagent} jar checks a production-style worker on its own: a child JVM is started with
 * {@code -javaagent:<jar>=mode=...} and a class path without this module's classes or ByteBuddy, so that
 * whatever the agent needs must come from the jar.
 */
class JavaagentJarIT {

    private static final String WORKER = ClockReadingWorker.class.getName();

    @Test
    void inLogModeTheWorkflowCompletesAndEachCallSiteIsLoggedOnce() throws Exception {
        Run run = runWorker("mode=log", "log");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("RESULT: read the clock 3 times (true)");
        assertThat(count(run.output, "workflow code called System.currentTimeMillis() at " + WORKER
                + "$StampImpl.stamp(ClockReadingWorker.java:" + stampLine() + ")")).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("the determinism agent runs in log mode, so the call goes ahead");
    }

    @Test
    void inFailModeTheWorkflowCodeGetsTheErrorNamingTheCallAndTheLine() throws Exception {
        Run run = runWorker("mode=fail", "fail");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("REPORTED: workflow code called System.currentTimeMillis() at " + WORKER
                + "$StampImpl.stamp(ClockReadingWorker.java:" + stampLine() + "): it reads the wall clock")
                .contains("Use Workflow.currentTimeMillis()");
    }

    @Test
    void anUnknownModeStopsTheJvmWithAMessage() throws Exception {
        Run run = runWorker("mode=loud", "log");

        assertThat(run.exitCode).isNotZero();
        assertThat(run.output).contains("the determinism agent takes mode=fail or mode=log, not 'mode=loud'");
    }

    private static Run runWorker(String agentArguments, String expectation) throws Exception {
        Path jar = Path.of(System.getProperty("hourglass.agent.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + jar + "=" + agentArguments);
        command.add("-cp");
        command.add(classPathWithoutTheAgent());
        command.add(WORKER);
        command.add(expectation);
        Path output = Files.createTempFile("javaagent-it", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            // a safety net for a hung child, not a timing assertion: the child exits as soon as it has its answer
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the worker JVM did not exit; it printed:\n" + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The test class path less this module's own classes and ByteBuddy, which must come from the jar. */
    private static String classPathWithoutTheAgent() throws URISyntaxException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> excluded = List.of(location(DeterminismAgent.class), location(ByteBuddy.class),
                location(ByteBuddyAgent.class));
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !excluded.contains(Path.of(entry).toAbsolutePath().normalize())) {
                kept.add(entry);
            }
        }
        assertThat(kept).hasSizeLessThan(classPath.split(File.pathSeparator).length);
        return String.join(File.pathSeparator, kept);
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    }

    private static int stampLine() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/com/example/agentit/ClockReadingWorker.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// at:stamp")) {
                return i + 1;
            }
        }
        throw new AssertionError("no '// at:stamp' line in ClockReadingWorker.java");
    }

    private static int count(String text, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private record Run(int exitCode, String output) {
    }
}
