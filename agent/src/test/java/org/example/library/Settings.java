package org.example.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stands for a third-party library that workflow code uses: it reads a file when asked for a setting. */
public final class Settings {

    private final Path file;

    public Settings(Path file) {
        this.file = file;
    }

    /** The value of a setting, read from the file each time. */
    public String get(String name) {
        for (String line : lines()) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }

    private java.util.List<String> lines() {
        try {
            return Files.readAllLines(file); // finding: library-io
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
