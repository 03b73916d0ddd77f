package dev.hourglass.replay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The history files of the {@code --histories} arguments, each with its path relative to its root. */
final class HistoryFiles {

    /** A history file and its path below the root it was found under, with {@code /} separators. */
    record HistoryFile(Path path, String relativePath) {
    }

    private HistoryFiles() {
    }

    /**
     * Lists the history files of each root in order: a file as given (its relative path is its name), a directory's
     * {@code *.json} and {@code *.json.gz} files recursively, sorted by relative path. A file reachable from two
     * roots is listed once, under the first.
     *
     * @throws BadInputException if a root does not exist, a directory cannot be listed, or there is no history file
     *     at all
     */
    static List<HistoryFile> list(List<Path> roots) {
        Map<Path, HistoryFile> files = new LinkedHashMap<>();
        for (Path root : roots) {
            for (HistoryFile file : listRoot(root)) {
                files.putIfAbsent(file.path().toAbsolutePath().normalize(), file);
            }
        }
        if (files.isEmpty()) {
            throw new BadInputException("no history file (*.json, *.json.gz) in " + roots.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        }
        return List.copyOf(files.values());
    }

    /** The files of {@code files} that are in {@code shard}, in the same order. */
    static List<HistoryFile> select(List<HistoryFile> files, Shard shard) {
        return files.stream().filter(file -> shard.contains(file.relativePath())).collect(Collectors.toList());
    }

    private static List<HistoryFile> listRoot(Path root) {
        if (!Files.exists(root)) {
            throw new BadInputException("no history file or directory " + root);
        }
        if (!Files.isDirectory(root)) {
            return List.of(new HistoryFile(root, root.getFileName().toString()));
        }
        List<HistoryFile> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(HistoryFiles::isHistoryFile)
                    .forEach(file -> found.add(new HistoryFile(file, relative(root, file))));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot list the history files under " + root + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(HistoryFile::relativePath));
        return found;
    }

    private static boolean isHistoryFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".json.gz");
    }

    private static String relative(Path root, Path file) {
        List<String> names = new ArrayList<>();
        for (Path name : root.relativize(file)) {
            names.add(name.toString());
        }
        return String.join("/", names);
    }
}
