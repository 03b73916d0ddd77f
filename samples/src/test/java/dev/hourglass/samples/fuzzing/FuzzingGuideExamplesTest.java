package dev.hourglass.samples.fuzzing;

import dev.hourglass.samples.GuideExamplesTest;
import java.nio.file.Path;

/** Keeps the fault-fuzzing guide true: its Java examples are regions of the tests in this package. */
class FuzzingGuideExamplesTest extends GuideExamplesTest {

    FuzzingGuideExamplesTest() {
        super(Path.of("..", "docs", "fuzzing.md"),
                Path.of("src", "test", "java", "dev", "hourglass", "samples", "fuzzing"));
    }
}
