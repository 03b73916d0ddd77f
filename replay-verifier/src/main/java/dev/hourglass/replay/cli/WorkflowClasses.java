package dev.hourglass.replay.cli;

import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the {@code --workflows} and {@code --codec} classes from the command's own class path plus the
 * {@code --classpath} entries, through a class loader whose parent is the command's, so that the classes share
 * Hourglass's classes with the gate.
 */
final class WorkflowClasses implements AutoCloseable {

    private final List<Path> entries;
    private final URLClassLoader loader;

    private WorkflowClasses(List<Path> entries, URLClassLoader loader) {
        this.entries = entries;
        this.loader = loader;
    }

    /**
     * Opens a loader over {@code classPath}, a list of jars and directories separated by the platform's path
     * separator; {@code null} or blank for none.
     *
     * @throws BadInputException if an entry does not exist
     */
    static WorkflowClasses open(String classPath) {
        List<Path> entries = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        if (classPath != null) {
            for (String entry : classPath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = Path.of(entry);
                if (!Files.exists(path)) {
                    throw new BadInputException("class path entry " + entry + " does not exist (--classpath takes jars"
                            + " and directories separated by '" + File.pathSeparator + "')");
                }
                entries.add(path);
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new BadInputException("class path entry " + entry + " is not a usable path: "
                            + e.getMessage(), e);
                }
            }
        }
        ClassLoader parent = WorkflowClasses.class.getClassLoader();
        return new WorkflowClasses(List.copyOf(entries), new URLClassLoader(urls.toArray(new URL[0]), parent));
    }

    /**
     * Loads each class by its name; a nested class may be named with {@code .} as in source, or with {@code $}.
     *
     * @throws BadInputException if a class is not found, or cannot be loaded; the message names it and where it was
     *     looked for
     */
    List<Class<?>> load(List<String> names) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(load(name.strip()));
        }
        return classes;
    }

    private Class<?> load(String name) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    throw new BadInputException("class " + name + " not found in " + where());
                }
                // Outer.Inner as written in source is Outer$Inner to the class loader
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            } catch (LinkageError e) {
                throw new BadInputException("class " + name + " cannot be loaded from " + where() + ": " + e, e);
            }
        }
    }

    /**
     * Creates the {@code --codec} payload codecs, each of its class name, loaded like the workflow classes.
     *
     * @throws BadInputException if a class is not found, is no usable codec class, or its constructor fails
     */
    List<PayloadCodec> codecs(List<String> names) {
        List<PayloadCodec> codecs = new ArrayList<>();
        for (String name : names) {
            String className = name.strip();
            try {
                codecs.add(PayloadCodecs.newInstance(className, loader));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--codec " + className + ": " + e.getMessage()
                        + (e.getCause() != null ? " (looked in " + where() + ")" : ""), e);
            } catch (IllegalStateException e) {
                throw new BadInputException("--codec " + className + ": " + e.getMessage(), e.getCause());
            }
        }
        return codecs;
    }

    /** Where classes are looked for, for a message. */
    private String where() {
        if (entries.isEmpty()) {
            return "the class path of hourglass-replay (no --classpath was given)";
        }
        List<String> names = new ArrayList<>();
        entries.forEach(entry -> names.add(entry.toString()));
        return "the class path of hourglass-replay and --classpath " + String.join(File.pathSeparator, names);
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of --classpath: " + e, e);
        }
    }
}
