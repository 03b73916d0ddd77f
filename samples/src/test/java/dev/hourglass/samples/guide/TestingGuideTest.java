package dev.hourglass.samples.guide;

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
 * Keeps the guides true (testing and fault fuzzing): every Java example in them is the text of a region of a test
 * in this package, marked {@code // guide: <name> begin} and {@code // guide: <name> end}, and every region is shown
 * in one of them.
 *
 * <p>In a guide, each Java code block follows a comment {@code <!-- example: <name> -->}. A region's text
 * is the lines between its markers, without lines that are markers of other regions, with their common
 * leading indentation removed.
 */
class TestingGuideTest {

    private static final List<Path> GUIDES = List.of(Path.of("..", "docs", "testing.md"),
            Path.of("..", "docs", "fuzzing.md"));
    private static final Path SOURCES = Path.of("src", "test", "java", "dev", "hourglass", "samples", "guide");

    private static final Pattern MARKER = Pattern.compile("^\\s*// guide: (\\S+) (begin|end)\\s*$");
    private static final Pattern EXAMPLE = Pattern.compile("^<!-- example: (\\S+) -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

    /** A Java block of a guide: its name (or null) and its text, with the guide and the line it starts on. */
    private record Example(String name, Path guide, int line, String text) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleOfTheGuideIsTheTextOfTheRegionOfTheSameName() {
        Map<String, String> regions = regions();
        return examples().stream().map(example -> DynamicTest.dynamicTest("example " + example.name(), () -> {
            assertThat(regions.containsKey(example.name()))
                    .as("region '%s' (%s line %d): no test in %s marks it with // guide: %s begin/end",
                            example.name(), example.guide(), example.line(), SOURCES, example.name())
                    .isTrue();
            assertThat(example.text())
                    .as("example '%s' (%s line %d) differs from region '%s' of the tests in %s",
                            example.name(), example.guide(), example.line(), example.name(), SOURCES)
                    .isEqualTo(regions.get(example.name()));
        }));
    }

    @Test
    void everyJavaBlockOfTheGuideIsNamedOnceByAnExampleComment() {
        List<Example> examples = examples();
        assertThat(examples).as("Java blocks of the guides without a preceding <!-- example: name --> comment")
                .filteredOn(example -> example.name() == null)
                .extracting(example -> example.guide() + " line " + example.line())
                .isEmpty();
        assertThat(examples.stream().map(Example::name).filter(name -> name != null))
                .as("names of the examples of the guides")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyRegionOfTheGuidesTestsIsShownInTheGuide() {
        List<String> shown = examples().stream().map(Example::name).collect(Collectors.toList());
        assertThat(regions().keySet().stream().filter(name -> !shown.contains(name)))
                .as("regions of the tests in %s that no guide shows", SOURCES)
                .isEmpty();
    }

    /** The Java blocks of the guides, in order. */
    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        GUIDES.forEach(guide -> examples.addAll(examples(guide)));
        return examples;
    }

    /** The Java blocks of {@code guide}, in order. */
    private static List<Example> examples(Path guide) {
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
                assertThat(end).as("code block opened at %s line %d is never closed", guide, i + 1)
                        .isLessThan(lines.size());
                if (fence.group(1).equals("java")) {
                    examples.add(new Example(pendingName, guide, i + 1,
                            String.join("\n", lines.subList(i + 1, end))));
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
    private static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
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
