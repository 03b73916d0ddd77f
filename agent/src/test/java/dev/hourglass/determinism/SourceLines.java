package dev.hourglass.determinism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of the test sources that carry a comment {@code // finding: <name>}, so that tests name the line of a
 * call without numbers that go stale when the file changes.
 */
final class SourceLines {

    private static final Path TEST_SOURCES = Path.of("src", "test", "java");

    private SourceLines() {
    }

    /**
     * The number (from 1) of the one line of the source file of {@code type}'s top-level class that ends with
     * {@code // finding: <name>}.
     */
    static int lineOf(Class<?> type, String name) {
        Class<?> topLevel = type;
        while (topLevel.getEnclosingClass() != null) {
            topLevel = topLevel.getEnclosingClass();
        }
        Path file = TEST_SOURCES.resolve(topLevel.getName().replace('.', '/') + ".java");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String marker = "// finding: " + name;
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().endsWith(marker)) {
                found.add(i + 1);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected one line marked '" + marker + "' in " + file + ", found "
                    + found);
        }
        return found.get(0);
    }
}
