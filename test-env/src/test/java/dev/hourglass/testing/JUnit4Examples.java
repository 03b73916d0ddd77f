package dev.hourglass.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    /** Runs {@code example}'s tests, one at a time across all callers, since stderr is shared. */
    static synchronized Outcome launch(Class<?> example) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        launching = true;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Result result = new JUnitCore().run(example);
            return new Outcome(result, err.toString(StandardCharsets.UTF_8));
        } finally {
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
