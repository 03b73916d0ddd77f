package dev.hourglass.replay.internal;

import dev.hourglass.history.History;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.internal.history.HistoryJsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Where a history of the gate comes from: a file, read when the gate runs, or a history object. */
public final class HistorySource {

    private final Path file;
    private final History history;

    private HistorySource(Path file, History history) {
        this.file = file;
        this.history = history;
    }

    public static HistorySource of(Path file) {
        return new HistorySource(file, null);
    }

    public static HistorySource of(History history) {
        return new HistorySource(null, history);
    }

    /** Whether a file's name says it holds a history: {@code *.json} or {@code *.json.gz}. */
    public static boolean isHistoryFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".json.gz");
    }

    /** The file, or {@code workflowId/runId} of a history object. */
    public String name() {
        return file != null ? file.toString() : history.getWorkflowId() + "/" + history.getRunId();
    }

    /**
     * The history: the object, or the file read now, parsed from its bytes.
     *
     * @throws HistoryFormatException if the file is empty, or not a well-formed history (or not valid gzip or
     *     UTF-8)
     * @throws UncheckedIOException if the file cannot be read
     */
    public History read() {
        if (history != null) {
            return history;
        }
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("history file " + source + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history file " + source + ": " + e, e);
        }
        if (source.endsWith(".gz")) {
            bytes = gunzip(bytes, source);
        }
        if (bytes.length == 0) {
            throw new HistoryFormatException("history " + source + ": the file is empty; expected a history JSON"
                    + " object with \"format\": \"" + HistoryJsonCodec.FORMAT + "\"", source, null);
        }
        return HistoryJsonCodec.fromJson(bytes, source);
    }

    private static byte[] gunzip(byte[] bytes, String source) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw new HistoryFormatException("history " + source + ": the file is not valid gzip (" + e.getMessage()
                    + "); a .json.gz file must be a gzipped history JSON file", source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history file " + source + ": " + e, e);
        }
    }
}
