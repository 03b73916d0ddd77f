package com.example.determinism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the line of a marker comment in a test source file, so that tests name lines without hard-coding them. */
final class SourceLines {

    private static final Path TEST_SOURCES = Path.of("src", "test", "java");

    private SourceLines() {
    }

    /**
     * Where the line ending with {@code // marker} is, as a stack frame names it: {@code (DirectCalls.java:61)}.
     *
     * @param type the class whose source file holds the marker
     */
    static String at(Class<?> type, String marker) {
        return "(" + fileName(type) + ":" + lineOf(type, marker) + ")";
    }

    /** The number of the only line of {@code type}'s source file that ends with {@code // marker}. */
    static int lineOf(Class<?> type, String marker) {
        List<String> lines = read(type);
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().endsWith("// " + marker)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("marker '" + marker + "' is on two lines of " + fileName(type));
                }
                found = i + 1;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("no line of " + fileName(type) + " ends with '// " + marker + "'");
        }
        return found;
    }

    private static String fileName(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getSimpleName() + ".java";
    }

    private static List<String> read(Class<?> type) {
        Path file = TEST_SOURCES.resolve(type.getPackageName().replace('.', '/')).resolve(fileName(type));
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
