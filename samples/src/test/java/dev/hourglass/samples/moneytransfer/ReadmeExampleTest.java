package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that the example of the repository's README is, verbatim, the code of {@link MoneyTransfer},
 * {@link MoneyTransferImpl} and {@link MoneyTransferTest}, which the build compiles and runs.
 */
class ReadmeExampleTest {

    private static final String BEGIN = "<!-- README example: begin -->";
    private static final String END = "<!-- README example: end -->";

    @Test
    void readmeExampleIsTheCodeOfTheCompiledFilesVerbatim() throws IOException {
        assertThat(javaBlocks(exampleSection())).containsExactly(
                declarations("MoneyTransfer.java"),
                declarations("MoneyTransferImpl.java"),
                declarations("MoneyTransferTest.java"));
    }

    /** The README's text between the example markers. */
    private static String exampleSection() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("position of " + BEGIN + " in the README").isNotNegative();
        assertThat(end).as("position of " + END + " in the README").isGreaterThan(begin);
        return readme.substring(begin + BEGIN.length(), end);
    }

    /** The contents of the {@code ```java} blocks of a Markdown text, in order. */
    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString().strip());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** A source file of this package from its first line after the package and import lines. */
    private static String declarations(String fileName) throws IOException {
        Path file = Path.of("src", "test", "java", "dev", "hourglass", "samples", "moneytransfer", fileName);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = 0;
        while (start < lines.size() && (lines.get(start).isBlank() || lines.get(start).startsWith("package ")
                || lines.get(start).startsWith("import "))) {
            start++;
        }
        return String.join("\n", lines.subList(start, lines.size())).strip();
    }
}
