package dev.hourglass.testing.internal;

import dev.hourglass.history.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            Path file = directory.resolve(history.defaultFileName());
            history.write(file);
            files.add(file);
        }
        return files;
    }
}
