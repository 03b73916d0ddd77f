package dev.hourglass.internal.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests do when something they need from the machine is missing (a PostgreSQL server, a browser): they are
 * skipped, with a warning printed once per kind of test that says how to run them, unless an environment variable
 * requires them (as {@code .ci/run} sets it): then they fail. Tests of other modules use it through this module's test
 * jar.
 */
public final class Prerequisites {

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private Prerequisites() {
    }

    /**
     * Skips the calling test, or fails it if the environment variable {@code requiredVariable} is {@code true}.
     *
     * @param requiredVariable the environment variable that makes these tests required, such as
     *     {@code HOURGLASS_TEST_POSTGRES_REQUIRED}
     * @param tests the kind of tests, as the warning names them, such as {@code "PostgreSQL store tests"}
     * @param problem what is missing, such as {@code "HOURGLASS_TEST_POSTGRES_URL is not set"}
     * @param howToRun what to do to run them
     * @throws org.opentest4j.TestAbortedException if the tests are not required: the test is skipped
     * @throws IllegalStateException if they are required
     */
    public static void unavailable(String requiredVariable, String tests, String problem, String howToRun) {
        if (Boolean.parseBoolean(System.getenv(requiredVariable))) {
            throw new IllegalStateException(requiredVariable + " is true but " + problem + ": " + howToRun);
        }
        String message = tests + " skipped: " + problem + "; to run them, " + howToRun;
        if (ANNOUNCED.add(tests)) {
            System.err.println("[WARNING] " + message);
        }
        Assumptions.abort(message);
    }
}
