package dev.hourglass.testing;

import dev.hourglass.testing.internal.HtmlReports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;

/**
 * Runs example JUnit 4 test classes with {@link JUnitCore} from JUnit 5 tests, so that no vintage engine is needed,
 * and keeps what they wrote to {@code System.err}.
 */
final class JUnit4Examples {

    private static volatile boolean launching;

    private JUnit4Examples() {
    }

    /** The outcome of running an example class: JUnit's result and what its tests wrote to stderr. */
    record Outcome(Result result, String stderr) {

        /** The message of the only failure of the run. */
        String onlyFailureMessage() {
            if (result.getFailureCount() != 1) {
                throw new AssertionError("expected exactly one failure but got " + result.getFailures());
            }
            return result.getFailures().get(0).getMessage();
        }

        /** The throwable of the only failure of the run. */
        Throwable onlyFailure() {
            if (result.getFailureCount() != 1) {
                throw new AssertionError("expected exactly one failure but got " + result.getFailures());
            }
            return result.getFailures().get(0).getException();
        }
    }

    /**
     * Runs {@code example}'s tests, one at a time across all callers, since stderr is shared; reports of failing
     * tests go where they go by default.
     */
    static Outcome launch(Class<?> example) {
        return launch(example, null);
    }

    /**
     * Runs {@code example}'s tests as {@link #launch(Class)} does, with the HTML reports of failing tests written
     * under {@code reportsDir} (the system property {@code hourglass.reports.dir} set while they run).
     */
    static synchronized Outcome launch(Class<?> example, Path reportsDir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        String originalDir = System.getProperty(HtmlReports.DIRECTORY_PROPERTY);
        launching = true;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        if (reportsDir != null) {
            System.setProperty(HtmlReports.DIRECTORY_PROPERTY, reportsDir.toString());
        }
        try {
            Result result = new JUnitCore().run(example);
            return new Outcome(result, err.toString(StandardCharsets.UTF_8));
        } finally {
            if (originalDir == null) {
                System.clearProperty(HtmlReports.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(HtmlReports.DIRECTORY_PROPERTY, originalDir);
            }
            System.setErr(originalErr);
            launching = false;
        }
    }

    /** The base of the example classes: their tests run only when launched from here, never found by a tool. */
    public abstract static class Example {
        @BeforeClass
        public static void runOnlyWhenLaunchedByJUnit4Examples() {
            Assume.assumeTrue(launching);
        }
    }
}
