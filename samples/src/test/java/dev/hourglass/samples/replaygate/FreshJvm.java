package dev.hourglass.samples.replaygate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a new JVM of the running JDK. */
final class FreshJvm {

    private FreshJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code args} and waits for it (at most 2 minutes).
     *
     * @throws AssertionError if it does not end in time or ends with another exit code than 0; the message holds
     *     what it printed to standard error
     */
    static void run(Class<?> mainClass, Path workDirectory, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        Path err = workDirectory.resolve(mainClass.getSimpleName() + ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(mainClass.getName() + " did not end within 2 minutes in a fresh JVM; it"
                        + " printed to standard error:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(mainClass.getName() + " ended with exit code " + process.exitValue()
                        + " in a fresh JVM; it printed to standard error:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + mainClass.getName() + " in a fresh JVM: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + mainClass.getName() + " ran in a fresh JVM", e);
        }
    }
}
