package dev.hourglass.samples.guide;

import dev.hourglass.samples.GuideExamplesTest;
import java.nio.file.Path;

/** Keeps the testing guide true: its Java examples are regions of the tests in this package. */
class TestingGuideTest extends GuideExamplesTest {

    TestingGuideTest() {
        super(Path.of("..", "docs", "testing.md"),
                Path.of("src", "test", "java", "dev", "hourglass", "samples", "guide"));
    }
}
