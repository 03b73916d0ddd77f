package dev.hourglass.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the HTML timelines of a failed test go: {@code target/hourglass-reports/<test class>/<test>.html}, relative to
 * the working directory (a module's directory under Maven), or under the directory that the system property
 * {@value #DIRECTORY_PROPERTY} names.
 */
public final class HtmlReports {

    /** The system property that names the directory of the reports instead of {@value #DEFAULT_DIRECTORY}. */
    public static final String DIRECTORY_PROPERTY = "hourglass.reports.dir";
    /** The directory of the reports, relative to the working directory, when the property is not set. */
    public static final String DEFAULT_DIRECTORY = "target/hourglass-reports";

    private static final int MAX_NAME_LENGTH = 120;

    private HtmlReports() {
    }

    /**
     * A test as the reports name it.
     *
     * @param className the test class's name
     * @param name the test's name within its class: the method's, with what tells its invocations apart
     * @param displayName the name the test framework shows
     */
    public record TestName(String className, String name, String displayName) {
    }

    /** The directory of the reports: the property's value if set, else {@value #DEFAULT_DIRECTORY}. */
    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return Paths.get(configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : configured);
    }

    /** The file of a test's report: a directory per test class, a file per test, both named safely. */
    public static Path fileOf(TestName test) {
        return directory().resolve(fileSafe(test.className())).resolve(fileSafe(test.name()) + ".html")
                .toAbsolutePath().normalize();
    }

    /**
     * Writes a test's report, creating its directories and replacing an earlier one.
     *
     * @return the absolute file written
     * @throws UncheckedIOException if it cannot be written; the message names the file
     */
    static Path write(TestName test, String html) {
        Path file = fileOf(test);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
        return file;
    }

    /**
     * The name of a test in a JUnit 5 class: the method's name, followed by the display name when that is not the
     * default one ({@code method(ParameterTypes)}), which tells apart the invocations of a parameterized or repeated
     * test.
     */
    public static String testName(String methodName, String displayName) {
        return displayName.startsWith(methodName + "(") ? methodName : methodName + "-" + displayName;
    }

    /**
     * {@code name} as a file name on every common file system: letters, digits, {@code .}, {@code -} and {@code _}
     * kept, every other character written as {@code _}, at most {@value #MAX_NAME_LENGTH} characters, never empty or
     * only dots.
     */
    public static String fileSafe(String name) {
        StringBuilder safe = new StringBuilder(Math.min(name.length(), MAX_NAME_LENGTH));
        for (int i = 0; i < name.length() && safe.length() < MAX_NAME_LENGTH; i++) {
            char c = name.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '_';
            safe.append(kept ? c : '_');
        }
        return safe.toString().replace(".", "").isEmpty() ? "_" + safe : safe.toString();
    }
}
