package dev.hourglass.testing.internal;

import dev.hourglass.history.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes histories to a directory, one {@code <workflowId>_<runId>.json} file per run. */
final class HistoryExport {

    private HistoryExport() {
    }

    /** Writes each history to its file under {@code directory}, created if missing; returns the files in order. */
    static List<Path> write(List<History> histories, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + directory + " to export histories to: "
                    + e, e);
        }
        List<Path> files = new ArrayList<>(histories.size());
        for (History history : histories) {
            Path file = directory.resolve(fileName(history));
            history.write(file);
            files.add(file);
        }
        return files;
    }

    /** {@code <workflowId>_<runId>.json}, with the characters of the ids that are unsafe in a file name escaped. */
    static String fileName(History history) {
        return escape(history.getWorkflowId()) + "_" + escape(history.getRunId()) + ".json";
    }

    /** Keeps letters, digits, '-' and '.'; writes every other character as '%' and the hex of its UTF-8 bytes. */
    private static String escape(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); ) {
            int codePoint = id.codePointAt(i);
            if (codePoint < 128 && (Character.isLetterOrDigit(codePoint) || codePoint == '-' || codePoint == '.')) {
                name.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    name.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            }
            i += Character.charCount(codePoint);
        }
        return name.toString();
    }
}
