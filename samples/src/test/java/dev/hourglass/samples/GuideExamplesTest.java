package dev.hourglass.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps a guide true: every Java example in it is the text of a region of a test in one package, marked
 * {@code // guide: <name> begin} and {@code // guide: <name> end}, and every region of that package is shown in
 * it. A subclass names the guide and the package.
 *
 * <p>In the guide, each Java code block follows a comment {@code <!-- example: <name> -->}. A region's text
 * is the lines between its markers, without lines that are markers of other regions, with their common
 * leading indentation removed.
 */
public abstract class GuideExamplesTest {

    private static final Pattern MARKER = Pattern.compile("^\\s*// guide: (\\S+) (begin|end)\\s*$");
    private static final Pattern EXAMPLE = Pattern.compile("^<!-- example: (\\S+) -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

    private final Path guide;
    private final Path sources;

    /**
     * Checks {@code guide} against the regions of the tests in {@code sources}.
     *
     * @param guide the guide, relative to the samples module
     * @param sources the directory of the tests whose regions the guide shows (not its subdirectories)
     */
    protected GuideExamplesTest(Path guide, Path sources) {
        this.guide = guide;
        this.sources = sources;
    }

    /** A Java block of the guide: its name (or null) and its text, with the line it starts on. */
    private record Example(String name, int line, String text) {
    }

    @TestFactory
    public Stream<DynamicTest> everyExampleOfTheGuideIsTheTextOfTheRegionOfTheSameName() {
        Map<String, String> regions = regions();
        return examples().stream().map(example -> DynamicTest.dynamicTest("example " + example.name(), () -> {
            assertThat(regions.containsKey(example.name()))
                    .as("region '%s' (guide line %d): no test in %s marks it with // guide: %s begin/end",
                            example.name(), example.line(), sources, example.name())
                    .isTrue();
            assertThat(example.text())
                    .as("example '%s' (guide line %d) differs from region '%s' of the tests in %s",
                            example.name(), example.line(), example.name(), sources)
                    .isEqualTo(regions.get(example.name()));
        }));
    }

    @Test
    public void everyJavaBlockOfTheGuideIsNamedOnceByAnExampleComment() {
        List<Example> examples = examples();
        assertThat(examples).as("Java blocks of the guide without a preceding <!-- example: name --> comment")
                .filteredOn(example -> example.name() == null)
                .extracting(Example::line)
                .isEmpty();
        assertThat(examples.stream().map(Example::name).filter(name -> name != null))
                .as("names of the examples of the guide")
                .doesNotHaveDuplicates();
    }

    @Test
    public void everyRegionOfTheGuidesTestsIsShownInTheGuide() {
        List<String> shown = examples().stream().map(Example::name).collect(Collectors.toList());
        assertThat(regions().keySet().stream().filter(name -> !shown.contains(name)))
                .as("regions of the tests in %s that the guide does not show", sources)
                .isEmpty();
    }

    /** The Java blocks of the guide, in order. */
    private List<Example> examples() {
        List<String> lines = lines(guide);
        List<Example> examples = new ArrayList<>();
        String pendingName = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher example = EXAMPLE.matcher(line);
            if (example.matches()) {
                pendingName = example.group(1);
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).equals("```")) {
                    end++;
                }
                assertThat(end).as("code block opened at guide line %d is never closed", i + 1)
                        .isLessThan(lines.size());
                if (fence.group(1).equals("java")) {
                    examples.add(new Example(pendingName, i + 1, String.join("\n", lines.subList(i + 1, end))));
                }
                pendingName = null;
                i = end;
                continue;
            }
            if (!line.isBlank()) {
                pendingName = null;
            }
        }
        return examples;
    }

    /** The regions of the tests in this package, by name. */
    private Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(sources)) {
            files = listing.filter(file -> file.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            List<String> lines = lines(file);
            Map<String, Integer> open = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i));
                if (!marker.matches()) {
                    continue;
                }
                String name = marker.group(1);
                if (marker.group(2).equals("begin")) {
                    assertThat(regions).as("region '%s' is marked twice (again in %s)", name, file)
                            .doesNotContainKey(name);
                    assertThat(open).as("region '%s' begins twice in %s", name, file).doesNotContainKey(name);
                    open.put(name, i);
                } else {
                    assertThat(open).as("region '%s' ends in %s at line %d without a begin", name, file, i + 1)
                            .containsKey(name);
                    regions.put(name, dedent(lines.subList(open.remove(name) + 1, i)));
                }
            }
            assertThat(open.keySet()).as("regions begun in %s and never ended", file).isEmpty();
        }
        return regions;
    }

    /** The lines without other regions' markers, with their common leading indentation removed. */
    private static String dedent(List<String> lines) {
        List<String> kept = lines.stream().filter(line -> !MARKER.matcher(line).matches())
                .collect(Collectors.toList());
        int indent = kept.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min().orElse(0);
        return kept.stream().map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }

    private static List<String> lines(Path file) {
        try {
            return List.of(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
