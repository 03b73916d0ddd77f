package dev.hourglass.samples.migration;

import dev.hourglass.samples.GuideExamplesTest;
import java.nio.file.Path;

/** Keeps the migration guide true: its Java examples are regions of the ported tests it describes. */
class MigrationGuideTest extends GuideExamplesTest {

    MigrationGuideTest() {
        super(Path.of("..", "docs", "from-temporal.md"),
                Path.of("src", "test", "java", "dev", "hourglass", "samples", "migration"));
    }
}
