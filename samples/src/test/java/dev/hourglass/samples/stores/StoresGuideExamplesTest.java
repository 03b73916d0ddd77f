package dev.hourglass.samples.stores;

import dev.hourglass.samples.GuideExamplesTest;
import java.nio.file.Path;

/** Keeps the guide to the durable stores true: its Java examples are regions of the tests in this package. */
class StoresGuideExamplesTest extends GuideExamplesTest {

    StoresGuideExamplesTest() {
        super(Path.of("..", "docs", "stores.md"),
                Path.of("src", "test", "java", "dev", "hourglass", "samples", "stores"));
    }
}
