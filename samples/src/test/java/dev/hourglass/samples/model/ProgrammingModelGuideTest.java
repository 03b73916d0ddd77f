package dev.hourglass.samples.model;

import dev.hourglass.samples.GuideExamplesTest;
import java.nio.file.Path;

/** Keeps the guide to the programming model true: its Java examples are regions of the tests in this package. */
class ProgrammingModelGuideTest extends GuideExamplesTest {

    ProgrammingModelGuideTest() {
        super(Path.of("..", "docs", "programming-model.md"),
                Path.of("src", "test", "java", "dev", "hourglass", "samples", "model"));
    }
}
