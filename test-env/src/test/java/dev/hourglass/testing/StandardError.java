package dev.hourglass.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what code prints to standard error, where the tests' SLF4J backend (slf4j-simple) logs. */
final class StandardError {

    private StandardError() {
    }

    /** Runs {@code action} and returns what it printed to {@code System.err}; restores the stream afterwards. */
    static String capture(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
